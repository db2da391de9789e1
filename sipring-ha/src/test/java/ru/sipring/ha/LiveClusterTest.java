package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;

/**
 * Real actions on the real one-node cluster (group pbx = vip + mariadb + asterisk + freepbx, promotable
 * drbd_data-clone). Every test puts the cluster back as it found it: {@link #restore} undoes anything left.
 */
class LiveClusterTest {
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private PacemakerTools tools;
  private ClusterManager manager;
  private String node;

  @BeforeEach
  void setUp() {
    LiveCluster.require();
    node = LiveCluster.node();
    tools = PacemakerTools.of(CommandRunner.processes(), PacemakerTools.Tool.PCS, Duration.ofSeconds(60));
    manager = ClusterManager.builder(tools, tools).settleTimeout(SETTLE).build();
  }

  @AfterEach
  void restore() {
    if (tools == null) {
      return;
    }
    ClusterStatus s = tools.snapshot();
    if (s.maintenanceMode()) {
      manager.perform(new ClusterAction.ClusterMaintenance(false));
    }
    s.node(node).ifPresent(n -> {
      if (n.standby()) {
        manager.perform(new ClusterAction.Standby(node, false));
      }
      if (n.maintenance()) {
        manager.perform(new ClusterAction.NodeMaintenance(node, false));
      }
    });
    for (Ban b : tools.snapshot().bans()) {
      manager.perform(new ClusterAction.Clear(b.resource(), null));
    }
    tools.snapshot().allResources().filter(ClusterResource::isDisabled)
        .forEach(r -> manager.perform(new ClusterAction.Enable(r.id())));
    if (!tools.snapshot().failedActions().isEmpty() || !tools.snapshot().failCounts().isEmpty()) {
      manager.perform(new ClusterAction.Cleanup(null, null));
    }
    assertThat(healthyBaseline(manager.status().status())).as("cluster back to its starting state").isTrue();
  }

  /** All four pbx members and the promoted clone on the node, nothing failed, nothing banned. */
  private boolean healthyBaseline(ClusterStatus s) {
    return s.nodesOf("pbx").equals(List.of(node)) && s.resource("pbx").orElseThrow().primitives().stream()
        .allMatch(p -> p.active() && p.role() == ResourceRole.STARTED)
        && s.primitives().stream().anyMatch(p -> p.id().equals("drbd_data") && p.role() == ResourceRole.PROMOTED)
        && s.failedActions().isEmpty() && s.bans().isEmpty();
  }

