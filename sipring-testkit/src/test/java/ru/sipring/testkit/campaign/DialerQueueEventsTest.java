package ru.sipring.testkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.dialer.Dialer;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;

/** The dialer counting abandons from the gateway's queue call events, without host code. */
class DialerQueueEventsTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant T0 = Instant.parse("2026-01-14T07:00:00Z"); // 10:00 Moscow

  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private InMemoryCampaignStore store;
  private InMemoryPbxGateway pbx;
  private Dialer dialer;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    long p = store.campaigns().createProject("P").id();
    long t = store.campaigns().createTask(p, "T").id();
    Assignment a = store.campaigns().createAssignment(t, "A", new AssignmentSettings(
        CallWindow.daily(MSK, LocalTime.of(9, 0), LocalTime.of(18, 0)), RetryPolicy.guide(0, Duration.ofMinutes(5)),
        DncScope.ASSIGNMENT));
    store.contacts().insertAll(a.id(), List.of("79160000001", "79160000002", "79160000003", "79160000004").stream()
        .map(n -> Contact.of(a.id(), n, Map.of(), Map.of())).toList());
    pbx = InMemoryPbxGateway.of(clock).script(r -> InMemoryPbxGateway.Script.hold());
    // predictive, 2 free operators at ratio 2.0: 4 calls; the cap is 10 % abandoned
    dialer = Dialer.builder(store, pbx, a.id()).clock(clock)
        .settings(DialerSettings.guide("6000", "from-internal", "1", 0, Duration.ofMinutes(5), Duration.ZERO).withPacing(DialerSettings.Mode.PREDICTIVE, 4, 2.0, 2.0, 0.10))
        .freeOperators(() -> 2).build();
    dialer.start();
  }

  private CallAttempt attempt(String tag) {
    return store.attempts().between(Instant.EPOCH, T0.plusSeconds(1)).stream().filter(x -> x.tag().equals(tag))
        .findFirst().orElseThrow();
  }

  private static QueueCallEvent abandoned(String callId) {
    return new QueueCallEvent.CallerAbandoned(callId, "6000", "1", 1, 1, Duration.ofSeconds(12), T0);
  }

  @Test
  void anAnsweredDialerCallAbandonedInTheQueueCountsOnceAndCapsTheRatio() {
    assertThat(dialer.tick()).isEqualTo(4);
    List<String> tags = pbx.pendingTags();
    pbx.complete(tags.get(0), OriginateOutcome.ANSWERED);
    pbx.complete(tags.get(1), OriginateOutcome.ANSWERED);
    pbx.complete(tags.get(2), OriginateOutcome.NO_ANSWER);
    String uid0 = attempt(tags.get(0)).uniqueId();
    String uid1 = attempt(tags.get(1)).uniqueId();
    assertThat(uid0).isNotNull();

    pbx.publish(abandoned("1700000000.999")); // some other caller of the queue: not ours
    pbx.publish(new QueueCallEvent.AgentConnected(uid1, "6000", "1", "", "PJSIP/501", "Иванов", Duration.ofSeconds(2),
        Duration.ofSeconds(3), T0));
    assertThat(dialer.state().abandonedToday()).isZero();

    pbx.publish(abandoned(uid0));
    assertThat(dialer.state().abandonedToday()).isEqualTo(1);
    assertThat(dialer.abandonRate()).isEqualTo(0.5);
    assertThat(attempt(tags.get(0)).note()).contains("abandoned in queue 6000 after 12 s");
    assertThat(store.dialerStates().find(attempt(tags.get(0)).assignmentId()).orElseThrow().abandonedToday())
        .isEqualTo(1);

    pbx.publish(abandoned(uid0)); // a repeated event
    dialer.recordAbandoned(tags.get(0)); // and a host that still reports it itself
    assertThat(dialer.state().abandonedToday()).isEqualTo(1);

    pbx.complete(tags.get(3), OriginateOutcome.NO_ANSWER);
    dialer.tick(); // over the cap: back to one call per free operator
    assertThat(dialer.state().ratio()).isEqualTo(1.0);
  }

  @Test
  void afterCloseEventsAreNoLongerCounted() {
    dialer.tick();
    String tag = pbx.pendingTags().get(0);
    pbx.complete(tag, OriginateOutcome.ANSWERED);
    dialer.close();
    pbx.publish(abandoned(attempt(tag).uniqueId()));
    assertThat(dialer.state().abandonedToday()).isZero();
  }

  @Test
  void aCallCompletedWithAnOperatorIsNotAbandonedLater() {
    dialer.tick();
    String tag = pbx.pendingTags().get(0);
    pbx.complete(tag, OriginateOutcome.ANSWERED);
    String uid = attempt(tag).uniqueId();
    pbx.publish(new QueueCallEvent.AgentCompleted(uid, "6000", "1", "PJSIP/501", "Иванов", Duration.ofSeconds(4),
        Duration.ofSeconds(50), QueueCallEvent.CompletedBy.CALLER, T0));
    pbx.publish(abandoned(uid));
    assertThat(dialer.state().abandonedToday()).isZero();
  }

  @Test
  void agentCompletedGivesAProvisionalBillsecThatTheCdrReplaces() {
    dialer.tick();
    List<String> tags = pbx.pendingTags();
    pbx.complete(tags.get(0), OriginateOutcome.ANSWERED);
    pbx.complete(tags.get(1), OriginateOutcome.ANSWERED);
    pbx.complete(tags.get(2), OriginateOutcome.BUSY);
    assertThat(attempt(tags.get(0)).billsec()).isZero();
    pbx.publish(completed(attempt(tags.get(0)).uniqueId(), 4, 50));
    assertThat(attempt(tags.get(0)).billsec()).isEqualTo(54); // waited 4 s in the queue, talked 50 s

    dialer.recordBillsec(attempt(tags.get(0)).id(), 57, "rec-1.wav"); // the CDR wins
    assertThat(attempt(tags.get(0)).billsec()).isEqualTo(57);
    assertThat(attempt(tags.get(0)).recording()).isEqualTo("rec-1.wav");
    pbx.publish(completed(attempt(tags.get(0)).uniqueId(), 4, 50)); // a repeated event changes nothing
    assertThat(attempt(tags.get(0)).billsec()).isEqualTo(57);

    dialer.recordBillsec(attempt(tags.get(1)).id(), 31, null); // CDR first, event later: the CDR stays
    pbx.publish(completed(attempt(tags.get(1)).uniqueId(), 1, 90));
    assertThat(attempt(tags.get(1)).billsec()).isEqualTo(31);
  }

  private static QueueCallEvent completed(String callId, int hold, int talk) {
    return new QueueCallEvent.AgentCompleted(callId, "6000", "1", "PJSIP/501", "Иванов", Duration.ofSeconds(hold),
        Duration.ofSeconds(talk), QueueCallEvent.CompletedBy.CALLER, T0);
  }
}
