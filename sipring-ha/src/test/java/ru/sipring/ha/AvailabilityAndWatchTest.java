package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import ru.sipring.testkit.time.SimulatedClock;
import org.junit.jupiter.api.Test;

class AvailabilityAndWatchTest {
  private static final Instant T0 = Instant.parse("2026-11-25T22:00:00Z");

  private static ClusterStatus snap(String file) {
    return CrmMonParser.parse(Corpus.file(file));
  }

  @Test
  void downtimeOfEachServiceAgainstTheFourNinesBudget() {
    ClusterStatus healthy = snap("live-2.1.5/two-node-netns/healthy.xml");
    ClusterStatus healing = snap("live-2.1.5/two-node-netns/heal-t4.xml"); // pbx members restarting
    ClusterStatus down = snap("live-2.1.5/single-node/crm_mon-not-running.xml");
    List<Availability.Sample> samples = List.of(
        new Availability.Sample(T0, healthy),
        new Availability.Sample(T0.plusSeconds(3600), healing),
        new Availability.Sample(T0.plusSeconds(3605), healthy),
        new Availability.Sample(T0.plusSeconds(7200), down),
        new Availability.Sample(T0.plusSeconds(7201), healthy));
    List<Availability.ServiceAvailability> a = Availability.compute(samples, T0.plus(Duration.ofDays(1)),
        Availability.FOUR_NINES);
    assertThat(a).extracting(Availability.ServiceAvailability::service).containsExactly("drbd_data-clone", "pbx");
    Availability.ServiceAvailability pbx = a.get(1);
    assertThat(pbx.down()).isEqualTo(Duration.ofSeconds(6));
    assertThat(pbx.outages()).isEqualTo(2);
    assertThat(pbx.budget()).isEqualTo(Duration.ofMillis(8640)); // 0.01% of 24 h
    assertThat(pbx.withinBudget()).isTrue();
    assertThat(pbx.ratio()).isEqualByComparingTo("0.999931");
    Availability.ServiceAvailability drbd = a.get(0);
    assertThat(drbd.down()).isEqualTo(Duration.ofSeconds(1)); // only while crm_mon could not connect
    assertThat(Availability.compute(samples, T0.plusSeconds(7300), Availability.FOUR_NINES).get(1).withinBudget())
        .isFalse();
  }

  @Test
  void watcherNotifiesOnEveryChangeOfStateOrVerdictAndNotOtherwise() {
    Deque<ClusterStatus> script = new ArrayDeque<>(List.of(
        snap("live-2.1.5/two-node-netns/healthy.xml"),
        snap("live-2.1.5/two-node-netns/pcs-status-xml-healthy.xml"),
        snap("live-2.1.5/two-node-netns/standby-node2.xml"),
        snap("live-2.1.5/two-node-netns/asterisk-failed-failover.xml")));
    SimulatedClock now = SimulatedClock.at(T0);
    ClusterWatcher w = ClusterWatcher.builder(script::pop).clock(now).historyLimit(100).build();
    List<ClusterWatcher.Change> seen = new ArrayList<>();
    w.addListener(seen::add);
    w.addListener(c -> {
      throw new IllegalStateException("a broken listener must not stop the others");
    });
    for (int i = 0; i < 4; i++) {
      w.poll();
      now.advance(Duration.ofSeconds(10));
    }
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).changes()).containsExactly("first snapshot", "verdict: - -> DEGRADED");
    assertThat(seen.get(1).changes()).containsExactly("node node2: ONLINE (DC) -> STANDBY (DC)",
        "resource drbd_data: Promoted node1, Unpromoted node2 -> Promoted node1, Stopped");
    assertThat(seen.get(1).verdictChanged()).isFalse();
    assertThat(seen.get(2).changes()).anySatisfy(c -> assertThat(c).startsWith("resource asterisk: Started node1 -> Started node2"))
        .contains("failed actions: 0 -> 1");
    assertThat(w.availability(Availability.FOUR_NINES)).extracting(Availability.ServiceAvailability::service)
        .contains("pbx");
  }

  @Test
  void watcherReportsFailedPollsAndGoesOn() {
    ClusterStatus healthy = snap("live-2.1.5/two-node-netns/healthy.xml");
    Deque<Boolean> fail = new ArrayDeque<>(List.of(false, true, false));
    ClusterStatusSource flaky = () -> {
      if (fail.pop()) {
        throw new CommandTimeoutException(List.of("crm_mon"), Duration.ofSeconds(1));
      }
      return healthy;
    };
    ClusterWatcher w = ClusterWatcher.builder(flaky).historyLimit(10).build();
    List<String> errors = new ArrayList<>();
    List<ClusterWatcher.Change> changes = new ArrayList<>();
    w.addListener(new ClusterWatcher.Listener() {
      @Override
      public void onChange(ClusterWatcher.Change c) {
        changes.add(c);
      }

      @Override
      public void onError(ru.sipring.core.SipRingException e) {
        errors.add(e.getMessage());
      }
    });
    w.poll();
    assertThat(w.poll()).isNull();
    assertThat(w.poll()).isNull();
    assertThat(errors).containsExactly("`crm_mon` did not finish within 1000 ms; killed");
    assertThat(changes).hasSize(1);
  }

  @Test
  void watcherThreadPollsOnItsOwn() throws Exception {
    ClusterStatus healthy = snap("live-2.1.5/two-node-netns/healthy.xml");
    java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    try (ClusterWatcher w = ClusterWatcher.builder(() -> healthy).historyLimit(10).build()) {
      w.addListener(c -> {
        thread.set(Thread.currentThread().getName());
        first.countDown();
      });
      w.start(Duration.ofMillis(50));
      assertThat(first.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(thread.get()).isEqualTo("sipring-ha-watch");
  }

  @Test
  void unknownIsNotUp() {
    assertThat(new BigDecimal("0.9999")).isEqualByComparingTo(Availability.FOUR_NINES);
    ClusterStatus down = snap("live-2.1.5/single-node/crm_mon-not-running.xml");
    ClusterStatus healthy = snap("live-2.1.5/single-node/crm_mon-healthy.xml");
    List<Availability.ServiceAvailability> a = Availability.compute(List.of(new Availability.Sample(T0, down),
        new Availability.Sample(T0.plusSeconds(60), healthy)), T0.plusSeconds(120), Availability.FOUR_NINES);
    assertThat(a).allSatisfy(s -> assertThat(s.down()).isEqualTo(Duration.ofSeconds(60)));
  }
}
