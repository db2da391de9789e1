package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failover and split brain on a real two-node cluster in network namespaces (src/test/scripts/pcmk-netns.sh).
 * Runs wherever the machine allows `ip netns` + `unshare -m` as root (the script's `check`); skipped with the
 * reason otherwise. Measured times go to target/ha-failover-timings.txt (docs/performance/ha.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static Path script;
  private static final Map<String, Duration> TIMINGS = new LinkedHashMap<>();

  @BeforeAll
  static void startCluster() throws IOException {
    String env = System.getenv("SIPRING_HA_NETNS_SCRIPT");
    script = env != null ? Path.of(env) : Path.of("src/test/scripts/pcmk-netns.sh").toAbsolutePath();
    assumeTrue(Files.isExecutable(script), "no " + script);
    CommandResult check = CommandRunner.processes().run(List.of(script.toString(), "check"), Duration.ofSeconds(30));
    assumeTrue(check.ok(), "two-node cluster in network namespaces not possible here: " + check.stdout().strip()
        + check.stderr().strip());
    long t0 = System.nanoTime();
    CommandResult start = CommandRunner.processes().run(List.of(script.toString(), "start"), Duration.ofSeconds(180));
    assertThat(start.ok()).as("pcmk-netns.sh start: " + start.stdout() + start.stderr()).isTrue();
    TIMINGS.put("cluster start to settled (2 nodes)", Duration.ofNanos(System.nanoTime() - t0));
  }

  @AfterAll
  static void stopCluster() throws IOException {
    if (script != null && Files.isExecutable(script)) {
      CommandRunner.processes().run(List.of(script.toString(), "stop"), Duration.ofSeconds(60));
    }
    if (!TIMINGS.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      TIMINGS.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "%-60s %6.1f s%n", k, v.toMillis() / 1000.0)));
      System.out.print(sb);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/ha-failover-timings.txt"), sb);
    }
  }

  /** Runs tools "on" node N: inside its network, mount and UTS namespaces. */
  static CommandRunner on(int n) {
    return (argv, timeout) -> {
      List<String> full = new ArrayList<>(List.of(script.toString(), "on", Integer.toString(n)));
      full.addAll(argv);
      return CommandRunner.processes().run(full, timeout);
    };
  }

  static PacemakerTools tools(int n) {
    return PacemakerTools.of(on(n), PacemakerTools.Tool.PCS, Duration.ofSeconds(60));
  }

  static ClusterManager manager(int n) {
    PacemakerTools t = tools(n);
    return ClusterManager.builder(t, t).settleTimeout(SETTLE).build();
  }

  static int active() {
    List<String> on = tools(1).snapshot().nodesOf("pbx");
    assertThat(on).hasSize(1);
    return on.get(0).equals("node1") ? 1 : 2;
  }

  static ClusterStatus waitFor(int node, Predicate<ClusterStatus> p, Duration max) {
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      ClusterStatus s = tools(node).snapshot();
      if (p.test(s)) {
        return s;
      }
      assertThat(System.nanoTime()).as("condition not reached in " + max + "; last: " + s).isLessThan(end);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** pbx (all four members) and the promoted instance on {@code node}, nothing in transition. */
  static boolean servingOn(ClusterStatus s, String node) {
    return s.connected() && !s.transitional() && s.nodesOf("pbx").equals(List.of(node))
        && s.resource("pbx").orElseThrow().primitives().stream().allMatch(p -> p.role() == ResourceRole.STARTED)
        && s.primitives().stream().anyMatch(p -> p.id().equals("drbd_data") && p.role() == ResourceRole.PROMOTED
            && p.nodes().equals(List.of(node)));
  }

  @Test
  @Order(1)
  void healthyTwoNodeClusterIsOnlyMissingFencing() {
    ClusterStatus s = tools(1).snapshot();
    assertThat(s.nodes()).extracting(ClusterNode::state).containsOnly(ClusterNode.NodeState.ONLINE);
    assertThat(servingOn(s, "node" + active())).isTrue();
    HealthReport h = HealthChecker.withDefaults().check(s);
    assertThat(h.reasons()).filteredOn(r -> r.severity() != HealthReason.Severity.INFO)
        .extracting(HealthReason::subject).containsExactly("fencing");
    // both nodes see the same cluster
    assertThat(HealthChecker.splitBrain(Map.of("node1", s, "node2", tools(2).snapshot()))).isEmpty();
  }

  @Test
  @Order(2)
  void plannedSwitchoverByStandby() {
    int from = active();
    int to = 3 - from;
    ActionOutcome o = manager(from).perform(new ClusterAction.Standby("node" + from, true));
    assertThat(o.settled()).isTrue();
    assertThat(servingOn(o.status(), "node" + to)).isTrue();
    TIMINGS.put("standby node" + from + ": pbx + promotion on node" + to + " (settled)", o.elapsed());
    ActionOutcome back = manager(from).perform(new ClusterAction.Standby("node" + from, false));
    assertThat(back.settled()).isTrue();
    // resource-stickiness keeps pbx where it is now
    assertThat(servingOn(back.status(), "node" + to)).isTrue();
    assertThat(back.status().primitives()).filteredOn(p -> p.id().equals("drbd_data"))
        .extracting(ClusterResource::role).containsExactlyInAnyOrder(ResourceRole.PROMOTED, ResourceRole.UNPROMOTED);
  }

  @Test
  @Order(3)
  void moveWithPcs() {
    int from = active();
    int to = 3 - from;
    ActionOutcome o = manager(to).perform(new ClusterAction.Move("pbx", "node" + to));
    assertThat(o.settled()).isTrue();
    assertThat(servingOn(o.status(), "node" + to)).isTrue();
    // pcs 0.11 removes its cli-prefer constraint once moved
    assertThat(o.status().bans()).isEmpty();
    TIMINGS.put("pcs resource move pbx node" + to + " (settled)", o.elapsed());
  }

  @Test
  @Order(4)
  void monitorFailureFailsOverAndCleanupClears() {
    int from = active();
    int to = 3 - from;
    long t0 = System.nanoTime();
    CommandResult rm = on(from).run(List.of("rm", "-f", "/run/Dummy-asterisk.state",
        "/run/resource-agents/Dummy-asterisk.state"), Duration.ofSeconds(10));
    assertThat(rm.ok()).isTrue();
    ClusterStatus s = waitFor(to, x -> servingOn(x, "node" + to), SETTLE);
    TIMINGS.put("asterisk monitor failure (5 s interval) -> pbx serving on node" + to, Duration.ofNanos(System.nanoTime() - t0));
    assertThat(s.failedActions()).anySatisfy(f -> {
      assertThat(f.resource()).isEqualTo("asterisk");
      assertThat(f.node()).isEqualTo("node" + from);
      assertThat(f.exitCode()).isEqualTo(7);
    });
    HealthReport h = HealthChecker.withDefaults().check(s);
    assertThat(h.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(h.reasons()).anySatisfy(r -> assertThat(r.message())
        .isEqualTo("fail-count 1 on node" + from + " reached migration-threshold 1: banned from node" + from
            + " until a cleanup"));
    ActionOutcome clean = manager(to).perform(new ClusterAction.Cleanup("asterisk", null));
    assertThat(clean.settled()).isTrue();
    assertThat(clean.status().failedActions()).isEmpty();
    assertThat(clean.status().failCounts()).isEmpty();
  }

  @Test
  @Order(5)
  void nodeCrashRecoversOnTheSurvivor() {
    int from = active();
    int to = 3 - from;
    long t0 = System.nanoTime();
    assertThat(CommandRunner.processes().run(List.of(script.toString(), "crash", Integer.toString(from)),
        Duration.ofSeconds(10)).ok()).isTrue();
    ClusterStatus s = waitFor(to, x -> servingOn(x, "node" + to)
        && x.node("node" + from).map(n -> !n.online()).orElse(false), SETTLE);
    TIMINGS.put("node" + from + " crash (kill -9, token 3 s) -> pbx serving on node" + to,
        Duration.ofNanos(System.nanoTime() - t0));
    assertThat(s.node("node" + from).orElseThrow().state()).isEqualTo(ClusterNode.NodeState.OFFLINE);
    HealthReport h = HealthChecker.withDefaults().check(s);
    assertThat(h.reasons()).anySatisfy(r -> assertThat(r.subject()).isEqualTo("node node" + from));

    long t1 = System.nanoTime();
    assertThat(CommandRunner.processes().run(List.of(script.toString(), "boot", Integer.toString(from)),
        Duration.ofSeconds(30)).ok()).isTrue();
    waitFor(to, x -> x.node("node" + from).map(n -> n.state() == ClusterNode.NodeState.ONLINE).orElse(false)
        && x.primitives().stream().filter(p -> p.id().equals("drbd_data")).allMatch(ClusterResource::active)
        // pacemaker may fail back to the rebooted node (promotion scores): either node may serve afterwards
        && (servingOn(x, "node1") || servingOn(x, "node2")), SETTLE);
    TIMINGS.put("node" + from + " rejoin after crash -> Unpromoted running again", Duration.ofNanos(System.nanoTime() - t1));
  }

  @Test
  @Order(6)
  void splitBrainIsFoundByComparingBothViewsAndHeals() {
    long t0 = System.nanoTime();
    assertThat(CommandRunner.processes().run(List.of(script.toString(), "cut"), Duration.ofSeconds(10)).ok()).isTrue();
    ClusterStatus a = waitFor(1, x -> "node1".equals(x.dcName()) && x.node("node2").map(n -> !n.online()).orElse(false),
        SETTLE);
    ClusterStatus b = waitFor(2, x -> "node2".equals(x.dcName()) && x.node("node1").map(n -> !n.online()).orElse(false),
        SETTLE);
    TIMINGS.put("link cut -> both partitions elect themselves DC", Duration.ofNanos(System.nanoTime() - t0));
    // with fencing off each partition then runs everything itself
    a = waitFor(1, x -> servingOn(x, "node1"), SETTLE);
    b = waitFor(2, x -> servingOn(x, "node2"), SETTLE);
    TIMINGS.put("link cut -> both partitions serve pbx (split brain)", Duration.ofNanos(System.nanoTime() - t0));
    // no single view is CRITICAL: each thinks the peer is simply offline
    assertThat(HealthChecker.withDefaults().check(a).verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(HealthChecker.withDefaults().check(b).verdict()).isEqualTo(Verdict.DEGRADED);
    Map<String, ClusterStatus> views = new LinkedHashMap<>();
    views.put("node1", a);
    views.put("node2", b);
    HealthReport h = HealthChecker.withDefaults().checkViews(views);
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons().get(0).message()).startsWith("split brain: the nodes disagree on the DC");
    assertThat(h.reasons()).anySatisfy(r -> {
      assertThat(r.subject()).isEqualTo("resource vip");
      assertThat(r.message()).startsWith("active in two partitions");
    });

    long t1 = System.nanoTime();
    assertThat(CommandRunner.processes().run(List.of(script.toString(), "heal"), Duration.ofSeconds(10)).ok()).isTrue();
    ClusterStatus healed = waitFor(1, x -> x.nodes().stream().allMatch(n -> n.state() == ClusterNode.NodeState.ONLINE)
        && x.dcName() != null && (servingOn(x, "node1") || servingOn(x, "node2"))
        && x.primitives().stream().filter(p -> p.id().equals("drbd_data")).allMatch(ClusterResource::active), SETTLE);
    TIMINGS.put("link healed -> one DC, pbx serving on one node", Duration.ofNanos(System.nanoTime() - t1));
    ClusterStatus other = tools(2).snapshot();
    assertThat(other.dcName()).isEqualTo(healed.dcName());
    assertThat(HealthChecker.splitBrain(Map.of("node1", healed, "node2", other))).isEmpty();
  }
}
