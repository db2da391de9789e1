package ru.sipring.cli.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cli.SipRingCli;

class ClusterCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = SipRingCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path corpus(String rel) {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    if (p == null || !Files.isDirectory(p)) {
      p = Path.of("/work/shared/corpus");
    }
    return p.resolve("ha").resolve(rel);
  }

  @Test
  void offlineStatusJsonKeepsTheContract() throws Exception {
    Run r = run("cluster", "status", "--crm-mon-xml", corpus("live-2.1.5/two-node-netns/healthy.xml").toString(),
        "--drbd", corpus("drbd/ha_cluster_exporter-drbdsetup-status.json").toString(), "--format", "json");
    assertThat(r.err()).isEmpty();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.fieldNames()).toIterable().containsExactly("verdict", "reasons", "nodes", "resources");
    assertThat(j.get("verdict").asText()).isEqualTo("DEGRADED");
    assertThat(r.exit()).isEqualTo(1);
    for (JsonNode reason : j.get("reasons")) {
      assertThat(reason.fieldNames()).toIterable().containsExactly("severity", "subject", "message");
    }
    assertThat(j.get("reasons")).extracting(n -> n.get("subject").asText()).containsExactly("fencing", "drbd 1-single-1");
    assertThat(j.get("nodes")).extracting(n -> n.get("name").asText()).containsExactly("node1", "node2");
    assertThat(j.get("resources").get(1).get("id").asText()).isEqualTo("pbx");
    assertThat(j.get("resources").get(1).get("members")).hasSize(6);
  }

  @Test
  void criticalSnapshotExitsTwoAndTextLooksLikeTheGuide() {
    Run r = run("cluster", "status", "--crm-mon-xml", corpus("live-2.1.5/single-node/crm_mon-banned.xml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("CLUSTER  verdict: CRITICAL").contains("RESOURCES")
        .containsPattern("vip +ocf:heartbeat:IPaddr2 +Stopped").contains("BANS").contains("cli-ban-pbx-on-node1");
  }

  @Test
  void splitBrainFoundFromTwoNodesSnapshots() throws Exception {
    Run r = run("cluster", "status", "--crm-mon-xml", corpus("live-2.1.5/two-node-netns/splitbrain-node1.xml").toString(),
        "--peer-crm-mon-xml", corpus("live-2.1.5/two-node-netns/splitbrain-node2.xml").toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(JSON.readTree(r.out()).get("reasons").get(0).get("message").asText()).startsWith("split brain");
  }

  @Test
  void badInputIsAnErrorNotAVerdict(@TempDir Path dir) throws Exception {
    Path cut = dir.resolve("cut.xml");
    String full = Files.readString(corpus("live-2.1.5/two-node-netns/healthy.xml"));
    Files.writeString(cut, full.substring(0, full.length() / 2));
    Run r = run("cluster", "status", "--crm-mon-xml", cut.toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("sipring cluster: " + cut + ":").contains("malformed XML");
    Run missing = run("cluster", "status", "--crm-mon-xml", dir.resolve("nope.xml").toString());
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).contains("nope.xml: cannot read");
  }

  @Test
  void liveStatusJsonKeepsTheContract() throws Exception {
    boolean present = "1".equals(System.getenv("SIPRING_TEST_PACEMAKER"));
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as("CI=true but no pacemaker cluster (.ci/services.d/40-pacemaker.sh)").isTrue();
    }
    assumeTrue(present, "no pacemaker cluster: source .ci/services.d/40-pacemaker.sh");
    Run r = run("cluster", "status", "--format", "json");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.fieldNames()).toIterable().containsExactly("verdict", "reasons", "nodes", "resources");
    assertThat(List.of("OK", "DEGRADED", "CRITICAL")).contains(j.get("verdict").asText());
    assertThat(j.get("nodes").get(0).get("name").asText()).isNotEmpty();
    assertThat(r.exit()).isBetween(0, 2);
  }

  @Test
  void actionWithABadNameIsRefusedBeforeTouchingTheCluster() {
    Run r = run("cluster", "standby", "node1;reboot");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("not a pacemaker resource or node name");
  }

  @Test
  void watchPrintsTheFirstSnapshotAndAvailability() {
    boolean present = "1".equals(System.getenv("SIPRING_TEST_PACEMAKER"));
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as("CI=true but no pacemaker cluster (.ci/services.d/40-pacemaker.sh)").isTrue();
    }
    assumeTrue(present, "no pacemaker cluster: source .ci/services.d/40-pacemaker.sh");
    Run r = run("cluster", "watch", "--count", "2", "--interval", "200ms");
    assertThat(r.exit()).isZero();
    // one change line (the first snapshot) while nothing happens, then availability per service
    assertThat(r.out().lines().filter(l -> l.contains("first snapshot"))).hasSize(1);
    assertThat(r.out()).contains("availability pbx: up").contains("within budget");
  }
}
