package ru.sipring.campaign.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.MutableClock;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.Task;
import ru.sipring.core.pbx.OriginateOutcome;

class DialerTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  // 10:00 Moscow on a Wednesday
  private static final Instant T0 = Instant.parse("2026-01-14T07:00:00Z");

  private InMemoryCampaignStore store;
  private MutableClock clock;
  private ScriptedPbx pbx;
  private Assignment a;
  private Project project;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    clock = new MutableClock(T0);
    pbx = new ScriptedPbx();
    project = store.campaigns().createProject("P");
    Task t = store.campaigns().createTask(project.id(), "T");
    a = store.campaigns().createAssignment(t.id(), "A", new AssignmentSettings(
        CallWindow.daily(MSK, LocalTime.of(9, 0), LocalTime.of(21, 0)), RetryPolicy.guide(0, Duration.ofSeconds(30)),
        DncScope.ASSIGNMENT));
  }

  private void clients(String... phones) {
    store.contacts().insertAll(a.id(), java.util.Arrays.stream(phones)
        .map(p -> Contact.of(a.id(), p, Map.of(), Map.of())).toList());
  }

  private Dialer dialer(DialerSettings s, int free) {
    return Dialer.builder(store, pbx, a.id()).clock(clock)
        .settings(s)
        .freeOperators(() -> free).build();
  }

  private static DialerSettings guide(int repeats, int delaySec, int pauseSec) {
    return DialerSettings.guide("520", "from-internal", "12345678", repeats, Duration.ofSeconds(delaySec),
        Duration.ofSeconds(pauseSec));
  }

  @Test
  void guideFieldsBecomeTheOriginate() {
    clients("8 (916) 000-00-01");
    Dialer d = dialer(guide(0, 30, 5), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(1);
    var r = pbx.last();
    assertThat(r.channel()).isEqualTo("Local/79160000001@from-internal");
    assertThat(r.extension()).isEqualTo("520");
    assertThat(r.context()).isEqualTo("from-internal");
    assertThat(r.callerId()).isEqualTo("12345678");
    assertThat(r.tag()).startsWith("sipring-dialer-");
  }

  @Test
  void pauseBetweenNumbersSpacesOriginates() {
    clients("79160000001", "79160000002", "79160000003");
    Dialer d = dialer(guide(0, 30, 5).withPacing(DialerSettings.Mode.FIXED, 3, 1, 1, 0.03), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(4));
    assertThat(d.tick()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(d.tick()).isEqualTo(1);
    assertThat(pbx.requests).hasSize(2);
  }

  @Test
  void cardsOutsideTheirOwnWindowDoNotHideLaterOnesAndTheStoreIsAskedForNoMoreThanTheSlots() {
    // 10:00 in Moscow is 02:00 in New York: the first 500 cards are outside their window, the last two inside
    List<Contact> far = java.util.stream.IntStream.range(0, 500).mapToObj(i -> Contact.of(a.id(),
        "7916200" + String.format("%04d", i), Map.of(ContactField.TIME_ZONE, "America/New_York"), Map.of())).toList();
    store.contacts().insertAll(a.id(), far);
    clients("79160000001", "79160000002");
    List<Integer> asked = new java.util.ArrayList<>();
    InMemoryCampaignStore counting = store;
    ru.sipring.campaign.CampaignStore spy = new ru.sipring.campaign.CampaignStore() {
      @Override public ru.sipring.campaign.CampaignRepository campaigns() { return counting.campaigns(); }
      @Override public ru.sipring.campaign.ContactRepository contacts() {
        ru.sipring.campaign.ContactRepository r = counting.contacts();
        return (ru.sipring.campaign.ContactRepository) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ru.sipring.campaign.ContactRepository.class}, (p, m, args) -> {
              if (m.getName().equals("byAssignment")) {
                throw new AssertionError("the dialer must not read the whole base");
              }
              if (m.getName().equals("dueForCall")) {
                asked.add((Integer) args[5]);
              }
              try {
                return m.invoke(r, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
      @Override public ru.sipring.campaign.CallAttemptRepository attempts() { return counting.attempts(); }
      @Override public ru.sipring.campaign.WorkSessionRepository sessions() { return counting.sessions(); }
      @Override public DncRepository dnc() { return counting.dnc(); }
      @Override public ru.sipring.campaign.MappingRepository mappings() { return counting.mappings(); }
      @Override public ru.sipring.campaign.DialerStateRepository dialerStates() { return counting.dialerStates(); }
      @Override public ru.sipring.campaign.DialerSettingsRepository dialerSettings() {
        return counting.dialerSettings();
      }
    };
    Dialer d = Dialer.builder(spy, pbx, a.id()).clock(clock)
        .settings(guide(0, 30, 0).withPacing(DialerSettings.Mode.FIXED, 2, 1, 1, 0.03))
        .freeOperators(() -> 0).build();
    d.start();
    assertThat(d.tick()).isEqualTo(2);
    assertThat(pbx.requests).extracting(r -> r.channel())
        .containsExactly("Local/79160000001@from-internal", "Local/79160000002@from-internal");
    assertThat(asked.get(0)).isEqualTo(2); // first only as many as it can dial
    asked.clear();
    assertThat(d.tick()).isZero(); // both lines busy: the store is not even asked
    assertThat(asked).isEmpty();
  }

  @Test
  void maxConcurrentLimitsCallsInProgress() {
    clients("79160000001", "79160000002", "79160000003");
    Dialer d = dialer(guide(0, 30, 0).withPacing(DialerSettings.Mode.FIXED, 2, 1, 1, 0.03), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(2);
    assertThat(d.tick()).isZero();
    pbx.complete("79160000001", OriginateOutcome.ANSWERED, clock.instant());
    assertThat(d.tick()).isEqualTo(1);
    assertThat(d.inFlight()).isEqualTo(2);
  }

  @Test
  void retryRulesDelayAndMaxAttemptsAndAnsweredIsNeverRedialled() {
    clients("79160000001", "79160000002");
    Dialer d = dialer(guide(1, 30, 0).withPacing(DialerSettings.Mode.FIXED, 5, 1, 1, 0.03), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(2);
    pbx.complete("79160000001", OriginateOutcome.BUSY, clock.instant());
    pbx.complete("79160000002", OriginateOutcome.ANSWERED, clock.instant());
    clock.advance(Duration.ofSeconds(29));
    assertThat(d.tick()).as("before the redial delay").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(d.tick()).isEqualTo(1);
    pbx.complete("79160000001", OriginateOutcome.NO_ANSWER, clock.instant());
    clock.advance(Duration.ofHours(1));
    assertThat(d.tick()).as("one repeat only").isZero();
    assertThat(pbx.callsTo("79160000001")).isEqualTo(2);
    assertThat(pbx.callsTo("79160000002")).isEqualTo(1);
    List<Contact> cs = store.contacts().byAssignment(a.id());
    assertThat(cs.get(0).status()).isEqualTo(ContactStatus.NO_ANSWER);
    assertThat(cs.get(0).attempts()).isEqualTo(2);
    assertThat(cs.get(1).status()).isEqualTo(ContactStatus.ANSWERED);
    assertThat(store.attempts().between(T0, T0.plus(Duration.ofDays(1)))).extracting(CallAttempt::outcome)
        .containsExactly(CallOutcome.BUSY, CallOutcome.ANSWERED, CallOutcome.NO_ANSWER);
  }

  @Test
  void finishedWhenNoCallIsInFlightAndNoClientIsDueNowOrLater() {
    clients("79160000001", "79160000002", "79160000003");
    store.dnc().add(DncRepository.assignmentKey(a.id()), "79160000003");
    Dialer d = dialer(guide(1, 30, 0).withPacing(DialerSettings.Mode.FIXED, 5, 1, 1, 0.03), 0);
    assertThat(d.finished()).as("never-called clients").isFalse();
    d.start();
    assertThat(d.tick()).as("the client on the do-not-call list is not called").isEqualTo(2);
    assertThat(d.finished()).as("calls in flight").isFalse();
    pbx.complete("79160000001", OriginateOutcome.BUSY, clock.instant());
    pbx.complete("79160000002", OriginateOutcome.ANSWERED, clock.instant());
    assertThat(d.inFlight()).isZero();
    assertThat(d.finished()).as("a busy client waits for its redial in 30 s").isFalse();
    clock.advance(Duration.ofSeconds(30));
    assertThat(d.tick()).isEqualTo(1);
    pbx.complete("79160000001", OriginateOutcome.BUSY, clock.instant());
    assertThat(d.finished()).as("one repeat was allowed and made; answered and do-not-call are done").isTrue();
  }

  @Test
  void aClientOutsideTheCallWindowIsNotFinished() {
    clients("79160000001");
    clock.set(Instant.parse("2026-01-14T18:30:00Z")); // 21:30 Moscow: closed
    Dialer d = dialer(guide(0, 30, 0), 0);
    d.start();
    assertThat(d.tick()).isZero();
    assertThat(d.finished()).as("the window opens again at 09:00").isFalse();
    clock.set(Instant.parse("2026-01-15T06:00:00Z"));
    assertThat(d.tick()).isEqualTo(1);
    pbx.complete("79160000001", OriginateOutcome.ANSWERED, clock.instant());
    assertThat(d.finished()).isTrue();
  }

  @Test
  void theDialersOwnRetryRulesDecideWhatIsLeft() {
    clients("79160000001");
    // the assignment allows no repeat (setUp), the dialer's settings allow two
    Dialer d = dialer(guide(2, 60, 0), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(1);
    pbx.complete("79160000001", OriginateOutcome.NO_ANSWER, clock.instant());
    assertThat(d.finished()).isFalse();
    assertThat(dialer(guide(0, 60, 0), 0).finished()).as("with no repeat allowed").isTrue();
  }

  @Test
  void neverOutsideTheWindowAndTheClientsOwnZoneCounts() {
    clients("79160000001");
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "74950000002",
        Map.of(ContactField.TIME_ZONE, "Asia/Vladivostok"), Map.of())));
    clock.set(Instant.parse("2026-01-14T05:30:00Z")); // 08:30 Moscow, 15:30 Vladivostok
    Dialer d = dialer(guide(0, 30, 0).withPacing(DialerSettings.Mode.FIXED, 5, 1, 1, 0.03), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(1);
    assertThat(pbx.last().channel()).contains("74950000002");
    clock.set(Instant.parse("2026-01-14T18:30:00Z")); // 21:30 Moscow: closed
    assertThat(d.tick()).isZero();
    clock.set(Instant.parse("2026-01-15T06:00:00Z")); // 09:00 Moscow
    assertThat(d.tick()).isEqualTo(1);
    assertThat(pbx.last().channel()).contains("79160000001");
  }

  @Test
  void neverCallsADncNumberOnAnyApplicableList() {
    clients("79160000001", "79160000002", "79160000003", "79160000004");
    store.dnc().add(DncRepository.GLOBAL, "79160000001");
    store.dnc().add(DncRepository.projectKey(project.id()), "79160000002");
    store.dnc().add(DncRepository.assignmentKey(a.id()), "79160000003");
    store.dnc().add(DncRepository.assignmentKey(a.id() + 1000), "79160000004"); // another assignment's list
    Dialer d = dialer(guide(0, 30, 0).withPacing(DialerSettings.Mode.FIXED, 5, 1, 1, 0.03), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(1);
    assertThat(pbx.last().channel()).contains("79160000004");
  }

  @Test
  void restartNeverCallsAnyoneTwice(@TempDir Path dir) {
    clients("79160000001", "79160000002");
    Dialer d = dialer(guide(3, 1, 0).withPacing(DialerSettings.Mode.FIXED, 1, 1, 1, 0.03), 0);
    d.start();
    assertThat(d.tick()).isEqualTo(1); // call to ...01 in flight when the process dies
    Path file = dir.resolve("store.json");
    store.save(file);
    // a new process: the store comes back from the file, the PBX is a new one
    store = InMemoryCampaignStore.load(file);
    ScriptedPbx before = pbx;
    pbx = new ScriptedPbx();
    clock.advance(Duration.ofMinutes(10));
    Dialer again = dialer(guide(3, 1, 0).withPacing(DialerSettings.Mode.FIXED, 1, 1, 1, 0.03), 0);
    assertThat(again.state().status()).isEqualTo(DialerState.Status.RUNNING);
    assertThat(again.tick()).isEqualTo(1);
    assertThat(pbx.last().channel()).contains("79160000002");
    pbx.complete("79160000002", OriginateOutcome.BUSY, clock.instant());
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMinutes(1));
      again.tick();
      if (pbx.pending() > 0) {
        pbx.complete("79160000002", OriginateOutcome.BUSY, clock.instant());
      }
    }
    assertThat(before.callsTo("79160000001") + pbx.callsTo("79160000001")).isEqualTo(1);
    assertThat(pbx.callsTo("79160000002")).isEqualTo(4);
    Contact first = store.contacts().byAssignment(a.id()).get(0);
    assertThat(first.status()).isEqualTo(ContactStatus.IN_DOUBT);
    assertThat(store.attempts().byContact(first.id())).singleElement()
        .satisfies(x -> assertThat(x.note()).contains("in doubt"));
  }

  @Test
  void pausedAndStoppedDialersPlaceNothingButRecordOutcomes() {
    clients("79160000001", "79160000002");
    Dialer d = dialer(guide(0, 30, 0), 0);
    assertThat(d.tick()).as("not started").isZero();
    d.start();
    assertThat(d.tick()).isEqualTo(1);
    d.pause();
    pbx.complete("79160000001", OriginateOutcome.ANSWERED, clock.instant());
    assertThat(d.tick()).isZero();
    assertThat(store.contacts().byAssignment(a.id()).get(0).status()).isEqualTo(ContactStatus.ANSWERED);
    d.start();
    d.stop();
    assertThat(d.tick()).isZero();
    assertThat(store.dialerStates().find(a.id()).orElseThrow().status()).isEqualTo(DialerState.Status.STOPPED);
  }

  @Test
  void progressiveDialsFreeOperatorsTimesRatioCappedByMaxConcurrent() {
    clients("79160000001", "79160000002", "79160000003", "79160000004", "79160000005");
    Dialer d = dialer(guide(0, 30, 0).withPacing(DialerSettings.Mode.PROGRESSIVE, 10, 1.5, 1.5, 0.03), 2);
    d.start();
    assertThat(d.tick()).isEqualTo(3);
    Dialer none = Dialer.builder(store, pbx, a.id()).clock(clock)
        .settings(guide(0, 30, 0).withPacing(DialerSettings.Mode.PROGRESSIVE, 10, 1.5, 1.5, 0.03))
        .freeOperators(() -> 0).build();
    assertThat(none.tick()).as("no free operator, no call").isZero();
    Dialer capped = Dialer.builder(store, new ScriptedPbx(), a.id()).clock(clock)
        .settings(guide(0, 30, 0).withPacing(DialerSettings.Mode.PROGRESSIVE, 1, 2, 2, 0.03))
        .freeOperators(() -> 5).build();
    assertThat(capped.tick()).isEqualTo(1);
  }

  @Test
  void predictiveRaisesTheRatioUntilTheAbandonCapForcesItBackToOne() {
    String[] phones = new String[40];
    for (int i = 0; i < phones.length; i++) {
      phones[i] = String.format("791600000%02d", i);
    }
    clients(phones);
    Dialer d = dialer(guide(0, 30, 0).withPacing(DialerSettings.Mode.PREDICTIVE, 100, 1.0, 2.0, 0.05), 2);
    d.start();
    d.tick();
    assertThat(d.state().ratio()).isGreaterThan(1.0);
    for (int i = 0; i < 20; i++) {
      for (var r : List.copyOf(pbx.requests)) {
        if (pbx.pending() > 0) {
          try {
            pbx.complete(r.channel().substring(6, 17), OriginateOutcome.ANSWERED, clock.instant());
          } catch (AssertionError alreadyDone) {
            // completed in an earlier round
          }
        }
      }
      clock.advance(Duration.ofSeconds(1));
      d.tick();
    }
    assertThat(d.state().ratio()).isEqualTo(2.0);
    long answered = d.state().answeredToday();
    assertThat(answered).isGreaterThan(10);
    for (int i = 0; i < answered / 10; i++) {
      d.recordAbandoned("x" + i); // 10 % abandoned > 5 % cap
    }
    d.tick();
    assertThat(d.abandonRate()).isGreaterThan(0.05);
    assertThat(d.state().ratio()).isEqualTo(1.0);
  }
}
