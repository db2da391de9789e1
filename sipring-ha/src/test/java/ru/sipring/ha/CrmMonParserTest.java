package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.sipring.core.BadInputException;

class CrmMonParserTest {

  static Stream<Path> crmMonXml() {
    return Corpus.files(".xml").stream().filter(p -> !p.toString().contains("pacemaker-cts-2.1.5"))
        .filter(p -> !p.getFileName().toString().startsWith("cib-"));
  }

  static Stream<Path> notCrmMon() {
    List<Path> out = new ArrayList<>(Corpus.files(".rng"));
    out.addAll(Corpus.files(".xml").stream().filter(p -> p.toString().contains("pacemaker-cts-2.1.5")
        || p.getFileName().toString().startsWith("cib-")).toList());
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("crmMonXml")
  void everyCrmMonFileOfTheCorpusParses(Path file) {
    ClusterStatus s = CrmMonParser.parse(file);
    assertThat(s.source()).isEqualTo(file.toString());
    if (s.connected()) {
      assertThat(s.nodes()).isNotEmpty();
      assertThat(s.unrecognized()).as("elements not understood in " + file).isEmpty();
      // every primitive is in a known role, and active exactly when it names a node
      for (ClusterResource p : s.primitives()) {
        assertThat(p.role()).as(file + " " + p.id()).isNotEqualTo(ResourceRole.UNKNOWN);
        if (p.active()) {
          assertThat(p.nodes()).as(file + " " + p.id()).isNotEmpty();
        }
      }
    } else {
      assertThat(file.getFileName().toString()).isEqualTo("crm_mon-not-running.xml");
    }
  }

  /** crm_mon printed the same cluster as text too: the XML reading must agree with what a person saw. */
  @ParameterizedTest
  @MethodSource("crmMonXml")
  void theXmlReadingAgreesWithCrmMonsOwnTextRendering(Path file) throws IOException {
    Path txt = file.resolveSibling(file.getFileName().toString().replace(".xml", ".txt"));
    if (!Files.exists(txt)) {
      return;
    }
    String text = Files.readString(txt, StandardCharsets.UTF_8);
    ClusterStatus s = CrmMonParser.parse(file);
    if (s.dcName() != null) {
      assertThat(text).contains("Current DC: " + s.dcName());
      assertThat(text).contains(s.withQuorum() ? "partition with quorum" : "partition WITHOUT quorum");
    }
    for (ClusterNode n : s.nodes()) {
      assertThat(text).contains(n.name());
      if (n.type().equals("member")) {
        switch (n.state()) {
          case STANDBY -> assertThat(text).containsPattern("Node " + Pattern.quote(n.name()) + ": standby|OFFLINE \\(standby\\)");
          case MAINTENANCE -> assertThat(text).containsPattern("Node " + Pattern.quote(n.name()) + ": maintenance");
          case UNCLEAN -> assertThat(text).containsPattern("Node " + Pattern.quote(n.name()) + ": UNCLEAN");
          case OFFLINE -> assertThat(text).containsPattern("OFFLINE.*" + Pattern.quote(n.name()) + "|"
              + Pattern.quote(n.name()) + ".*OFFLINE");
          default -> { }
        }
      }
    }
    // active primitives and group members (crm_mon folds clone instances into "Started: [ nodes ]" and prints
    // bundle members under replica names)
    s.resources().stream().filter(r -> r.kind() == ClusterResource.Kind.PRIMITIVE || r.kind() == ClusterResource.Kind.GROUP)
        .flatMap(r -> r.primitives().stream()).filter(p -> p.active() && !p.orphaned())
        .forEach(p -> assertThat(text).as(file + " resource " + p.id()).contains(p.id().replaceAll(":\\d+$", "")));
    if (s.maintenanceMode()) {
      assertThat(text).contains("Resource management is DISABLED");
    }
  }

  @ParameterizedTest
  @MethodSource("notCrmMon")
  void cibsAndSchemasAreRefusedWithAClearError(Path file) {
    assertThatThrownBy(() -> CrmMonParser.parse(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("not crm_mon XML: root element <");
  }

  @Test
  void everyXmlBlockOfPacemakersOwnRegressionExpectationsParses() throws IOException {
    String exp = Files.readString(Corpus.file("pacemaker-cts-2.1.5/cli/regression.crm_mon.exp"));
    Matcher m = Pattern.compile("=#=#=#= Begin test: (.*?) =#=#=#=\\n(.*?)=#=#=#= End test", Pattern.DOTALL).matcher(exp);
    int xml = 0;
    while (m.find()) {
      String body = m.group(2);
      int start = body.indexOf("<pacemaker-result");
      if (start < 0) {
        continue;
      }
      int end = body.indexOf("</pacemaker-result>") + "</pacemaker-result>".length();
      ClusterStatus s = CrmMonParser.parse(body.substring(start, end), "regression.crm_mon.exp: " + m.group(1));
      assertThat(s.connected()).isTrue();
      if (m.group(1).contains("without the node section")) {
        assertThat(s.unrecognized()).containsExactly("/pacemaker-result/nodes (missing)");
        assertThat(HealthChecker.withDefaults().check(s).verdict()).isNotEqualTo(Verdict.OK);
      } else {
        assertThat(s.unrecognized()).as(m.group(1)).isEmpty();
      }
      xml++;
    }
    assertThat(xml).isEqualTo(27);
  }

  @Test
  void healthyTwoNodeCluster() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"));
    assertThat(s.format()).isEqualTo("pacemaker-result api 2.25");
    assertThat(s.dcName()).isEqualTo("node2");
    assertThat(s.withQuorum()).isTrue();
    assertThat(s.stonithEnabled()).isFalse();
    assertThat(s.nodes()).extracting(ClusterNode::name, ClusterNode::state, ClusterNode::dc).containsExactly(
        org.assertj.core.groups.Tuple.tuple("node1", ClusterNode.NodeState.ONLINE, false),
        org.assertj.core.groups.Tuple.tuple("node2", ClusterNode.NodeState.ONLINE, true));
    ClusterResource clone = s.resources().get(0);
    assertThat(clone.kind()).isEqualTo(ClusterResource.Kind.PROMOTABLE);
    assertThat(clone.members()).extracting(ClusterResource::role, ClusterResource::nodes).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ResourceRole.PROMOTED, List.of("node1")),
        org.assertj.core.groups.Tuple.tuple(ResourceRole.UNPROMOTED, List.of("node2")));
    assertThat(s.nodesOf("pbx")).containsExactly("node1");
    assertThat(s.resource("vip").orElseThrow().isVirtualIp()).isTrue();
    assertThat(s.nodeAttributes().get("node1")).containsEntry("master-drbd_data", "10");
    assertThat(s.failedActions()).isEmpty();
    assertThat(s.failCounts()).isEmpty();
  }

