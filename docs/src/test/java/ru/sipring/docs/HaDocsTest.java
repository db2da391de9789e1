package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.ha.Availability;
import ru.sipring.ha.ClusterJson;
import ru.sipring.ha.ClusterStatus;
import ru.sipring.ha.CrmMonParser;
import ru.sipring.ha.DrbdStatusParser;
import ru.sipring.ha.HealthChecker;
import ru.sipring.ha.HealthReport;
import ru.sipring.ha.Verdict;

/** The snippets of docs/ha.md that run without a cluster, compiled and run against the shared corpus. */
class HaDocsTest {

  static Path corpus(String rel) {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    if (p == null || !Files.isDirectory(p)) {
      p = Path.of("/work/shared/corpus");
    }
    return p.resolve("ha").resolve(rel);
  }

  @Test
  void readAndJudgeASavedSnapshot() {
    ClusterStatus status = CrmMonParser.parse(corpus("live-2.1.5/two-node-netns/healthy.xml"));
    HealthReport health = HealthChecker.withDefaults().check(status,
        DrbdStatusParser.parse(corpus("drbd/ha_cluster_exporter-drbdsetup-status.json")));
    assertThat(health.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(ClusterJson.write(status, health)).startsWith("{").contains("\"verdict\" : \"DEGRADED\"");
  }

  @Test
  void splitBrainNeedsBothViews() {
    HealthReport h = HealthChecker.withDefaults().checkViews(Map.of(
        "node1", CrmMonParser.parse(corpus("live-2.1.5/two-node-netns/splitbrain-node1.xml")),
        "node2", CrmMonParser.parse(corpus("live-2.1.5/two-node-netns/splitbrain-node2.xml"))));
    assertThat(h.verdict()).isEqualTo(Verdict.CRITICAL);
  }

  @Test
  void availabilityAgainstFourNines() {
    Instant t0 = Instant.parse("2026-11-25T00:00:00Z");
    ClusterStatus up = CrmMonParser.parse(corpus("live-2.1.5/two-node-netns/healthy.xml"));
    List<Availability.ServiceAvailability> a = Availability.compute(List.of(new Availability.Sample(t0, up)),
        t0.plus(Duration.ofDays(1)), Availability.FOUR_NINES);
    assertThat(a).allSatisfy(s -> assertThat(s.budget()).isEqualTo(Duration.ofMillis(8640)));
  }
}
