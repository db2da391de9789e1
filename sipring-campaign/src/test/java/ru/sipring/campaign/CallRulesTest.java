package ru.sipring.campaign;

import ru.sipring.core.text.PhoneNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRulesTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  @Test
  void phoneNormalisation() {
    assertThat(PhoneNumber.normalize("8 (916) 000-23-23")).isEqualTo("79160002323");
    assertThat(PhoneNumber.normalize("+7 495 777 52 25")).isEqualTo("74957775225");
    assertThat(PhoneNumber.normalize("881")).isEqualTo("881");
    assertThat(PhoneNumber.normalize("89857616856")).isEqualTo("79857616856");
    assertThat(PhoneNumber.normalize("8998884545")).isEqualTo("8998884545"); // 10 digits: not a trunk prefix
  }

  @Test
  void windowInZoneWeekdaysAndOvernight() {
    CallWindow w = new CallWindow(MSK, LocalTime.of(9, 0), LocalTime.of(21, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    Instant wed0900 = Instant.parse("2026-01-14T06:00:00Z");
    assertThat(w.isOpen(wed0900, null)).isTrue();
    assertThat(w.isOpen(wed0900.minusSeconds(1), null)).isFalse();
    assertThat(w.isOpen(Instant.parse("2026-01-14T18:00:00Z"), null)).as("21:00 is closed").isFalse();
    assertThat(w.isOpen(Instant.parse("2026-01-17T08:00:00Z"), null)).as("Saturday").isFalse();
    assertThat(w.isOpen(wed0900, ZoneId.of("Asia/Yekaterinburg"))).as("11:00 there").isTrue();
    assertThat(w.isOpen(wed0900, ZoneId.of("Europe/Kaliningrad"))).as("08:00 there").isFalse();
    CallWindow night = CallWindow.daily(MSK, LocalTime.of(22, 0), LocalTime.of(2, 0));
    assertThat(night.isOpen(Instant.parse("2026-01-14T20:00:00Z"), null)).isTrue(); // 23:00
    assertThat(night.isOpen(Instant.parse("2026-01-14T22:30:00Z"), null)).isTrue(); // 01:30
    assertThat(night.isOpen(Instant.parse("2026-01-14T12:00:00Z"), null)).isFalse();
  }

  @Test
  void retryRulesPerOutcome() {
    RetryPolicy p = new RetryPolicy(Map.of(CallOutcome.BUSY, new RetryRule(Duration.ofMinutes(5), 3),
        CallOutcome.NO_ANSWER, new RetryRule(Duration.ofHours(1), 2)));
    Instant t = Instant.parse("2026-01-14T07:00:00Z");
    Contact c = Contact.of(1, "79160000001", Map.of(), Map.of());
    assertThat(p.nextCallAt(c)).isEqualTo(Instant.MIN);
    Contact busy = c.afterAttempt(CallOutcome.BUSY, t);
    assertThat(p.nextCallAt(busy)).isEqualTo(t.plus(Duration.ofMinutes(5)));
    Contact na = busy.afterAttempt(CallOutcome.NO_ANSWER, t);
    assertThat(p.nextCallAt(na)).as("2 attempts = NO_ANSWER's max").isNull();
    assertThat(p.nextCallAt(c.afterAttempt(CallOutcome.ANSWERED, t))).isNull();
    assertThat(p.nextCallAt(c.afterAttempt(CallOutcome.FAILED, t))).as("no rule for FAILED").isNull();
  }

  @Test
  void operatorCallsFollowStatusAndReturnToUnanswered() {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-14T07:00:00Z"));
    Project p = store.campaigns().createProject("P");
    Task t = store.campaigns().createTask(p.id(), "T");
    Assignment a = store.campaigns().createAssignment(t.id(), "A", new AssignmentSettings(CallWindow.always(MSK),
        RetryPolicy.guide(2, Duration.ofMinutes(10)), DncScope.PROJECT));
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "881", Map.of(), Map.of()),
        Contact.of(a.id(), "882", Map.of(), Map.of()), Contact.of(a.id(), "501", Map.of(), Map.of())));
    List<Contact> cs = store.contacts().byAssignment(a.id());
    OperatorCalls calls = new OperatorCalls(store, clock);
    calls.record("Иванов ВВ", cs.get(0).id(), clock.instant(), CallOutcome.ANSWERED, 20, 11, "ok");
    calls.record("Иванов ВВ", cs.get(1).id(), clock.instant(), CallOutcome.BUSY, 5, 0, "");
    calls.doNotCall(cs.get(2).id(), DncRepository.projectKey(p.id()));
    assertThat(calls.callableNow(a.id())).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(calls.callableNow(a.id())).extracting(Contact::phone).containsExactly("882");
    calls.markDone(cs.get(1).id());
    assertThat(calls.callableNow(a.id())).isEmpty();
    assertThat(store.contacts().byId(cs.get(0).id()).orElseThrow().status()).isEqualTo(ContactStatus.ANSWERED);
  }

  @Test
  void hierarchyNamesAreUniqueWithinTheirParent() {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    Project p = store.campaigns().createProject("Проект номер один");
    Project q = store.campaigns().createProject("Другой");
    store.campaigns().createTask(p.id(), "Задача");
    store.campaigns().createTask(q.id(), "Задача");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.campaigns().createTask(p.id(), "задача"))
        .isInstanceOf(ru.sipring.core.RejectedException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.campaigns().createProject("Другой"))
        .isInstanceOf(ru.sipring.core.RejectedException.class);
    store.campaigns().renameProject(q.id(), "Третий");
    store.campaigns().archiveProject(q.id(), true);
    assertThat(store.campaigns().project(q.id()).orElseThrow()).isEqualTo(new Project(q.id(), "Третий", true));
  }
}
