package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.ha.ClusterAction;
import ru.sipring.ha.ClusterManager;
import ru.sipring.ha.ClusterStatus;
import ru.sipring.ha.CommandResult;
import ru.sipring.ha.CommandRunner;
import ru.sipring.ha.CrmMonParser;
import ru.sipring.ha.HealthChecker;

/** ClusterConsole over a real two-node cluster's crm_mon XML (the shared corpus, read in place). */
class ClusterConsoleTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  /** A millisecond later at every reading, so the manager's settle loop always ends. */
  private static final Clock CLOCK = new Clock() {
    private final java.util.concurrent.atomic.AtomicLong ms = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return T0.plusMillis(ms.getAndIncrement());
    }
  };

  private static ClusterStatus healthy() throws IOException {
    String prop = System.getProperty("sipring.corpus");
    Path corpus = prop != null && Files.isDirectory(Path.of(prop, "ha")) ? Path.of(prop) : Path.of("/work/shared/corpus");
    return CrmMonParser.parse(Files.readString(corpus.resolve("ha/live-2.1.5/two-node-netns/healthy.xml")), "healthy.xml");
  }

  /** pgrep finds pacemaker and five corosync processes, not pcsd; drbd-utils is not installed. */
  private static final CommandRunner RUNNER = (argv, timeout) -> {
    if (argv.get(0).equals("drbdsetup")) {
      throw new ConnectionException("cannot start drbdsetup");
    }
    boolean found = argv.get(0).equals("pgrep") && !argv.get(2).equals("pcsd");
    String pids = argv.get(2).equals("corosync") ? "21\n22\n23\n24\n25\n" : "17\n";
    return new CommandResult(argv, found ? 0 : 1, found ? pids : "", "", Duration.ZERO);
  };

  @Test
  void formsAreReadIntoActionsAndEverythingElseIsRefusedNamingTheField() {
    assertThat(ClusterConsole.action("standby", " node1 ", null)).isEqualTo(new ClusterAction.Standby("node1", true));
    assertThat(ClusterConsole.action("UNSTANDBY", "node1", "")).isEqualTo(new ClusterAction.Standby("node1", false));
    assertThat(ClusterConsole.action("move", "", "pbx")).isEqualTo(new ClusterAction.Move("pbx", null));
    assertThat(ClusterConsole.action("move", "node2", "pbx")).isEqualTo(new ClusterAction.Move("pbx", "node2"));
    assertThat(ClusterConsole.action("cleanup", null, null)).isEqualTo(new ClusterAction.Cleanup(null, null));
    assertThat(ClusterConsole.action("maintenance-on", null, null)).isEqualTo(new ClusterAction.ClusterMaintenance(true));
    assertThat(ClusterConsole.action("node-maintenance", "node2", null))
        .isEqualTo(new ClusterAction.NodeMaintenance("node2", true));
    assertThatThrownBy(() -> ClusterConsole.action("standby", " ", null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("node");
    assertThatThrownBy(() -> ClusterConsole.action("move", "node1", null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("resource");
    assertThatThrownBy(() -> ClusterConsole.action("re\nboot", "node1", null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("'re\\nboot' is not one of");
    assertThat(ClusterConsole.auditKey(new ClusterAction.Move("pbx", null))).isEqualTo("cluster.move");
    assertThat(ClusterConsole.target(new ClusterAction.Move("pbx", "node2"))).isEqualTo("pbx -> node2");
    assertThat(ClusterConsole.target(new ClusterAction.Cleanup(null, "node1"))).isEqualTo("all resources on node1");
  }

  @Test
  void theOverviewHasNodesDaemonsResourcesAndTheVerdict() throws Exception {
    ClusterStatus s = healthy();
    ClusterManager m = ClusterManager.builder(() -> s, a -> { }).checker(HealthChecker.withDefaults())
        .settleTimeout(Duration.ofSeconds(1)).clock(CLOCK).build();
    ClusterConsole.Overview o = new ClusterConsole(m, RUNNER, HealthChecker.withDefaults(), AuditLog.inMemory(), CLOCK,
        null).overview();
    assertThat(o.status().nodes()).hasSize(2);
    assertThat(o.daemons()).containsEntry("pacemaker", "Running (pid 17)").containsEntry("pcsd", "Not running")
        .containsEntry("corosync", "Running (pid 21,22,23, +2)");
    assertThat(o.drbd()).isEmpty();
    assertThat(o.resources()).extracting(ClusterConsole.ResourceRow::id).contains("pbx", "vip");
    assertThat(o.resources()).filteredOn(r -> r.id().equals("vip")).singleElement().satisfies(r -> {
      assertThat(r.depth()).isEqualTo(1);
      assertThat(r.type()).isEqualTo("ocf:heartbeat:IPaddr2");
      assertThat(r.topLevel()).isFalse();
    });
    assertThat(o.health().reasons()).anySatisfy(r -> assertThat(r.subject()).isEqualTo("fencing"));
    assertThat(o.availability()).isEmpty();
  }

  @Test
  void everyActionIsAuditedSettledOrRefused() throws Exception {
    ClusterStatus s = healthy();
    List<ClusterAction> done = new ArrayList<>();
    AuditLog audit = AuditLog.inMemory();
    ClusterManager ok = ClusterManager.builder(() -> s, done::add).checker(HealthChecker.withDefaults())
        .settleTimeout(Duration.ofSeconds(1)).clock(CLOCK).build();
    new ClusterConsole(ok, RUNNER, HealthChecker.withDefaults(), audit, CLOCK, null)
        .perform("admin", new ClusterAction.Cleanup("pbx", null));
    assertThat(done).containsExactly(new ClusterAction.Cleanup("pbx", null));
    AuditEntry settled = audit.recent(1).get(0);
    assertThat(settled.at()).isBetween(T0, T0.plusSeconds(1));
    assertThat(List.of(settled.actor(), settled.action(), settled.target(), settled.detail()))
        .containsExactly("admin", "cluster.cleanup", "pbx", "settled in 0.0 s; verdict DEGRADED");

    ClusterManager refusing = ClusterManager.builder(() -> s, a -> {
      throw new RejectedException("`pcs resource move pbx node1` failed (exit 1): Error: already there\r\nX");
    }).checker(HealthChecker.withDefaults())
        .settleTimeout(Duration.ofSeconds(1)).clock(CLOCK).build();
    ClusterConsole console = new ClusterConsole(refusing, RUNNER, HealthChecker.withDefaults(), audit, CLOCK, null);
    assertThatThrownBy(() -> console.perform("admin", new ClusterAction.Move("pbx", "node1")))
        .isInstanceOf(RejectedException.class);
    AuditEntry refused = audit.recent(1).get(0);
    assertThat(refused.action()).isEqualTo("cluster.move");
    assertThat(refused.target()).isEqualTo("pbx -> node1");
    assertThat(refused.detail()).startsWith("refused: `pcs resource move pbx node1` failed").endsWith("there\\r\\nX");
    assertThat(console.recentActions(5)).hasSize(2);
  }

  /** ClusterManager's builder with every option these tests set. */
  private static ClusterManager manager(ru.sipring.ha.ClusterStatusSource source, ru.sipring.ha.ClusterControl control,
      HealthChecker checker, Duration settle, java.time.Clock clock) {
    return ClusterManager.builder(source, control).checker(checker).settleTimeout(settle).clock(clock).build();
  }
}
