package ru.sipring.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.JsonReportRenderer;

/** Spark in local mode ({@code local[2]}): the fleet report equals the single-machine report of the same files. */
class FleetReportTest {
  static JavaSparkContext spark;

  @TempDir
  static Path tmp;

  static final List<String> PBXS = new ArrayList<>();
  static long seed;

  @BeforeAll
  static void start() throws IOException {
    seed = new SplittableRandom().nextLong();
    for (int k = 1; k <= 4; k++) {
      Path dir = Files.createDirectories(tmp.resolve("pbx" + k));
      String log = pbxLog(seed + k, k, 300);
      // rotated: the older half in a gzip file, a call crossing the file boundary, the newer half plain
      String[] lines = log.split("\n");
      int cut = lines.length / 2;
      try (var gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("queue_log.1.gz")))) {
        gz.write((String.join("\n", List.of(lines).subList(0, cut)) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      Files.writeString(dir.resolve("queue_log"), String.join("\n", List.of(lines).subList(cut, lines.length)) + "\n");
      PBXS.add(dir.toString());
    }
    spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("FleetReportTest")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.close();
    }
  }

  /** A PBX: its own callids and agent interfaces, shared queue names, sessions and pauses that end. */
  static String pbxLog(long s, int k, int calls) {
    SplittableRandom rnd = new SplittableRandom(s);
    StringBuilder sb = new StringBuilder();
    long t = 1_772_431_200L + k * 41L;
    String[] agents = {"SIP/" + k + "01", "SIP/" + k + "02", "PJSIP/" + k + "03"};
    for (String a : agents) {
      sb.append(t).append("|MANAGER|sales|").append(a).append("|ADDMEMBER|\n");
    }
    for (int i = 0; i < calls; i++) {
      t += rnd.nextInt(1, 200);
      String id = k + "-" + t + "." + i;
      String q = rnd.nextBoolean() ? "sales" : "support";
      int wait = rnd.nextInt(0, 200);
      int talk = rnd.nextInt(1, 600);
      String a = agents[rnd.nextInt(agents.length)];
      sb.append(t).append('|').append(id).append('|').append(q).append("|NONE|ENTERQUEUE||7900").append(i % 50)
          .append("|1\n");
      if (rnd.nextInt(4) == 0) {
        sb.append(t).append('|').append(id).append('|').append(q).append("|NONE|ABANDON|1|1|").append(wait)
            .append('\n');
      } else {
        // the CONNECT and the end share the ENTERQUEUE time so the file stays in time order without sorting
        sb.append(t).append('|').append(id).append('|').append(q).append('|').append(a).append("|CONNECT|")
            .append(wait).append("|x|1\n");
        sb.append(t).append('|').append(id).append('|').append(q).append('|').append(a)
            .append(rnd.nextBoolean() ? "|COMPLETECALLER|" : "|COMPLETEAGENT|").append(wait).append('|')
            .append(talk).append("|1\n");
      }
      if (i % 37 == 0) {
        sb.append(t).append("|NONE|NONE|").append(a).append("|PAUSEALL|Обед\n");
        sb.append(t + 1).append("|NONE|NONE|").append(a).append("|UNPAUSEALL|\n");
        t += 1;
      }
    }
    t += 100;
    for (String a : agents) {
      sb.append(t).append("|MANAGER|sales|").append(a).append("|REMOVEMEMBER|\n");
    }
    return sb.toString();
  }

  static String json(InboundReport r) {
    StringBuilder sb = new StringBuilder();
    JsonReportRenderer.of().render(r, r.sections(), sb);
    return sb.toString();
  }

  /**
   * The report's JSON without {@code problems.sources}: a merge lists the input names sorted, one pass in the order
   * it read them (docs/inbound.md, "Merged partials versus one pass"); every other field must be equal.
   */
  static JsonNode comparable(String json) throws IOException {
    JsonNode tree = new ObjectMapper().readTree(json);
    JsonNode problems = tree.path("problems");
    assertThat(problems.path("sources").size()).isEqualTo(8);
    ((ObjectNode) problems).remove("sources");
    return tree;
  }

  @Test
  void theSparkReportEqualsTheSingleMachineReport() throws IOException {
    for (ReportView view : ReportView.values()) {
      ReportWindow window = ReportWindow.all(ZoneId.of("Europe/Moscow"));
      JobOptions options = JobOptions.of(window, PeriodTable.PeriodUnit.HOUR, view,
          EnumSet.allOf(ReportSection.class), java.time.Instant.now());
      InboundPartial merged = FleetReport.run(spark, PBXS, options);
      List<Path> all = PBXS.stream().map(Path::of).toList();
      InboundReport single = options.statistics().compute(QueueLogInput.paths(all));
      InboundReport fleet = InboundStatistics.report(merged);
      assertThat(comparable(json(fleet))).as("seed " + seed + ", view " + view).isEqualTo(comparable(json(single)));
      assertThat(fleet.summary().answered()).isPositive();
      assertThat(merged.sources()).hasSize(4);
      assertThat(fleet.agents()).hasSize(12);
    }
  }

  @Test
  void theCommandLineWritesTheSameJson() throws IOException {
    List<String> args = new ArrayList<>(List.of("report", "--master", "local[2]", "--zone", "Europe/Moscow",
        "--from", "2026-03-02", "--to", "2026-03-04", "--format", "json"));
    for (String p : PBXS) {
      args.add("--queue-log");
      args.add(p);
    }
    Path partial = tmp.resolve("fleet.partial");
    args.add("--partial-out");
    args.add(partial.toString());
    // the command makes its own context; one JVM holds one, so this test stops and restarts the shared one
    spark.close();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CommandLine cli = SipRingSpark.commandLine(out);
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args.toArray(String[]::new));
      assertThat(exit).as(err.toString()).isZero();
      // --to 2026-03-04 is a date: the end of that day, as in sipring report
      InboundStatistics stats = InboundStatistics.builder().window(new ReportWindow(
          java.time.LocalDate.of(2026, 3, 2).atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant(),
          java.time.LocalDate.of(2026, 3, 5).atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant(),
          ZoneId.of("Europe/Moscow"), List.of(), List.of(), List.of())).build();
      InboundReport single = stats.compute(QueueLogInput.paths(PBXS.stream().map(Path::of).toList()));
      assertThat(comparable(out.toString(StandardCharsets.UTF_8))).isEqualTo(comparable(json(single)));
      assertThat(partial).exists();

      ByteArrayOutputStream out2 = new ByteArrayOutputStream();
      CommandLine bad = SipRingSpark.commandLine(out2);
      StringWriter err2 = new StringWriter();
      bad.setErr(new PrintWriter(err2, true));
      int exit2 = bad.execute("report", "--master", "local[2]", "--queue-log", tmp.resolve("nope").toString());
      assertThat(exit2).isEqualTo(1);
      assertThat(err2.toString()).startsWith("sipring-spark report: " + tmp.resolve("nope") + ": no such file or directory")
          .doesNotContain("\tat ");
      assertThat(SipRingSpark.commandLine(out2).execute("report", "--master", "local[2]", "--queue-log", "x",
          "--zone", "Mars/Base")).isEqualTo(2);
    } finally {
      spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("FleetReportTest")
          .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1"));
    }
  }
}
