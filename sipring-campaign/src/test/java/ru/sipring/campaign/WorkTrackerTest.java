package ru.sipring.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;

class WorkTrackerTest {
  private static final Instant T0 = Instant.parse("2026-01-14T07:00:00Z");
  private final InMemoryCampaignStore store = new InMemoryCampaignStore();
  private final MutableClock clock = new MutableClock(T0);
  private final WorkTracker tracker = new WorkTracker(store.sessions(), clock);

  @Test
  void formTimeExcludesPausesComputedTimeDoesNot() {
    tracker.start("501", 7);
    clock.advance(Duration.ofMinutes(20));
    tracker.pause("501", "обед");
    clock.advance(Duration.ofMinutes(10));
    assertThat(tracker.live()).singleElement().satisfies(l -> {
      assertThat(l.paused()).isTrue();
      assertThat(l.pauseReason()).isEqualTo("обед");
      assertThat(l.since()).isEqualTo(T0);
      assertThat(l.formTime()).isEqualTo(Duration.ofMinutes(20));
    });
    tracker.resume("501");
    clock.advance(Duration.ofMinutes(30));
    WorkSession s = tracker.stop("501");
    assertThat(s.computedTime(clock.instant())).isEqualTo(Duration.ofMinutes(60));
    assertThat(s.formTime(clock.instant())).isEqualTo(Duration.ofMinutes(50));
    assertThat(tracker.live()).isEmpty();
  }

  @Test
  void oneOpenSessionPerOperatorAndPauseRules() {
    tracker.start("501", 7);
    assertThatThrownBy(() -> tracker.start("501", 8)).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> tracker.resume("501")).isInstanceOf(RejectedException.class);
    tracker.pause("501", "x");
    assertThatThrownBy(() -> tracker.pause("501", "y")).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> tracker.stop("502")).isInstanceOf(RejectedException.class);
  }

  @Test
  void stopWhilePausedEndsThePause() {
    tracker.start("501", 7);
    clock.advance(Duration.ofMinutes(5));
    tracker.pause("501", "x");
    clock.advance(Duration.ofMinutes(5));
    WorkSession s = tracker.stop("501");
    assertThat(s.pauses()).singleElement().satisfies(p -> assertThat(p.end()).isEqualTo(clock.instant()));
    assertThat(s.formTime(clock.instant())).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void adminClosesHungSessions() {
    WorkSession s = tracker.start("501", 7);
    clock.advance(Duration.ofHours(14));
    assertThat(tracker.hung(Duration.ofHours(12))).extracting(WorkSession::id).containsExactly(s.id());
    WorkSession closed = tracker.closeHung(s.id(), T0.plus(Duration.ofHours(8)));
    assertThat(closed.closedByAdmin()).isTrue();
    assertThat(closed.computedTime(clock.instant())).isEqualTo(Duration.ofHours(8));
    assertThat(tracker.hung(Duration.ofHours(12))).isEmpty();
    assertThatThrownBy(() -> tracker.closeHung(s.id(), null)).isInstanceOf(RejectedException.class);
  }
}
