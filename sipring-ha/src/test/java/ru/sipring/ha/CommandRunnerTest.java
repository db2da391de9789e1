package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;

class CommandRunnerTest {

  @Test
  void argumentsAreNeverInterpretedByAShell() {
    CommandResult r = CommandRunner.processes().run(List.of("echo", "pbx; touch /tmp/sipring-pwned", "$(id)"),
        Duration.ofSeconds(10));
    assertThat(r.ok()).isTrue();
    assertThat(r.stdout()).isEqualTo("pbx; touch /tmp/sipring-pwned $(id)\n");
    assertThat(java.nio.file.Path.of("/tmp/sipring-pwned")).doesNotExist();
  }

  @Test
  void aCommandThatHangsIsKilledAtItsTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> CommandRunner.processes().run(List.of("sleep", "30"), Duration.ofMillis(300)))
        .isInstanceOf(CommandTimeoutException.class)
        .isInstanceOf(ConnectionException.class)
        .hasMessage("`sleep 30` did not finish within 300 ms; killed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void nonZeroExitIsReturnedAndAMissingProgramIsAConnectionError() {
    CommandResult r = CommandRunner.processes().run(List.of("sh", "-c", "echo oops >&2; exit 3"), Duration.ofSeconds(10));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr()).isEqualTo("oops\n");
    assertThatThrownBy(() -> CommandRunner.processes().run(List.of("/nonexistent/pcs"), Duration.ofSeconds(5)))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("cannot start `/nonexistent/pcs`");
  }

  @Test
  void largeOutputOnBothStreamsDoesNotDeadlock() {
    CommandResult r = CommandRunner.processes().run(List.of("sh", "-c",
        "i=0; while [ $i -lt 3000 ]; do echo line-$i; echo err-$i >&2; i=$((i+1)); done"), Duration.ofSeconds(30));
    assertThat(r.stdout().lines()).hasSize(3000);
    assertThat(r.stderr().lines()).hasSize(3000);
  }

  @Test
  void pcsAndCrmArgumentLists() {
    assertThat(PacemakerTools.pcs(new ClusterAction.Standby("node1", true))).containsExactly("pcs", "node", "standby", "node1");
    assertThat(PacemakerTools.pcs(new ClusterAction.Move("pbx", "node2"))).containsExactly("pcs", "resource", "move", "pbx", "node2");
    assertThat(PacemakerTools.pcs(new ClusterAction.Cleanup("asterisk", "node1")))
        .containsExactly("pcs", "resource", "cleanup", "asterisk", "node=node1");
    assertThat(PacemakerTools.pcs(new ClusterAction.ClusterMaintenance(true)))
        .containsExactly("pcs", "property", "set", "maintenance-mode=true");
    assertThat(PacemakerTools.crm(new ClusterAction.Disable("freepbx"))).containsExactly("crm_resource", "--resource",
        "freepbx", "--meta", "--set-parameter", "target-role", "--parameter-value", "Stopped");
    assertThat(PacemakerTools.crm(new ClusterAction.Ban("pbx", "node1")))
        .containsExactly("crm_resource", "--ban", "--resource", "pbx", "--node", "node1");
  }

  @Test
  void namesThatAreNotPacemakerIdsAreRefusedBeforeAnythingRuns() {
    List<List<String>> ran = new ArrayList<>();
    CommandRunner recorder = (argv, t) -> {
      ran.add(argv);
      return new CommandResult(argv, 0, "", "", Duration.ZERO);
    };
    PacemakerTools tools = PacemakerTools.of(recorder, PacemakerTools.Tool.PCS, Duration.ofSeconds(5));
    assertThatThrownBy(() -> tools.execute(new ClusterAction.Move("pbx; reboot", null)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("name \"pbx; reboot\"");
    assertThatThrownBy(() -> tools.execute(new ClusterAction.Standby("--all", true)))
        .isInstanceOf(BadInputException.class);
    assertThat(ran).isEmpty();
  }

  @Test
  void aRefusalCarriesTheToolsMessage() {
    CommandRunner refuses = (argv, t) -> new CommandResult(argv, 1, "",
        "Error: cannot move resource 'pbx'\ncrm_resource: Error performing operation: Requested item already exists\n", Duration.ZERO);
    PacemakerTools tools = PacemakerTools.of(refuses, PacemakerTools.Tool.PCS, Duration.ofSeconds(5));
    assertThatThrownBy(() -> tools.execute(new ClusterAction.Move("pbx", "node1")))
        .isInstanceOf(RejectedException.class)
        .hasMessageStartingWith("`pcs resource move pbx node1` failed (exit 1): Error: cannot move resource 'pbx'");
  }

  @Test
  void crmMonThatHangsIsATimeoutNotAVerdict() {
    CommandRunner hangs = (argv, t) -> {
      throw new CommandTimeoutException(argv, t);
    };
    PacemakerTools tools = PacemakerTools.of(hangs, PacemakerTools.Tool.PCS, Duration.ofSeconds(2));
    assertThatThrownBy(tools::snapshot).isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("crm_mon --one-shot --inactive --output-as=xml");
  }

  @Test
  void crmMonWithNoOutputIsANotConnectedSnapshot() {
    CommandRunner down = (argv, t) -> new CommandResult(argv, 102, "", "crm_mon: Connection to cluster failed\n", Duration.ZERO);
    ClusterStatus s = PacemakerTools.of(down, PacemakerTools.Tool.PCS, Duration.ofSeconds(2)).snapshot();
    assertThat(s.connected()).isFalse();
    assertThat(HealthChecker.withDefaults().check(s).verdict()).isEqualTo(Verdict.CRITICAL);
  }

  @Test
  void anActionThatNeverTakesEffectReportsNotSettledAfterTheTimeout() {
    ClusterStatus healthy = CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"));
    ClusterStatusSource stuck = () -> healthy;
    ClusterControl accepts = a -> { };
    ClusterManager m = ClusterManager.builder(stuck, accepts).settleTimeout(Duration.ofMillis(1200)).build();
    ActionOutcome o = m.perform(new ClusterAction.Standby("node2", true));
    assertThat(o.settled()).isFalse();
    assertThat(o.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    assertThat(o.status()).isSameAs(healthy);
    ActionOutcome done = m.perform(new ClusterAction.Standby("node2", false));
    assertThat(done.settled()).isTrue();
  }
}
