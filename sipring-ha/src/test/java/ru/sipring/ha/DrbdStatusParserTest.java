package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

class DrbdStatusParserTest {
  private final HealthChecker checker = HealthChecker.withDefaults();

  @Test
  void drbdsetupJsonFromTheCorpus() {
    List<DrbdResource> rs = DrbdStatusParser.parse(Corpus.file("drbd/ha_cluster_exporter-drbdsetup-status.json"));
    assertThat(rs).extracting(DrbdResource::name).containsExactly("1-single-0", "1-single-1");
    DrbdResource r = rs.get(0);
    assertThat(r.role()).isEqualTo("Secondary");
    assertThat(r.devices()).singleElement().satisfies(d -> {
      assertThat(d.diskState()).isEqualTo("UpToDate");
      assertThat(d.minor()).isEqualTo(2);
      assertThat(d.quorum()).isTrue();
    });
    DrbdResource.Connection c = r.connections().get(0);
    assertThat(c.connectionState()).isEqualTo("Connected");
    assertThat(c.peerRole()).isEqualTo("Primary");
    assertThat(c.peerDevices()).singleElement().satisfies(p -> {
      assertThat(p.replicationState()).isEqualTo("Established");
      assertThat(p.peerDiskState()).isEqualTo("UpToDate");
      assertThat(p.outOfSyncKib()).isZero();
      assertThat(p.percentInSync()).isEqualTo(100.0);
    });
    assertThat(rs.get(1).devices().get(0).quorum()).isFalse();

    HealthReport h = checker.check(healthyCluster(), rs);
    assertThat(h.reasons()).filteredOn(x -> x.subject().startsWith("drbd")).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("drbd 1-single-1");
      assertThat(x.severity()).isEqualTo(HealthReason.Severity.WARNING);
      assertThat(x.message()).contains("no DRBD quorum");
    });
  }

  @Test
  void procDrbd84FromTheCorpus() {
    List<DrbdResource> rs = DrbdStatusParser.parse(Corpus.file("drbd/node_exporter-proc-drbd-8.4.txt"));
    assertThat(rs).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("drbd1");
      assertThat(r.role()).isEqualTo("Primary");
      assertThat(r.devices().get(0).diskState()).isEqualTo("UpToDate");
      assertThat(r.connections().get(0).connectionState()).isEqualTo("Connected");
      assertThat(r.connections().get(0).peerRole()).isEqualTo("Primary");
      assertThat(r.connections().get(0).peerDevices().get(0).outOfSyncKib()).isEqualTo(12349);
    });
    HealthReport h = checker.check(healthyCluster(), rs);
    // Primary/Primary without dual-primary configured, and 12349 KiB out of sync
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons()).anySatisfy(x -> assertThat(x.message()).contains("are Primary"))
        .anySatisfy(x -> assertThat(x.message()).isEqualTo("12349 KiB out of sync with peer"));
  }

  @Test
  void procDrbdResyncAndStandAlone() {
    String proc = """
        version: 8.4.11 (api:1/proto:86-101)
         0: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----
            ns:1 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:2048
        \t[==>.................] sync'ed: 12.5% (2048/2340)K
         1: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----
            ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0
         2: cs:Unconfigured
        """;
    List<DrbdResource> rs = DrbdStatusParser.parse(proc, "proc");
    assertThat(rs).extracting(DrbdResource::name).containsExactly("drbd0", "drbd1");
    assertThat(rs.get(0).connections().get(0).peerDevices().get(0).percentInSync()).isEqualTo(12.5);
    HealthReport h = checker.check(healthyCluster(), rs);
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons()).anySatisfy(x -> {
      assertThat(x.subject()).isEqualTo("drbd drbd1");
      assertThat(x.message()).startsWith("peer StandAlone");
    }).anySatisfy(x -> {
      assertThat(x.subject()).isEqualTo("drbd drbd0");
      assertThat(x.message()).isEqualTo("peer SyncSource 12.5% in sync");
    });
  }

  @Test
  void drbdadmStatusHealthyDegradedAndSplitBrain() {
    String healthy = """
        r0 role:Primary
          disk:UpToDate
          peer role:Secondary
            replication:Established peer-disk:UpToDate
        """;
    List<DrbdResource> ok = DrbdStatusParser.parse(healthy, "drbdadm");
    assertThat(ok).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("r0");
      assertThat(r.connections()).singleElement().satisfies(c -> {
        assertThat(c.peerName()).isEqualTo("peer");
        assertThat(c.connectionState()).isEqualTo("Connected");
      });
    });
    assertThat(checker.check(healthyCluster(), ok).reasons()).noneMatch(x -> x.subject().startsWith("drbd"));

    String syncing = """
        r0 role:Secondary
          volume:0 disk:Inconsistent
          volume:1 disk:UpToDate
          pbx2 role:Primary
            volume:0 replication:SyncTarget peer-disk:UpToDate done:34.56
            volume:1 replication:Established peer-disk:UpToDate
        r1 role:Primary
          disk:UpToDate
          pbx2 connection:Connecting
        r2 role:Primary suspended:user
          disk:UpToDate
          pbx2 connection:StandAlone
        """;
    List<DrbdResource> rs = DrbdStatusParser.parseDrbdadmStatus(syncing, "drbdadm");
    assertThat(rs).extracting(DrbdResource::name).containsExactly("r0", "r1", "r2");
    assertThat(rs.get(0).devices()).extracting(DrbdResource.Device::diskState).containsExactly("Inconsistent", "UpToDate");
    assertThat(rs.get(0).connections().get(0).peerDevices().get(0).percentInSync()).isEqualTo(34.56);
    assertThat(rs.get(2).suspended()).isTrue();
    HealthReport h = checker.check(healthyCluster(), rs);
    assertThat(h.reasons()).filteredOn(x -> x.subject().startsWith("drbd"))
        .extracting(HealthReason::subject, HealthReason::severity).contains(
            org.assertj.core.groups.Tuple.tuple("drbd r0", HealthReason.Severity.WARNING),
            org.assertj.core.groups.Tuple.tuple("drbd r1", HealthReason.Severity.WARNING),
            org.assertj.core.groups.Tuple.tuple("drbd r2", HealthReason.Severity.CRITICAL));
    assertThat(h.reasons()).anySatisfy(x -> assertThat(x.message()).isEqualTo("peer pbx2 Connecting: not replicating (peer gone or link down)"));
  }

  @Test
  void jsonSplitBrainShapeStandAloneIsCritical() {
    String json = """
        [{"name":"r0","node-id":0,"role":"Primary","suspended":false,
          "devices":[{"volume":0,"minor":0,"disk-state":"UpToDate","client":false,"quorum":true}],
          "connections":[{"peer-node-id":1,"name":"pbx2","connection-state":"StandAlone","peer-role":"Unknown",
            "peer_devices":[{"volume":0,"replication-state":"Off","peer-disk-state":"DUnknown","peer-client":false,
              "out-of-sync":1024,"percent-in-sync":99.9}]}]}]
        """;
    HealthReport h = checker.check(healthyCluster(), DrbdStatusParser.parseJson(json, "sb.json"));
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
    assertThat(h.reasons().get(0).subject()).isEqualTo("drbd r0");
    assertThat(h.reasons().get(0).message()).contains("StandAlone").contains("split brain");
  }

  @Test
  void badDrbdInputNamesThePlace() {
    assertThatThrownBy(() -> DrbdStatusParser.parse("[{\"name\":\"r0\",", "cut.json"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("cut.json:").hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> DrbdStatusParser.parse("[{\"name\":\"r0\"}]", "x.json"))
        .isInstanceOf(BadInputException.class).hasMessage("x.json:[0].role: missing in drbdsetup JSON");
    assertThatThrownBy(() -> DrbdStatusParser.parse("r0 role:Primary\n  peer role:Secondary\n    volume:x replication:Established\n", "s.txt"))
        .isInstanceOf(BadInputException.class).hasMessage("s.txt:3: not a number: \"x\"");
    assertThatThrownBy(() -> DrbdStatusParser.parse("version: 9.2.0\n", "proc"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("DRBD 9 prints only its version");
    assertThatThrownBy(() -> DrbdStatusParser.parse("", "e")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> DrbdStatusParser.parse("  disk:UpToDate\n", "i.txt"))
        .isInstanceOf(BadInputException.class).hasMessage("i.txt:1: indented line before any resource line");
  }

  private static ClusterStatus healthyCluster() {
    return CrmMonParser.parse(Corpus.file("live-2.1.5/two-node-netns/healthy.xml"));
  }
}
