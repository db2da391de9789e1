package ru.sipring.testkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.dialer.Dialer;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.SimulatedClock;

/** The dialer against the testkit's in-memory PBX, a seeded random mix of outcomes and a simulated clock. */
class DialerWithInMemoryPbxTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  @Test
  void aWholeDayNeverExceedsLimitsNorBreaksRules() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    long p = store.campaigns().createProject("P").id();
    long t = store.campaigns().createTask(p, "T").id();
    Assignment a = store.campaigns().createAssignment(t, "A", new AssignmentSettings(
        CallWindow.daily(MSK, LocalTime.of(9, 0), LocalTime.of(18, 0)), RetryPolicy.guide(0, Duration.ofSeconds(30)),
        DncScope.ASSIGNMENT));
    List<Contact> cs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      cs.add(Contact.of(a.id(), String.format("7916%07d", i), Map.of(), Map.of()));
    }
    store.contacts().insertAll(a.id(), cs);
    SimulatedClock clock = clockAt(Instant.parse("2026-01-14T05:00:00Z")); // 08:00 Moscow
    OriginateOutcome[] outcomes = OriginateOutcome.values();
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock).script(r -> InMemoryPbxGateway.Script.hold());
    DialerSettings s = DialerSettings.guide("520", "from-internal", "12345678", 2, Duration.ofMinutes(10),
        Duration.ofSeconds(2)).withPacing(DialerSettings.Mode.FIXED, 5, 1, 1, 0.03);
    Dialer d = Dialer.builder(store, pbx, a.id()).clock(clock)
        .settings(s)
        .freeOperators(() -> 0).build();
    d.start();
    for (int step = 0; step < 12 * 3600; step++) { // 12 hours in 1 s steps
      d.tick();
      for (String tag : pbx.pendingTags()) {
        if (rnd.nextInt(20) == 0) {
          pbx.complete(tag, outcomes[rnd.nextInt(outcomes.length)]);
        }
      }
      clock.advance(Duration.ofSeconds(1));
    }
    for (String tag : pbx.pendingTags()) {
      pbx.complete(tag, OriginateOutcome.NO_ANSWER);
    }
    assertThat(pbx.maxInFlight()).as("seed %d", seed).isLessThanOrEqualTo(5);
    List<CallAttempt> attempts = store.attempts().between(Instant.EPOCH, clock.instant());
    assertThat(attempts).as("seed %d", seed).isNotEmpty();
    for (CallAttempt x : attempts) {
      LocalTime local = x.startedAt().atZone(MSK).toLocalTime();
      assertThat(local).as("seed %d: %s inside the window", seed, x).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 59, 59));
    }
    for (int i = 1; i < attempts.size(); i++) {
      assertThat(Duration.between(attempts.get(i - 1).startedAt(), attempts.get(i).startedAt()))
          .as("seed %d: pause between numbers", seed).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
    for (Contact c : store.contacts().byAssignment(a.id())) {
      List<CallAttempt> mine = store.attempts().byContact(c.id());
      assertThat(mine.size()).as("seed %d: at most 3 calls to %s", seed, c.phone()).isLessThanOrEqualTo(3);
      for (int i = 0; i + 1 < mine.size(); i++) {
        assertThat(mine.get(i).outcome()).as("seed %d: nobody is called after answering", seed)
            .isNotEqualTo(ru.sipring.campaign.CallOutcome.ANSWERED);
        assertThat(Duration.between(mine.get(i).startedAt(), mine.get(i + 1).startedAt()))
            .as("seed %d: redial delay", seed).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
      }
      if (c.status() == ContactStatus.ANSWERED) {
        assertThat(mine.get(mine.size() - 1).answered()).isTrue();
      }
    }
  }

  private static SimulatedClock clockAt(Instant start) {
    return SimulatedClock.at(start);
  }
}
