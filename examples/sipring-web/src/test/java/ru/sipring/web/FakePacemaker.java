package ru.sipring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.sipring.core.ConnectionException;
import ru.sipring.ha.CommandResult;
import ru.sipring.ha.CommandRunner;

/**
 * The command-runner boundary of sipring-ha with pacemaker's answers recorded from a real two-node cluster (the
 * shared corpus, read in place): {@code crm_mon} returns that cluster's XML with the nodes put in standby by
 * {@code pcs node standby} marked so, {@code drbdsetup status --json} a real DRBD 9 answer, {@code pgrep} finds
 * pacemaker and corosync. Every command is recorded, so a test sees exactly the pcs command a page click led to.
 * (The CI's real one-node cluster is not changed from the panel's tests: sipring-ha's own tests use it at the
 * same time and check its state.)
 */
final class FakePacemaker implements CommandRunner {
  static final Path CORPUS = corpus();
  final List<List<String>> calls = new CopyOnWriteArrayList<>();
  private final Set<String> standby = ConcurrentHashMap.newKeySet();
  private final String healthy;
  private final String drbd;

  FakePacemaker() {
    try {
      healthy = Files.readString(CORPUS.resolve("ha/live-2.1.5/two-node-netns/healthy.xml"));
      drbd = Files.readString(CORPUS.resolve("ha/drbd/ha_cluster_exporter-drbdsetup-status.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path corpus() {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    if (p == null || !Files.isDirectory(p.resolve("ha"))) {
      p = Path.of("/work/shared/corpus");
    }
    if (!Files.isDirectory(p.resolve("ha"))) {
      throw new IllegalStateException("corpus not found at " + p + " (system property sipring.corpus)");
    }
    return p;
  }

  /** The pcs commands run so far. */
  List<List<String>> pcs() {
    return calls.stream().filter(c -> c.get(0).equals("pcs")).toList();
  }

  @Override
  public CommandResult run(List<String> argv, Duration timeout) {
    calls.add(List.copyOf(argv));
    String out = "";
    int code = 0;
    switch (argv.get(0)) {
      case "crm_mon" -> {
        out = healthy;
        for (String n : standby) {
          out = out.replaceFirst("(<node name=\"" + n + "\" [^>]*?standby=\")false(\")", "$1true$2");
        }
      }
      case "crm_resource" -> out = "";
      case "pgrep" -> {
        if (argv.get(2).equals("pcsd")) {
          code = 1;
        } else {
          out = argv.get(2).equals("corosync") ? "4211\n" : "4230\n";
        }
      }
      case "drbdsetup" -> out = drbd;
      case "pcs" -> {
        if (argv.size() == 4 && argv.get(1).equals("node")) {
          if (argv.get(2).equals("standby")) {
            standby.add(argv.get(3));
          } else if (argv.get(2).equals("unstandby")) {
            standby.remove(argv.get(3));
          }
        }
      }
      default -> throw new ConnectionException("cannot start " + argv.get(0) + ": not in this test");
    }
    return new CommandResult(argv, code, out, "", Duration.ofMillis(3));
  }
}
