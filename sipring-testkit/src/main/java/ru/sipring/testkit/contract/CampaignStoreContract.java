package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallAttemptRepository;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * What every {@link CampaignStore} must do, whatever keeps the data: the in-memory store and the MariaDB one
 * both extend this class and supply a fresh, empty store per test.
 */
public abstract class CampaignStoreContract {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant T0 = Instant.parse("2026-01-14T07:00:00.123Z");

  /**
   * A new, empty store.
   *
   * @return the store under test, called before each test
   */
  protected abstract CampaignStore newStore();

  private CampaignStore store;
  private Project project;
  private Task task;
  private Assignment a1;
  private Assignment a2;

  @BeforeEach
  void createHierarchy() {
    store = newStore();
    project = store.campaigns().createProject("Привлечение клиентов");
    task = store.campaigns().createTask(project.id(), "Мелкооптовая торговля");
    AssignmentSettings s = new AssignmentSettings(CallWindow.daily(MSK, LocalTime.of(9, 0), LocalTime.of(21, 0)),
        RetryPolicy.guide(2, Duration.ofSeconds(30)), DncScope.PROJECT);
    a1 = store.campaigns().createAssignment(task.id(), "Поиск магазинов", s);
    a2 = store.campaigns().createAssignment(task.id(), "Второе", AssignmentSettings.defaults(MSK));
  }

  @Test
  void hierarchyRoundTripsWithSettings() {
    assertThat(store.campaigns().projects()).containsExactly(project);
    assertThat(store.campaigns().tasks(project.id())).containsExactly(task);
    assertThat(store.campaigns().assignments(task.id())).containsExactly(a1, a2);
    assertThat(store.campaigns().assignment(a1.id())).contains(a1);
    assertThat(store.campaigns().assignment(a1.id() + 10_000)).isEmpty();
  }

