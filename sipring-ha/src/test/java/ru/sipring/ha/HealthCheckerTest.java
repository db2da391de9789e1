package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthCheckerTest {
  private final HealthChecker checker = HealthChecker.withDefaults();

  private HealthReport check(String file) {
    return checker.check(CrmMonParser.parse(Corpus.file(file)));
  }

  @Test
  void healthyButUnfencedIsDegradedWithOnlyTheFencingWarning() {
    HealthReport h = check("live-2.1.5/two-node-netns/healthy.xml");
    assertThat(h.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(h.reasons()).extracting(HealthReason::severity, HealthReason::subject)
        .containsExactly(tuple(HealthReason.Severity.WARNING, "fencing"));
    assertThat(h.reasons().get(0).message()).contains("stonith-enabled=false").contains("99.99%");
  }

  @Test
  void fullyHealthyWithFencingIsOk() throws IOException {
    String xml = Files.readString(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"))
        .replace("stonith-enabled=\"false\"", "stonith-enabled=\"true\"")
        .replace("<group id=\"pbx\"", "<resource id=\"fence-ipmi\" resource_agent=\"stonith:fence_ipmilan\" role=\"Started\" "
            + "active=\"true\" orphaned=\"false\" blocked=\"false\" managed=\"true\" failed=\"false\" failure_ignored=\"false\" "
            + "nodes_running_on=\"1\"><node name=\"node2\" id=\"2\" cached=\"true\"/></resource>\n<group id=\"pbx\"");
    HealthReport h = checker.check(CrmMonParser.parse(xml, "fenced.xml"));
    assertThat(h.reasons()).isEmpty();
    assertThat(h.verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void eachDegradedStateNamesTheThingToLookAt() {
    assertThat(check("live-2.1.5/two-node-netns/standby-node2.xml").reasons())
        .anySatisfy(r -> assertThat(r.subject()).isEqualTo("node node2"));
    HealthReport unclean = check("live-2.1.5/two-node-netns/node2-crashed-stonith-enabled.xml");
    assertThat(unclean.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(unclean.reasons().get(0)).isEqualTo(HealthReason.critical("node node2",
        "UNCLEAN (offline): state unknown, must be fenced before its resources are recovered"));
    assertThat(unclean.reasons()).anySatisfy(r -> assertThat(r.message()).contains("no fencing device"));

    HealthReport failover = check("live-2.1.5/two-node-netns/asterisk-failed-failover.xml");
    assertThat(failover.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(failover.reasons()).anySatisfy(r -> {
      assertThat(r.subject()).isEqualTo("resource asterisk");
      assertThat(r.message()).contains("reached migration-threshold 1").contains("node1");
    });

    HealthReport quorum = check("rendered-crm_mon-2.1.5/bug-cl-5170.xml");
    assertThat(quorum.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(quorum.reasons()).anySatisfy(r -> assertThat(r.message()).startsWith("partition WITHOUT quorum"))
        .anySatisfy(r -> assertThat(r.message()).startsWith("FAILED on TCS-2 (blocked"));

    assertThat(check("live-2.1.5/single-node/crm_mon-maintenance-mode.xml").reasons())
        .anySatisfy(r -> assertThat(r.message()).startsWith("maintenance-mode=true"));
    assertThat(check("live-2.1.5/single-node/crm_mon-banned.xml").reasons())
        .anySatisfy(r -> assertThat(r.message()).contains("cli-ban-pbx-on-node1"))
        .anySatisfy(r -> assertThat(r).isEqualTo(HealthReason.critical("resource vip", "Stopped: not running on any node")));
    assertThat(check("rendered-crm_mon-2.1.5/failed-demote-recovery.xml").reasons())
        .anySatisfy(r -> assertThat(r.message()).startsWith("no instance Promoted"));
    assertThat(check("live-2.1.5/two-node-netns/node2-rejoined-stonith-enabled-nodevices.xml").reasons())
        .anySatisfy(r -> assertThat(r).isEqualTo(HealthReason.warning("resource drbd_data-clone",
            "1 of 2 instances running although 2 nodes could host one")));
  }

  @Test
  void splitBrainIsInvisibleInEachViewButFoundByComparingThem() {
    ClusterStatus a = CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/splitbrain-node1.xml"));
    ClusterStatus b = CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/splitbrain-node2.xml"));
    assertThat(checker.check(a).verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(checker.check(b).verdict()).isEqualTo(Verdict.DEGRADED);
    Map<String, ClusterStatus> views = new LinkedHashMap<>();
    views.put("node1", a);
    views.put("node2", b);
    HealthReport h = checker.checkViews(views);
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons().get(0).message()).startsWith("split brain: the nodes disagree on the DC (node1 sees node1, node2 sees node2)");
    assertThat(h.reasons()).anySatisfy(r -> assertThat(r.subject()).isEqualTo("nodes node1, node2"))
        .anySatisfy(r -> {
          assertThat(r.subject()).isEqualTo("resource vip");
          assertThat(r.message()).startsWith("active in two partitions");
        });
  }

  @Test
  void twoConsistentViewsAreNotSplitBrain() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"));
    assertThat(HealthChecker.splitBrain(Map.of("node1", s, "node2", s))).isEmpty();
  }

  @Test
  void groupAwayFromItsVirtualIpIsCritical() throws IOException {
    // the same two-node snapshot with the VIP's placement rewritten to node2
    String xml = Files.readString(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"));
    int vip = xml.indexOf("<resource id=\"vip\"");
    int nodeAt = xml.indexOf("<node name=\"node1\" id=\"1\"", vip);
    String moved = xml.substring(0, nodeAt) + "<node name=\"node2\" id=\"2\"" + xml.substring(nodeAt + 25);
    HealthReport h = checker.check(CrmMonParser.parse(moved, "moved.xml"));
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons()).anySatisfy(r -> {
      assertThat(r.subject()).isEqualTo("resource pbx");
      assertThat(r.message()).startsWith("group split across nodes [node1, node2]");
    });

    // the VIP taken out of the group, as a top-level primitive on node2, the group still on node1
    int vStart = xml.indexOf("<resource id=\"vip\"");
    int vEnd = xml.indexOf("</resource>", vStart) + "</resource>".length();
    String vipEl = xml.substring(vStart, vEnd).replace("<node name=\"node1\" id=\"1\"", "<node name=\"node2\" id=\"2\"");
    String outside = (xml.substring(0, vStart) + xml.substring(vEnd)).replace("<group id=\"pbx\"", vipEl + "\n<group id=\"pbx\"");
    HealthReport apart = checker.check(CrmMonParser.parse(outside, "apart.xml"));
    assertThat(apart.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(apart.reasons()).anySatisfy(r -> assertThat(r).isEqualTo(HealthReason.critical("resource pbx",
        "group runs on node1 but the virtual IP vip is on node2: clients reach the wrong node")));
    // a policy naming another resource as the VIP does not apply the rule to this IPaddr2
    HealthReport named = HealthChecker.of(new HealthPolicy(1, Set.of("other-ip"), false))
        .check(CrmMonParser.parse(outside, "apart.xml"));
    assertThat(named.verdict()).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void notConnectedIsCritical() {
    HealthReport h = check("live-2.1.5/single-node/crm_mon-not-running.xml");
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons()).singleElement().satisfies(r -> assertThat(r.subject()).isEqualTo("cluster"));
  }

  @Test
  void failCountBelowPolicyThresholdIsOnlyInfo() {
    ClusterStatus s = CrmMonParser.parse(Corpus.file("live-2.1.5/single-node/crm_mon-monitor-failure.xml"));
    HealthReport lenient = HealthChecker.of(new HealthPolicy(3, Set.of(), false)).check(s);
    assertThat(lenient.reasons()).anySatisfy(r -> {
      assertThat(r.severity()).isEqualTo(HealthReason.Severity.INFO);
      assertThat(r.message()).isEqualTo("fail-count 1 on node1");
    });
  }
}