  @Test
  void statusOfTheRunningClusterIsParsedAndOnlyFencingIsMissing() {
    ManagerCheck c = check();
    ClusterStatus s = c.status;
    assertThat(s.connected()).isTrue();
    assertThat(s.format()).startsWith("pacemaker-result api 2.");
    assertThat(s.dcName()).isEqualTo(node);
    assertThat(s.withQuorum()).isTrue();
    assertThat(s.node(node).orElseThrow().state()).isEqualTo(ClusterNode.NodeState.ONLINE);
    assertThat(s.node(node).orElseThrow().dc()).isTrue();
    ClusterResource pbx = s.resource("pbx").orElseThrow();
    assertThat(pbx.kind()).isEqualTo(ClusterResource.Kind.GROUP);
    assertThat(pbx.members()).extracting(ClusterResource::id).containsExactly("vip", "mariadb", "asterisk", "freepbx");
    assertThat(s.resource("vip").orElseThrow().agent()).isEqualTo("ocf:heartbeat:IPaddr2");
    assertThat(s.resource("drbd_data-clone").orElseThrow().kind()).isEqualTo(ClusterResource.Kind.PROMOTABLE);
    assertThat(healthyBaseline(s)).isTrue();
    // stonith-enabled=false in the test cluster: the one finding, a warning, so DEGRADED (never OK without fencing)
    assertThat(c.health.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(c.health.reasons()).filteredOn(r -> r.severity() != HealthReason.Severity.INFO)
        .extracting(HealthReason::subject).containsExactly("fencing");
  }

  @Test
  void standbyStopsEverythingOnTheOnlyNodeAndUnstandbyBringsItBack() {
    ActionOutcome on = manager.perform(new ClusterAction.Standby(node, true));
    assertThat(on.settled()).isTrue();
    assertThat(on.status().node(node).orElseThrow().state()).isEqualTo(ClusterNode.NodeState.STANDBY);
    assertThat(on.status().nodesOf("pbx")).isEmpty();
    assertThat(on.health().verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(on.health().reasons()).anySatisfy(r -> assertThat(r.subject()).isEqualTo("node " + node))
        .anySatisfy(r -> assertThat(r.message()).startsWith("Stopped"));

    ActionOutcome off = manager.perform(new ClusterAction.Standby(node, false));
    assertThat(off.settled()).isTrue();
    assertThat(healthyBaseline(off.status())).isTrue();
    assertThat(off.health().verdict()).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void aFailedMonitorIsSeenWithItsFailCountAndCleanupClearsIt() throws Exception {
    // the Dummy agent's state file is what its monitor checks: removing it is a real "not running" (rc 7)
    // HA_VARRUN differs between resource-agents builds: /run or /run/resource-agents
    Path state = java.util.stream.Stream.of("/run/Dummy-asterisk.state", "/run/resource-agents/Dummy-asterisk.state",
        "/var/run/Dummy-asterisk.state").map(Path::of).filter(Files::exists).findFirst()
        .orElseThrow(() -> new AssertionError("no Dummy-asterisk.state under /run"));
    Files.delete(state);
    ClusterStatus failed = waitFor(s -> s.failedActions().stream().anyMatch(f -> f.resource().equals("asterisk")),
        Duration.ofSeconds(40));
    FailedAction f = failed.failedActions().stream().filter(a -> a.resource().equals("asterisk")).findFirst()
        .orElseThrow();
    assertThat(f.task()).isEqualTo("monitor");
    assertThat(f.exitCode()).isEqualTo(7);
    assertThat(f.exitStatus()).isEqualTo("not running");
    assertThat(f.node()).isEqualTo(node);
    assertThat(failed.failCounts()).anySatisfy(fc -> {
      assertThat(fc.resource()).isEqualTo("asterisk");
      assertThat(fc.failCount()).isGreaterThanOrEqualTo(1);
    });
    assertThat(HealthChecker.withDefaults().check(failed).reasons())
        .anySatisfy(r -> assertThat(r.subject()).isEqualTo("resource asterisk"));

    ActionOutcome clean = manager.perform(new ClusterAction.Cleanup("asterisk", null));
    assertThat(clean.settled()).isTrue();
    assertThat(clean.status().failedActions()).isEmpty();
    assertThat(clean.status().failCounts()).isEmpty();
    assertThat(healthyBaseline(clean.status())).isTrue();
  }

  @Test
  void simulatedFailureThroughCrmResourceIsAFailedAction() {
    CommandResult r = CommandRunner.processes().run(List.of("crm_resource", "--fail", "-r", "freepbx", "-N", node),
        Duration.ofSeconds(30));
    assertThat(r.ok()).as(r.stderr()).isTrue();
    ClusterStatus s = waitFor(x -> x.failedActions().stream().anyMatch(f -> f.resource().equals("freepbx")),
        Duration.ofSeconds(30));
    assertThat(s.failedActions()).anySatisfy(f -> assertThat(f.task()).isEqualTo("asyncmon"));
    ActionOutcome clean = manager.perform(new ClusterAction.Cleanup(null, node));
    assertThat(clean.settled()).isTrue();
    assertThat(clean.status().failedActions()).isEmpty();
  }

  @Test
  void banStopsTheGroupAndClearBringsItBack() {
    ActionOutcome ban = manager.perform(new ClusterAction.Ban("pbx", node));
    assertThat(ban.settled()).isTrue();
    assertThat(ban.status().bans()).anySatisfy(b -> {
      assertThat(b.id()).isEqualTo("cli-ban-pbx-on-" + node);
      assertThat(b.resource()).isEqualTo("pbx");
      assertThat(b.node()).isEqualTo(node);
    });
    assertThat(ban.status().nodesOf("pbx")).isEmpty();
    assertThat(ban.health().verdict()).isEqualTo(Verdict.CRITICAL);

    ActionOutcome clear = manager.perform(new ClusterAction.Clear("pbx", null));
    assertThat(clear.settled()).isTrue();
    assertThat(clear.status().bans()).isEmpty();
    assertThat(healthyBaseline(clear.status())).isTrue();
  }

  @Test
  void moveToTheNodeItRunsOnIsRefusedWithPcsMessage() {
    assertThatThrownBy(() -> manager.perform(new ClusterAction.Move("pbx", node)))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("pcs resource move pbx " + node)
        .hasMessageContaining("cannot move");
  }

  @Test
  void moveThroughCrmResourceLeavesAPreferConstraintThatClearRemoves() {
    PacemakerTools crm = PacemakerTools.of(CommandRunner.processes(), PacemakerTools.Tool.CRM, Duration.ofSeconds(30));
    ClusterManager m = ClusterManager.builder(crm, crm).settleTimeout(SETTLE).build();
    // crm_resource --move to the current node is refused too, but --ban and --clear work the same as pcs
    ActionOutcome ban = m.perform(new ClusterAction.Ban("freepbx", node));
    assertThat(ban.settled()).isTrue();
    assertThat(ban.status().resource("freepbx").orElseThrow().active()).isFalse();
    ActionOutcome clear = m.perform(new ClusterAction.Clear("freepbx", null));
    assertThat(clear.settled()).isTrue();
    assertThat(healthyBaseline(clear.status())).isTrue();
  }

  @Test
  void disableAndEnable() {
    ActionOutcome off = manager.perform(new ClusterAction.Disable("freepbx"));
    assertThat(off.settled()).isTrue();
    ClusterResource fp = off.status().resource("freepbx").orElseThrow();
    assertThat(fp.active()).isFalse();
    assertThat(fp.isDisabled()).isTrue();
    assertThat(off.health().reasons()).anySatisfy(r -> {
      assertThat(r.subject()).isEqualTo("resource freepbx");
      assertThat(r.message()).contains("disabled");
    });
    ActionOutcome on = manager.perform(new ClusterAction.Enable("freepbx"));
    assertThat(on.settled()).isTrue();
    assertThat(healthyBaseline(on.status())).isTrue();
  }

  @Test
  void nodeAndClusterMaintenance() {
    ActionOutcome nm = manager.perform(new ClusterAction.NodeMaintenance(node, true));
    assertThat(nm.settled()).isTrue();
    assertThat(nm.status().node(node).orElseThrow().state()).isEqualTo(ClusterNode.NodeState.MAINTENANCE);
    assertThat(nm.status().resource("asterisk").orElseThrow().managed()).isFalse();
    assertThat(nm.health().verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(manager.perform(new ClusterAction.NodeMaintenance(node, false)).settled()).isTrue();

    ActionOutcome cm = manager.perform(new ClusterAction.ClusterMaintenance(true));
    assertThat(cm.settled()).isTrue();
    assertThat(cm.status().maintenanceMode()).isTrue();
    assertThat(cm.health().reasons()).anySatisfy(r -> assertThat(r.message()).startsWith("maintenance-mode=true"));
    ActionOutcome back = manager.perform(new ClusterAction.ClusterMaintenance(false));
    assertThat(back.settled()).isTrue();
    assertThat(back.status().maintenanceMode()).isFalse();
  }

  @Test
  void restartKeepsTheResourceRunning() {
    ActionOutcome r = manager.perform(new ClusterAction.Restart("mariadb"));
    assertThat(r.settled()).isTrue();
    assertThat(healthyBaseline(r.status())).isTrue();
  }

  private record ManagerCheck(ClusterStatus status, HealthReport health) {}

  private ManagerCheck check() {
    ClusterManager.Checked c = manager.status();
    return new ManagerCheck(c.status(), c.health());
  }

  private ClusterStatus waitFor(java.util.function.Predicate<ClusterStatus> p, Duration max) {
    long end = System.nanoTime() + max.toNanos();
    ClusterStatus s = tools.snapshot();
    while (!p.test(s)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not reached within " + max + "; last snapshot: " + s);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      s = tools.snapshot();
    }
    return s;
  }
}