  @Test
  void failedMonitorWithFailCountAndMigrationThreshold() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/asterisk-failed-failover.xml"));
    assertThat(s.failedActions()).singleElement().satisfies(f -> {
      assertThat(f.resource()).isEqualTo("asterisk");
      assertThat(f.operationKey()).isEqualTo("asterisk_monitor_10000");
      assertThat(f.task()).isEqualTo("monitor");
      assertThat(f.node()).isEqualTo("node1");
      assertThat(f.exitCode()).isEqualTo(7);
      assertThat(f.exitStatus()).isEqualTo("not running");
      assertThat(f.intervalMs()).isEqualTo(10_000);
    });
    assertThat(s.failCounts()).singleElement().satisfies(fc -> {
      assertThat(fc.failCount()).isEqualTo(1);
      assertThat(fc.migrationThreshold()).isEqualTo(1);
      assertThat(fc.thresholdReached()).isTrue();
    });
    assertThat(s.nodesOf("pbx")).containsExactly("node2");
  }

  @Test
  void nodeStatesFromTheDegradedStateMatrix() {
    assertThat(node("live-2.1.5/single-node/crm_mon-standby.xml", "node1")).isEqualTo(ClusterNode.NodeState.STANDBY);
    assertThat(node("live-2.1.5/single-node/crm_mon-node-maintenance.xml", "node1"))
        .isEqualTo(ClusterNode.NodeState.MAINTENANCE);
    assertThat(node("live-2.1.5/two-node-netns/node2-crashed-stonith-enabled.xml", "node2"))
        .isEqualTo(ClusterNode.NodeState.UNCLEAN);
    assertThat(node("live-2.1.5/two-node-netns/splitbrain-node1.xml", "node2")).isEqualTo(ClusterNode.NodeState.OFFLINE);
    assertThat(node("rendered-crm_mon-2.1.5/probe-pending-node.xml", "gcdoubwap02")).isEqualTo(ClusterNode.NodeState.PENDING);
    assertThat(CrmMonParser.parse(Corpus.file("live-2.1.5/single-node/crm_mon-maintenance-mode.xml")).maintenanceMode())
        .isTrue();
    ClusterStatus noQuorum = CrmMonParser.parse(Corpus.file("rendered-crm_mon-2.1.5/bug-cl-5170.xml"));
    assertThat(noQuorum.withQuorum()).isFalse();
    assertThat(noQuorum.primitives()).anySatisfy(p -> {
      assertThat(p.failed()).isTrue();
      assertThat(p.blocked()).isTrue();
    });
  }

  @Test
  void bansAndDisabledResources() {
    ClusterStatus banned = CrmMonParser.parse(Corpus.file("live-2.1.5/single-node/crm_mon-banned.xml"));
    assertThat(banned.bans()).singleElement().isEqualTo(new Ban("cli-ban-pbx-on-node1", "pbx", "node1", -1_000_000, false));
    ClusterStatus disabled = CrmMonParser.parse(Corpus.file("live-2.1.5/single-node/crm_mon-disabled.xml"));
    assertThat(disabled.resource("asterisk").orElseThrow().isDisabled()).isTrue();
  }

  @Test
  void olderCrmMonFormatWithMasterSlaveRolesAndResourcesUnderNodes() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("other-crm_mon/ha_cluster_exporter-crm_mon-2.0.0-format.xml"));
    assertThat(s.format()).isEqualTo("crm_mon 2.0.0");
    assertThat(s.dcName()).isEqualTo("hana01");
    assertThat(s.stonithEnabled()).isTrue();
    assertThat(s.primitives()).filteredOn(p -> p.id().equals("rsc_SAPHana_PRD_HDB00"))
        .extracting(ClusterResource::role, ClusterResource::nodes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ResourceRole.PROMOTED, List.of("hana01")),
            org.assertj.core.groups.Tuple.tuple(ResourceRole.UNPROMOTED, List.of("hana02")));
    assertThat(s.resource("rsc_ip_PRD_HDB00").orElseThrow().agent()).isEqualTo("ocf:heartbeat:IPaddr2");
    assertThat(s.allResources().anyMatch(ClusterResource::isFencingDevice)).isTrue();
    assertThat(s.failCounts()).extracting(FailCount::resource, FailCount::node, FailCount::failCount).contains(
        org.assertj.core.groups.Tuple.tuple("rsc_SAPHana_PRD_HDB00", "hana01", 1_000_000));
    assertThat(s.bans()).singleElement().satisfies(b -> assertThat(b.resource()).isEqualTo("msl_SAPHana_PRD_HDB00"));
  }

  @Test
  void clusterNotRunningIsASnapshotThatSaysSo() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("live-2.1.5/single-node/crm_mon-not-running.xml"));
    assertThat(s.connected()).isFalse();
    assertThat(s.statusCode()).isEqualTo(102);
    assertThat(s.statusMessage()).contains("Not connected");
    assertThat(HealthChecker.withDefaults().check(s).verdict()).isEqualTo(Verdict.CRITICAL);
  }

  @Test
  void bundleReplicasBecomeMembers() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("rendered-crm_mon-2.1.5/cli-crm_mon.xml"));
    ClusterResource bundle = s.resource("httpd-bundle").orElseThrow();
    assertThat(bundle.kind()).isEqualTo(ClusterResource.Kind.BUNDLE);
    assertThat(bundle.primitives()).isNotEmpty();
  }

  // ---- bad input ----

  @Test
  void truncatedXmlIsABadInputNamingLineAndColumn() throws IOException {
    String full = Files.readString(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"));
    String cut = full.substring(0, full.indexOf("<resources>") + 200);
    assertThatThrownBy(() -> CrmMonParser.parse(cut, "cut.xml"))
        .isInstanceOf(BadInputException.class)
        .hasMessageMatching("cut\\.xml:\\d+:\\d+: malformed XML .*")
        .satisfies(e -> assertThat(((BadInputException) e).location()).matches("cut\\.xml:\\d+:\\d+"));
  }

  @Test
  void documentCutBeforeItsSectionsIsRefusedNotCalledHealthy() {
    assertThatThrownBy(() -> CrmMonParser.parse("<pacemaker-result api-version=\"2.25\"><status code=\"0\" "
        + "message=\"OK\"/></pacemaker-result>", "short.xml"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("has no <summary>");
  }

  @Test
  void unknownElementsAreKeptAndMakeTheVerdictNotOk() throws IOException {
    String full = Files.readString(Corpus.file("live-2.1.5/single-node/crm_mon-healthy.xml"));
    String extra = full.replace("<resources>", "<resources>\n<widget id=\"w1\" state=\"broken\"/>")
        .replace("<status code", "<future_section/>\n<status code");
    ClusterStatus s = CrmMonParser.parse(extra, "extra.xml");
    assertThat(s.unrecognized()).containsExactly("/pacemaker-result/future_section",
        "/pacemaker-result/resources/widget[w1]");
    HealthReport h = HealthChecker.of(HealthPolicy.defaults()).check(s);
    assertThat(h.reasons()).anySatisfy(r -> {
      assertThat(r.severity()).isEqualTo(HealthReason.Severity.WARNING);
      assertThat(r.message()).isEqualTo("unrecognised element /pacemaker-result/resources/widget[w1]: not evaluated");
    });
    assertThat(h.verdict()).isNotEqualTo(Verdict.OK);
  }

  @Test
  void doctypeAndExternalEntitiesAreRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<pacemaker-result><summary>&x;</summary></pacemaker-result>";
    assertThatThrownBy(() -> CrmMonParser.parse(xxe, "xxe.xml"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void emptyAndWrongRootAndBadAttribute() {
    assertThatThrownBy(() -> CrmMonParser.parse("  ", "empty.xml")).isInstanceOf(BadInputException.class)
        .hasMessage("empty.xml: empty crm_mon output");
    assertThatThrownBy(() -> CrmMonParser.parse("<html/>", "page.xml")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("root element <html>");
    String bad = "<pacemaker-result><summary><cluster_options stonith-enabled=\"maybe\"/></summary><nodes/>"
        + "<resources/></pacemaker-result>";
    assertThatThrownBy(() -> CrmMonParser.parse(bad, "b.xml")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cluster_options@stonith-enabled").hasMessageContaining("not a boolean");
  }

  @Test
  void opKeyToResource() {
    assertThat(CrmMonParser.resourceOfOpKey("asterisk_monitor_10000", "monitor")).isEqualTo("asterisk");
    assertThat(CrmMonParser.resourceOfOpKey("fs_data_start_0", "start")).isEqualTo("fs_data");
    assertThat(CrmMonParser.resourceOfOpKey("my_rsc_monitor_0", "")).isEqualTo("my_rsc");
  }

  private static ClusterNode.NodeState node(String file, String name) {
    return CrmMonParser.parse(Corpus.file(file)).node(name).orElseThrow().state();
  }
}