  @Test
  void namesAreUniqueWithinTheParentIgnoringCase() {
    assertThatThrownBy(() -> store.campaigns().createProject("привлечение клиентов"))
        .isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> store.campaigns().createAssignment(task.id(), "Второе", AssignmentSettings.defaults(MSK)))
        .isInstanceOf(RejectedException.class);
    Project other = store.campaigns().createProject("Другой");
    assertThat(store.campaigns().createTask(other.id(), "Мелкооптовая торговля").projectId()).isEqualTo(other.id());
    assertThatThrownBy(() -> store.campaigns().createTask(12345678L, "x")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void renameArchiveAndSettings() {
    store.campaigns().renameTask(task.id(), "Опт");
    store.campaigns().archiveAssignment(a2.id(), true);
    store.campaigns().updateSettings(a2.id(), a1.settings());
    assertThat(store.campaigns().task(task.id()).orElseThrow().name()).isEqualTo("Опт");
    Assignment changed = store.campaigns().assignment(a2.id()).orElseThrow();
    assertThat(changed.archived()).isTrue();
    assertThat(changed.settings()).isEqualTo(a1.settings());
    assertThatThrownBy(() -> store.campaigns().renameProject(98765L, "x")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void contactsRoundTripWithEveryFieldAndState() {
    Contact c = Contact.of(a1.id(), "8 (916) 000-23-23", Map.of(ContactField.FULL_NAME, "Сегреева Людмила Викторовна",
        ContactField.COMPANY, "ООО Холдинг", ContactField.NOTE_4, "прим. 4"), Map.of("Сегмент", "VIP", "b", "2"));
    assertThat(store.contacts().insertAll(a1.id(), List.of(c, Contact.of(a1.id(), "881", Map.of(), Map.of()))))
        .isEqualTo(2);
    List<Contact> back = store.contacts().byAssignment(a1.id());
    assertThat(back).hasSize(2);
    Contact first = back.get(0);
    assertThat(first.id()).isPositive();
    assertThat(first.withId(0, a1.id())).isEqualTo(c);
    Contact called = first.afterAttempt(CallOutcome.BUSY, T0).withStatus(ContactStatus.DONE);
    store.contacts().update(called);
    assertThat(store.contacts().byId(first.id())).contains(called);
    assertThat(store.contacts().byAssignment(a2.id())).isEmpty();
  }

  @Test
  void dueForCallFollowsStatusAttemptsDelayAndDncInDueOrder() {
    List<String> phones = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "7916000000" + (i % 10))
        .toList();
    store.contacts().insertAll(a1.id(), phones.stream().map(p -> Contact.of(a1.id(), p, Map.of(), Map.of())).toList());
    store.contacts().insertAll(a2.id(), List.of(Contact.of(a2.id(), "79160000099", Map.of(), Map.of())));
    List<Contact> c = store.contacts().byAssignment(a1.id());
    Instant now = T0.plusSeconds(3600);
    // c0, c1 never called; c2 busy 60 s ago (due 30 s ago); c3 no answer 120 s ago (due 90 s ago, so before c2)
    store.contacts().update(c.get(2).afterAttempt(CallOutcome.BUSY, now.minusSeconds(60)));
    store.contacts().update(c.get(3).afterAttempt(CallOutcome.NO_ANSWER, now.minusSeconds(120)));
    store.contacts().update(c.get(4).afterAttempt(CallOutcome.BUSY, now.minusSeconds(10))); // not yet
    store.contacts().update(c.get(5).afterAttempt(CallOutcome.BUSY, T0).afterAttempt(CallOutcome.BUSY, T0)
        .afterAttempt(CallOutcome.BUSY, T0)); // 3 of 3 attempts used
    store.contacts().update(c.get(6).afterAttempt(CallOutcome.ANSWERED, T0));
    store.contacts().update(c.get(7).withStatus(ContactStatus.DONE));
    store.contacts().update(c.get(8).inDoubt(T0));
    store.dnc().add(DncRepository.projectKey(project.id()), c.get(9).phoneNormalized());
    store.dnc().add(DncRepository.assignmentKey(a1.id()), c.get(1).phoneNormalized()); // not in the keys below
    RetryPolicy retry = a1.settings().retry();
    List<String> keys = List.of(DncRepository.GLOBAL, DncRepository.projectKey(project.id()));

    assertThat(ids(store.contacts().dueForCall(a1.id(), retry, keys, now, List.of(), 10)))
        .containsExactly(c.get(0).id(), c.get(1).id(), c.get(3).id(), c.get(2).id());
    assertThat(ids(store.contacts().dueForCall(a1.id(), retry, keys, now, List.of(), 3)))
        .containsExactly(c.get(0).id(), c.get(1).id(), c.get(3).id());
    assertThat(ids(store.contacts().dueForCall(a1.id(), retry, keys, now, List.of(c.get(0).id(), c.get(3).id()), 2)))
        .containsExactly(c.get(1).id(), c.get(2).id());
    assertThat(ids(store.contacts().dueForCall(a1.id(), retry, keys, now.plusSeconds(20), List.of(), 10)))
        .containsExactly(c.get(0).id(), c.get(1).id(), c.get(3).id(), c.get(2).id(), c.get(4).id());
    assertThat(store.contacts().dueForCall(a1.id(), retry, keys, now, List.of(), 0)).isEmpty();
    assertThat(ids(store.contacts().dueForCall(a1.id(), retry, List.of(), now, List.of(), 10)))
        .contains(c.get(9).id());
    assertThat(store.contacts().dueForCall(a1.id(), retry, keys, now, List.of(), 10).get(2))
        .isEqualTo(store.contacts().byId(c.get(3).id()).orElseThrow());
  }

  @Test
  void dueForCallWithManyAttemptsAllowedStillSkipsSpentCards() {
    // a rule of 40 attempts: the SQL stores read it as one range instead of one per attempt count
    RetryPolicy many = RetryPolicy.guide(39, java.time.Duration.ofSeconds(30));
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of()),
        Contact.of(a1.id(), "79160000002", Map.of(), Map.of()), Contact.of(a1.id(), "79160000003", Map.of(), Map.of())));
    List<Contact> c = store.contacts().byAssignment(a1.id());
    Instant now = T0.plusSeconds(3600);
    Contact spent = c.get(0);
    Contact halfway = c.get(1);
    for (int i = 0; i < 40; i++) {
      spent = spent.afterAttempt(CallOutcome.BUSY, now.minusSeconds(600));
      if (i < 35) {
        halfway = halfway.afterAttempt(CallOutcome.BUSY, now.minusSeconds(300));
      }
    }
    store.contacts().update(spent);
    store.contacts().update(halfway);
    store.contacts().update(c.get(2).afterAttempt(CallOutcome.BUSY, now.minusSeconds(10))); // not yet
    assertThat(ids(store.contacts().dueForCall(a1.id(), many, List.of(), now, List.of(), 10)))
        .containsExactly(halfway.id());
    assertThat(ids(store.contacts().dueForCall(a1.id(), many, List.of(), now.plusSeconds(30), List.of(), 10)))
        .containsExactly(halfway.id(), c.get(2).id());
  }

  @Test
  void dueForCallAtTheEndOfTimeFindsEveryClientThatWillEverBeDue() {
    // Dialer.finished() asks this way: a retry waiting for its delay counts, spent and final cards do not
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of()),
        Contact.of(a1.id(), "79160000002", Map.of(), Map.of())));
    List<Contact> c = store.contacts().byAssignment(a1.id());
    Instant now = T0.plusSeconds(3600);
    store.contacts().update(c.get(0).afterAttempt(CallOutcome.BUSY, now));
    store.contacts().update(c.get(1).afterAttempt(CallOutcome.ANSWERED, now));
    RetryPolicy retry = a1.settings().retry();
    List<String> keys = List.of(DncRepository.GLOBAL, DncRepository.projectKey(project.id()));
    Instant endOfTime = Instant.parse("9999-12-31T23:59:59Z");
    assertThat(store.contacts().dueForCall(a1.id(), retry, keys, now, List.of(), 1)).isEmpty();
    assertThat(ids(store.contacts().dueForCall(a1.id(), retry, keys, endOfTime, List.of(), 1)))
        .containsExactly(c.get(0).id());
    Contact spent = store.contacts().byId(c.get(0).id()).orElseThrow();
    while (retry.nextCallAt(spent) != null) {
      spent = spent.afterAttempt(CallOutcome.BUSY, now);
    }
    store.contacts().update(spent);
    assertThat(store.contacts().dueForCall(a1.id(), retry, keys, endOfTime, List.of(), 1)).isEmpty();
  }

  @Test
  void dueForCallAgreesWithEligibilityOnRandomCards() {
    long seed = System.nanoTime();
    java.util.Random rnd = new java.util.Random(seed);
    Instant now = T0.plusSeconds(600);
    List<Contact> cards = new java.util.ArrayList<>();
    CallOutcome[] outcomes = CallOutcome.values();
    for (int i = 0; i < 200; i++) {
      Contact x = Contact.of(a1.id(), "7916100" + String.format("%04d", i), Map.of(), Map.of());
      int calls = rnd.nextInt(4);
      for (int k = 0; k < calls; k++) {
        x = x.afterAttempt(outcomes[rnd.nextInt(outcomes.length)], now.minusSeconds(rnd.nextInt(90)));
      }
      if (rnd.nextInt(10) == 0) {
        x = x.withStatus(ContactStatus.NEW); // an operator's reset keeps the attempts
      } else if (calls == 0 && rnd.nextInt(5) == 0) {
        // a host wrote a callable status on a card never called: due at once, though not "never called"
        x = x.withStatus(List.of(ContactStatus.BUSY, ContactStatus.NO_ANSWER, ContactStatus.CONGESTION,
            ContactStatus.FAILED).get(rnd.nextInt(4)));
      }
      cards.add(x);
    }
    store.contacts().insertAll(a1.id(), cards);
    List<String> keys = List.of(DncRepository.GLOBAL, DncRepository.projectKey(project.id()));
    List<Contact> stored = store.contacts().byAssignment(a1.id());
    for (int i = 0; i < stored.size(); i += 7) {
      store.dnc().add(DncRepository.projectKey(project.id()), stored.get(i).phoneNormalized());
    }
    Assignment always = a1.withSettings(new AssignmentSettings(CallWindow.always(MSK), a1.settings().retry(),
        a1.settings().dncScope()));
    java.util.Set<Long> expected = new java.util.HashSet<>();
    for (Contact x : stored) {
      if (ru.sipring.campaign.Eligibility.check(x, always, keys, store.dnc(), now)
          == ru.sipring.campaign.Eligibility.Verdict.CALLABLE) {
        expected.add(x.id());
      }
    }
    List<Contact> due = store.contacts().dueForCall(a1.id(), a1.settings().retry(), keys, now, List.of(), 1000);
    assertThat(ids(due)).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
    List<Long> order = ids(due);
    List<Long> sorted = due.stream().sorted(ru.sipring.campaign.ContactRepository.DUE_ORDER
        .apply(a1.settings().retry())).map(Contact::id).toList();
    assertThat(order).as("seed %d", seed).isEqualTo(sorted);
  }

  private static List<Long> ids(List<Contact> cs) {
    return cs.stream().map(Contact::id).toList();
  }

  @Test
  void insertIntoAMissingAssignmentFails() {
    assertThatThrownBy(() -> store.contacts().insertAll(987654L, List.of(Contact.of(987654L, "1", Map.of(), Map.of()))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void existingPhonesByScope() {
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of())));
    Project p2 = store.campaigns().createProject("P2");
    Task t2 = store.campaigns().createTask(p2.id(), "T2");
    Assignment far = store.campaigns().createAssignment(t2.id(), "A", AssignmentSettings.defaults(MSK));
    List<String> phones = List.of("79160000001", "79160000002");
    assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a1.id(), phones)).containsExactly("79160000001");
    assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a2.id(), phones)).isEmpty();
    assertThat(store.contacts().existingPhones(DuplicateScope.PROJECT, a2.id(), phones)).containsExactly("79160000001");
    assertThat(store.contacts().existingPhones(DuplicateScope.PROJECT, far.id(), phones)).isEmpty();
    assertThat(store.contacts().existingPhones(DuplicateScope.EVERYWHERE, far.id(), phones)).containsExactly("79160000001");
    assertThat(store.contacts().existingPhones(DuplicateScope.NONE, a1.id(), phones)).isEmpty();
    assertThat(store.contacts().anyInScope(DuplicateScope.ASSIGNMENT, a1.id())).isTrue();
    assertThat(store.contacts().anyInScope(DuplicateScope.ASSIGNMENT, a2.id())).isFalse();
    assertThat(store.contacts().anyInScope(DuplicateScope.PROJECT, a2.id())).isTrue();
    assertThat(store.contacts().anyInScope(DuplicateScope.PROJECT, far.id())).isFalse();
    assertThat(store.contacts().anyInScope(DuplicateScope.EVERYWHERE, far.id())).isTrue();
    assertThat(store.contacts().anyInScope(DuplicateScope.NONE, a1.id())).isFalse();
  }

  @Test
  void attemptsStoreQueryAndFinish() {
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of())));
    long cid = store.contacts().byAssignment(a1.id()).get(0).id();
    CallAttempt op = store.attempts().insert(CallAttempt.operatorCall(cid, a1.id(), "Иванов ВВ", "79160000001", T0,
        CallOutcome.ANSWERED, 30, 22, "ok"));
    CallAttempt dial = store.attempts().insert(new CallAttempt(0, cid, a1.id(), null, "79160000001",
        T0.plusSeconds(60), null, null, 0, 0, "", null, null, true, "sipring-dialer-x"));
    assertThat(op.id()).isPositive().isNotEqualTo(dial.id());
    assertThat(store.attempts().inProgress(a1.id())).containsExactly(dial);
    CallAttempt done = dial.finished(CallOutcome.NO_ANSWER, T0.plusSeconds(90), "uid-1", 0);
    store.attempts().update(done);
    assertThat(store.attempts().inProgress(a1.id())).isEmpty();
    assertThat(store.attempts().byId(dial.id())).contains(done);
    assertThat(store.attempts().between(T0, T0.plusSeconds(61))).containsExactly(op, done);
    assertThat(store.attempts().between(T0.plusMillis(1), T0.plusSeconds(60))).isEmpty();
    assertThat(store.attempts().byContact(cid)).containsExactly(op, done);
  }

  @Test
  void dialerCountsCountOneAssignmentsDialerCallsInThePeriod() {
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of())));
    long cid = store.contacts().byAssignment(a1.id()).get(0).id();
    store.attempts().insert(CallAttempt.operatorCall(cid, a1.id(), "Иванов ВВ", "79160000001", T0,
        CallOutcome.ANSWERED, 30, 22, "ok")); // an operator's call: not the dialer's
    CallAttempt answered = store.attempts().insert(new CallAttempt(0, cid, a1.id(), null, "79160000001",
        T0.plusSeconds(10), null, null, 0, 0, "", null, null, true, "sipring-dialer-1"));
    store.attempts().update(answered.finished(CallOutcome.ANSWERED, T0.plusSeconds(40), "uid-1", 25));
    CallAttempt busy = store.attempts().insert(new CallAttempt(0, cid, a1.id(), null, "79160000001",
        T0.plusSeconds(20), null, null, 0, 0, "", null, null, true, "sipring-dialer-2"));
    store.attempts().update(busy.finished(CallOutcome.BUSY, T0.plusSeconds(25), "uid-2", 0));
    store.attempts().insert(new CallAttempt(0, cid, a1.id(), null, "79160000001", T0.plusSeconds(30), null, null,
        0, 0, "", null, null, true, "sipring-dialer-3")); // still ringing: placed, not answered
    store.attempts().insert(new CallAttempt(0, cid, a2.id(), null, "79160000001", T0.plusSeconds(30), null, null,
        0, 0, "", null, null, true, "sipring-dialer-4")); // another assignment
    store.attempts().insert(new CallAttempt(0, cid, a1.id(), null, "79160000001", T0.plusSeconds(3600), null, null,
        0, 0, "", null, null, true, "sipring-dialer-5")); // after the period

    assertThat(store.attempts().dialerCounts(a1.id(), T0, T0.plusSeconds(3600)))
        .isEqualTo(new CallAttemptRepository.DialerCounts(3, 1));
    assertThat(store.attempts().dialerCounts(a1.id(), T0.plusSeconds(11), T0.plusSeconds(3601)))
        .isEqualTo(new CallAttemptRepository.DialerCounts(3, 0));
    assertThat(store.attempts().dialerCounts(a2.id(), T0, T0.plusSeconds(3600)))
        .isEqualTo(new CallAttemptRepository.DialerCounts(1, 0));
    assertThat(store.attempts().dialerCounts(a2.id(), T0.plusSeconds(31), T0.plusSeconds(60)))
        .isEqualTo(new CallAttemptRepository.DialerCounts(0, 0));
  }

  @Test
  void workSessionsOpenAndOverlap() {
    WorkSession s = store.sessions().insert(new WorkSession(0, "501", a1.id(), T0, null,
        List.of(new WorkSession.Pause(T0.plusSeconds(60), null, "обед")), false));
    assertThat(store.sessions().open()).containsExactly(s);
    WorkSession closed = new WorkSession(s.id(), "501", a1.id(), T0, T0.plusSeconds(3600),
        List.of(new WorkSession.Pause(T0.plusSeconds(60), T0.plusSeconds(120), "обед")), true);
    store.sessions().update(closed);
    assertThat(store.sessions().open()).isEmpty();
    assertThat(store.sessions().byId(s.id())).contains(closed);
    assertThat(store.sessions().overlapping(T0.plusSeconds(3600), T0.plusSeconds(7200))).containsExactly(closed);
    assertThat(store.sessions().overlapping(T0.plusSeconds(3601), T0.plusSeconds(7200))).isEmpty();
    assertThat(store.sessions().overlapping(T0.minusSeconds(10), T0)).isEmpty();
  }

  @Test
  void dncListsByScope() {
    store.dnc().add(DncRepository.projectKey(project.id()), "79160000001");
    store.dnc().add(DncRepository.projectKey(project.id()), "79160000001");
    assertThat(store.dnc().contains(List.of(DncRepository.GLOBAL, DncRepository.projectKey(project.id())),
        "79160000001")).isTrue();
    assertThat(store.dnc().contains(List.of(DncRepository.GLOBAL), "79160000001")).isFalse();
    store.dnc().remove(DncRepository.projectKey(project.id()), "79160000001");
    assertThat(store.dnc().contains(List.of(DncRepository.projectKey(project.id())), "79160000001")).isFalse();
  }

  @Test
  void dncListsAreListedInOrderAndBounded() {
    String key = DncRepository.assignmentKey(a1.id());
    store.dnc().add(key, "79160000003");
    store.dnc().add(key, "79160000001");
    store.dnc().add(key, "79160000002");
    store.dnc().add(DncRepository.GLOBAL, "79160000009");
    assertThat(store.dnc().numbers(key, 10)).containsExactly("79160000001", "79160000002", "79160000003");
    assertThat(store.dnc().numbers(key, 2)).containsExactly("79160000001", "79160000002");
    assertThat(store.dnc().numbers(DncRepository.projectKey(project.id()), 10)).isEmpty();
    store.dnc().remove(key, "79160000002");
    assertThat(store.dnc().numbers(key, 10)).containsExactly("79160000001", "79160000003");
    assertThatThrownBy(() -> store.dnc().numbers(key, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mappingsAndDialerState() {
    ColumnMapping m = new ColumnMapping(true, Map.of("Tel", "phone", "#3", "custom:x"));
    store.mappings().save("crm", m);
    store.mappings().save("crm", m);
    assertThat(store.mappings().find("crm")).contains(m);
    assertThat(store.mappings().names()).containsExactly("crm");
    assertThat(store.mappings().find("none")).isEmpty();
    DialerState st = DialerState.initial(a1.id(), 1.5).withStatus(DialerState.Status.RUNNING)
        .withLastOriginate(T0).withCounts("2026-01-14", 10, 1);
    store.dialerStates().save(st);
    store.dialerStates().save(st.withRatio(2.0));
    assertThat(store.dialerStates().find(a1.id())).contains(st.withRatio(2.0));
    assertThat(store.dialerStates().find(a2.id())).isEmpty();
  }

  @Test
  void dialerSettingsAreKeptWholeAndReplaced() {
    assertThat(store.dialerSettings().find(a1.id())).isEmpty();
    DialerSettings guide = DialerSettings.guide("600", "from-internal", "\"Отдел продаж\" <74950000000>", 3,
        Duration.ofSeconds(90), Duration.ofMillis(1500));
    store.dialerSettings().save(a1.id(), guide);
    assertThat(store.dialerSettings().find(a1.id())).contains(guide);
    DialerSettings own = DialerSettings.builder("queue-7", "outbound", "")
        .pacing(DialerSettings.Mode.PREDICTIVE, 12, 1.5, 3.25, 0.05).ringTimeout(Duration.ofSeconds(25))
        .channelTemplate("PJSIP/{number}@trunk").build();
    store.dialerSettings().save(a1.id(), own);
    store.dialerSettings().save(a2.id(), guide);
    assertThat(store.dialerSettings().find(a1.id())).contains(own); // null retry: the assignment's own rules
    assertThat(store.dialerSettings().find(a2.id())).contains(guide);
    assertThat(store.dialerSettings().find(a2.id() + 1000)).isEmpty();
  }

  // ---- imports: all or nothing for every reader ---------------------------------------------------------

  /**
   * Every card row the store keeps, visible or not (a store that commits an import in chunks keeps the rows of an
   * unfinished or failed import hidden until they are deleted): such a store counts its rows itself. By default the
   * visible cards of the fixture's two assignments, for a store that hides nothing.
   *
   * @param store the store under test
   * @return how many card rows it holds
   */
  protected long storedCardRows(CampaignStore store) {
    return store.contacts().byAssignment(a1.id()).size() + store.contacts().byAssignment(a2.id()).size();
  }

  /**
   * Whether the store commits an import before it has ended (in chunks of at most 500 cards for these tests), so
   * that the rows of a running import exist and must be skipped by readers; the tests then check that they do exist.
   *
   * @return true for a store that commits in chunks; false by default
   */
  protected boolean commitsInChunks() {
    return false;
  }

  private static final int IMPORT_CHUNK = 300;
  private static final int IMPORT_CHUNKS = 6;

  /** 1,800 cards in six chunks; {@code during} runs before chunks 4, 5 and 6 are handed over (3 of 6 written). */
  private ru.sipring.campaign.ContactChunks importOf(long assignmentId, String prefix, Runnable during) {
    int[] next = {0};
    return () -> {
      if (next[0] == IMPORT_CHUNKS) {
        return null;
      }
      if (next[0] >= 3) {
        during.run();
      }
      List<Contact> chunk = new java.util.ArrayList<>();
      for (int i = 0; i < IMPORT_CHUNK; i++) {
        chunk.add(Contact.of(assignmentId, prefix + String.format("%04d", next[0] * IMPORT_CHUNK + i),
            Map.of(ContactField.FULL_NAME, "Клиент " + i), Map.of()));
      }
      next[0]++;
      return chunk;
    };
  }

  private static List<String> importPhones(String prefix) {
    return java.util.stream.IntStream.range(0, IMPORT_CHUNK * IMPORT_CHUNKS)
        .mapToObj(i -> prefix + String.format("%04d", i)).toList();
  }

  /** Runs {@code check} on another thread (a reader of the panel or the dialer) and waits for it. */
  private static void onAnotherThread(Runnable check) {
    java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      reader.submit(check).get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw new AssertionError("the reader failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void readersDuringAnImportNeverSeeItsCards() {
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of())));
    Contact before = store.contacts().byAssignment(a1.id()).get(0);
    RetryPolicy retry = a2.settings().retry();
    List<String> phones = importPhones("7916555");
    int[] checks = {0};
    int imported = store.contacts().insertChunks(a2.id(), importOf(a2.id(), "7916555", () -> onAnotherThread(() -> {
      checks[0]++;
      if (commitsInChunks()) {
        assertThat(storedCardRows(store)).as("rows of the running import committed").isGreaterThan(500);
      }
      assertThat(store.contacts().byAssignment(a2.id())).isEmpty();
      assertThat(store.contacts().byAssignment(a1.id())).containsExactly(before);
      assertThat(store.contacts().dueForCall(a2.id(), retry, List.of(), T0, List.of(), 10)).isEmpty();
      assertThat(store.contacts().anyInScope(DuplicateScope.ASSIGNMENT, a2.id())).isFalse();
      assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a2.id(), phones)).isEmpty();
      assertThat(store.contacts().existingPhones(DuplicateScope.EVERYWHERE, a2.id(), phones)).isEmpty();
      assertThat(store.contacts().existingPhones(DuplicateScope.PROJECT, a2.id(), List.of("79160000001")))
          .containsExactly("79160000001");
      if (checks[0] == 3) {
        // the ids a running import's cards take come after the card stored before it
        for (long id = before.id() + 1; id <= before.id() + 3 * IMPORT_CHUNK * IMPORT_CHUNKS; id++) {
          assertThat(store.contacts().byId(id)).as("card %d", id).isEmpty();
        }
      }
    })));
    assertThat(checks[0]).isEqualTo(3);
    assertThat(imported).isEqualTo(IMPORT_CHUNK * IMPORT_CHUNKS);
    List<Contact> after = store.contacts().byAssignment(a2.id());
    assertThat(after).extracting(Contact::phoneNormalized).containsExactlyElementsOf(phones);
    assertThat(after.get(0).id()).isLessThanOrEqualTo(before.id() + 3 * IMPORT_CHUNK * IMPORT_CHUNKS);
    assertThat(store.contacts().byId(after.get(0).id())).contains(after.get(0));
    assertThat(store.contacts().dueForCall(a2.id(), retry, List.of(), T0, List.of(), 10)).hasSize(10);
    assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a2.id(), phones))
        .containsExactlyInAnyOrderElementsOf(phones);
    assertThat(storedCardRows(store)).isEqualTo(1 + IMPORT_CHUNK * IMPORT_CHUNKS);
  }

  @Test
  void aFailingImportLeavesNothingVisibleAndNothingBehind() {
    store.contacts().insertAll(a1.id(), List.of(Contact.of(a1.id(), "79160000001", Map.of(), Map.of())));
    RuntimeException bad = new ru.sipring.core.BadInputException("base.csv:901", "a bad row in a strict import");
    int[] calls = {0};
    assertThatThrownBy(() -> store.contacts().insertChunks(a1.id(), importOf(a1.id(), "7916555", () -> {
      if (commitsInChunks()) {
        assertThat(storedCardRows(store)).as("rows of the running import committed").isGreaterThan(500);
      }
      throw bad;
    }))).isSameAs(bad);
    assertThat(store.contacts().byAssignment(a1.id())).extracting(Contact::phoneNormalized)
        .containsExactly("79160000001");
    assertThat(store.contacts().existingPhones(DuplicateScope.EVERYWHERE, a1.id(), importPhones("7916555")))
        .isEmpty();
    assertThat(storedCardRows(store)).as("nothing of the failed import left behind").isEqualTo(1);
    // a later import of the same base stores all of it: the failed one holds nothing as a duplicate
    assertThat(store.contacts().insertChunks(a1.id(), importOf(a1.id(), "7916555", () -> calls[0]++)))
        .isEqualTo(IMPORT_CHUNK * IMPORT_CHUNKS);
    assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a1.id(), importPhones("7916555")))
        .hasSize(IMPORT_CHUNK * IMPORT_CHUNKS);
    assertThat(storedCardRows(store)).isEqualTo(1 + IMPORT_CHUNK * IMPORT_CHUNKS);
  }

  @Test
  void twoImportsAtOnceIntoOneAssignmentBothKeepEveryCard() {
    // the duplicate scope sees only finished imports: a second import while the first runs finds none of the first
    // one's numbers (which might still fail and vanish) and stores all of its own, as two transactions did before;
    // an import after both sees every number of both
    List<String> first = importPhones("7916555");
    List<String> second = List.of("79165550001", "79167770001");
    boolean[] once = {false};
    int imported = store.contacts().insertChunks(a1.id(), importOf(a1.id(), "7916555", () -> {
      if (!once[0]) {
        once[0] = true;
        onAnotherThread(() -> {
          assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a1.id(), second)).isEmpty();
          assertThat(store.contacts().insertAll(a1.id(), second.stream()
              .map(p -> Contact.of(a1.id(), p, Map.of(), Map.of())).toList())).isEqualTo(2);
          assertThat(store.contacts().byAssignment(a1.id())).extracting(Contact::phoneNormalized)
              .containsExactlyElementsOf(second);
        });
      }
    }));
    assertThat(once[0]).isTrue();
    assertThat(imported).isEqualTo(first.size());
    assertThat(store.contacts().byAssignment(a1.id())).hasSize(first.size() + second.size());
    assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a1.id(), second))
        .containsExactlyInAnyOrderElementsOf(second);
    assertThat(store.contacts().existingPhones(DuplicateScope.PROJECT, a2.id(), first)).hasSize(first.size());
  }
}
