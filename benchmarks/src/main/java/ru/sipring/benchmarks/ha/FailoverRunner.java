package ru.sipring.benchmarks.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import ru.sipring.ha.ActionOutcome;
import ru.sipring.ha.ClusterAction;
import ru.sipring.ha.ClusterManager;
import ru.sipring.ha.ClusterResource;
import ru.sipring.ha.ClusterStatus;
import ru.sipring.ha.CommandResult;
import ru.sipring.ha.CommandRunner;
import ru.sipring.ha.HealthChecker;
import ru.sipring.ha.PacemakerTools;
import ru.sipring.ha.ResourceRole;

/**
 * Whole-process failover timing on a real two-node pacemaker cluster in network namespaces (root only):
 * {@code java -cp benchmarks/target/sipring-benchmarks-*-all.jar ru.sipring.benchmarks.ha.FailoverRunner
 * sipring-ha/src/test/scripts/pcmk-netns.sh 5}. Each round: planned switchover (standby of the active node),
 * unplanned failover after a monitor failure (migration-threshold=1), and recovery after the active node is
 * killed (kill -9 of corosync + pacemaker). Time is from the trigger to the moment crm_mon on the survivor shows
 * the whole group and the promoted instance running there, polled every 200 ms (so figures are ±0.2 s plus one
 * crm_mon call, ~50 ms).
 */
public final class FailoverRunner {
  private static Path script;

  private FailoverRunner() {}

  public static void main(String[] args) {
    script = Path.of(args.length > 0 ? args[0] : "sipring-ha/src/test/scripts/pcmk-netns.sh").toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    run(List.of(script.toString(), "check"), 30);
    Map<String, List<Double>> times = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    run(List.of(script.toString(), "start"), 180);
    add(times, "cluster start to settled", t0);
    try {
      for (int r = 0; r < rounds; r++) {
        int from = active();
        int to = 3 - from;
        ActionOutcome sw = manager(from).perform(new ClusterAction.Standby("node" + from, true));
        check(sw.settled() && serving(sw.status(), "node" + to), "switchover");
        times.computeIfAbsent("planned switchover (standby, settled)", k -> new ArrayList<>())
            .add(sw.elapsed().toMillis() / 1000.0);
        check(manager(from).perform(new ClusterAction.Standby("node" + from, false)).settled(), "unstandby");

        from = to;
        to = 3 - from;
        long t1 = System.nanoTime();
        on(from).run(List.of("rm", "-f", "/run/Dummy-asterisk.state", "/run/resource-agents/Dummy-asterisk.state"),
            Duration.ofSeconds(10));
        waitFor(to, serving("node" + to));
        add(times, "monitor failure (5 s interval) to serving on peer", t1);
        check(manager(to).perform(new ClusterAction.Cleanup("asterisk", null)).settled(), "cleanup");

        if (r + 1 < rounds) {
          System.out.printf(Locale.ROOT, "round %d done%n", r + 1);
          continue;
        }
        // the crash is the last step: a crashed-and-rebooted node is not the same test subject afterwards
        from = to;
        to = 3 - from;
        int dead = from;
        long t2 = System.nanoTime();
        run(List.of(script.toString(), "crash", Integer.toString(from)), 10);
        waitFor(to, s -> serving(s, "node" + (3 - dead)) && s.node("node" + dead).map(n -> !n.online()).orElse(false));
        add(times, "node killed (token 3 s) to serving on survivor", t2);
        run(List.of(script.toString(), "boot", Integer.toString(from)), 30);
        long t3 = System.nanoTime();
        // pacemaker may fail back to the rebooted node (promotion scores), so either node may serve afterwards
        waitFor(to, s -> s.node("node" + dead).map(n -> n.online() && !n.standby()).orElse(false)
            && s.primitives().stream().filter(p -> p.id().equals("drbd_data")).allMatch(ClusterResource::active)
            && (serving(s, "node1") || serving(s, "node2")));
        add(times, "crashed node rebooted to both instances running", t3);
        System.out.printf(Locale.ROOT, "round %d done%n", r + 1);
      }
    } finally {
      run(List.of(script.toString(), "stop"), 60);
    }
    System.out.printf(Locale.ROOT, "%-55s %5s %7s %7s %7s%n", "scenario", "n", "min s", "median", "max s");
    times.forEach((k, v) -> {
      List<Double> s = v.stream().sorted().toList();
      System.out.printf(Locale.ROOT, "%-55s %5d %7.1f %7.1f %7.1f%n", k, s.size(), s.get(0), s.get(s.size() / 2),
          s.get(s.size() - 1));
    });
  }

  private static void add(Map<String, List<Double>> times, String k, long since) {
    times.computeIfAbsent(k, x -> new ArrayList<>()).add((System.nanoTime() - since) / 1e9);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what + " did not settle");
    }
  }

  private static CommandResult run(List<String> argv, int seconds) {
    CommandResult r = CommandRunner.processes().run(argv, Duration.ofSeconds(seconds));
    if (!r.ok()) {
      throw new IllegalStateException(r.commandLine() + ": " + r.stdout() + r.stderr());
    }
    return r;
  }

  private static CommandRunner on(int n) {
    return (argv, timeout) -> {
      List<String> full = new ArrayList<>(List.of(script.toString(), "on", Integer.toString(n)));
      full.addAll(argv);
      return CommandRunner.processes().run(full, timeout);
    };
  }

  private static PacemakerTools tools(int n) {
    return PacemakerTools.of(on(n), PacemakerTools.Tool.PCS, Duration.ofSeconds(60));
  }

  private static ClusterManager manager(int n) {
    PacemakerTools t = tools(n);
    return ClusterManager.builder(t, t).settleTimeout(Duration.ofSeconds(90)).build();
  }

  private static int active() {
    return tools(1).snapshot().nodesOf("pbx").equals(List.of("node1")) ? 1 : 2;
  }

  private static Predicate<ClusterStatus> serving(String node) {
    return s -> serving(s, node);
  }

  private static boolean serving(ClusterStatus s, String node) {
    return s.connected() && !s.transitional() && s.nodesOf("pbx").equals(List.of(node))
        && s.resource("pbx").orElseThrow().primitives().stream().allMatch(p -> p.role() == ResourceRole.STARTED)
        && s.primitives().stream().anyMatch(p -> p.id().equals("drbd_data") && p.role() == ResourceRole.PROMOTED
            && p.nodes().equals(List.of(node)));
  }

  private static void waitFor(int node, Predicate<ClusterStatus> p) {
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    ClusterStatus last;
    while (!p.test(last = tools(node).snapshot())) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("not reached in 120 s on node" + node + "; last snapshot:\n"
            + ru.sipring.ha.ClusterText.render(last, HealthChecker.withDefaults().check(last), List.of(), Map.of()));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
