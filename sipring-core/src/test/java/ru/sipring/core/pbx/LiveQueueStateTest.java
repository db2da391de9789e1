package ru.sipring.core.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.sipring.core.pbx.LiveQueueState.Member;
import ru.sipring.core.pbx.LiveQueueState.MemberStatus;

/** Which members count as free for pacing, and the monitor's per-queue count. */
class LiveQueueStateTest {
  private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

  private static Member member(String iface, MemberStatus status, boolean paused) {
    return new Member(iface, iface, status, paused, paused ? "обед" : null, 0);
  }

  private static LiveQueueState queue(String name, Member... members) {
    return new LiveQueueState(name, List.of(), List.of(members), 0, 0, T);
  }

  private final LiveQueueState q = queue("6000",
      member("PJSIP/501", MemberStatus.IDLE, false),
      member("PJSIP/502", MemberStatus.IN_CALL, false),
      member("PJSIP/503", MemberStatus.RINGING, false),
      member("PJSIP/504", MemberStatus.PAUSED, true),
      member("PJSIP/505", MemberStatus.IDLE, true),      // device idle, but paused
      member("PJSIP/506", MemberStatus.IN_CALL, true),   // paused while still on a call
      member("PJSIP/507", MemberStatus.UNAVAILABLE, false),
      member("PJSIP/508", MemberStatus.UNKNOWN, false),
      member("PJSIP/509", MemberStatus.IDLE, false));

  @Test
  void onlyIdleUnpausedMembersAreFree() {
    assertThat(q.freeMembers()).extracting(Member::memberInterface).containsExactly("PJSIP/501", "PJSIP/509");
    assertThat(q.freeMemberCount()).isEqualTo(2);
    assertThat(queue("6001").freeMembers()).isEmpty();
    assertThat(queue("6001").freeMemberCount()).isZero();
  }

  @Test
  void everyStatusButIdleIsBusyWhetherPausedOrNot() {
    for (MemberStatus s : MemberStatus.values()) {
      assertThat(member("x", s, false).free()).as(s.name()).isEqualTo(s == MemberStatus.IDLE);
      assertThat(member("x", s, true).free()).as(s + " paused").isFalse();
    }
  }

  @Test
  void theMonitorCountsFreeMembersOfOneQueueAndZeroForAnUnknownQueue() {
    Map<String, LiveQueueState> queues = Map.of("6000", q);
    LiveQueueMonitor monitor = new LiveQueueMonitor() {
      @Override
      public List<LiveQueueState> snapshot() {
        return List.copyOf(queues.values());
      }

      @Override
      public Optional<LiveQueueState> snapshot(String queue) {
        return Optional.ofNullable(queues.get(queue));
      }

      @Override
      public AutoCloseable addListener(Listener listener) {
        return () -> { };
      }
    };
    assertThat(monitor.freeMembers("6000")).isEqualTo(2);
    assertThat(monitor.freeMembers("7000")).isZero();
  }
}
