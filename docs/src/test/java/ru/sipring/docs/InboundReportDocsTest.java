package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.CsvReportRenderer;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.core.report.render.TextReportRenderer;

/** The Java snippets of docs/inbound-report.md (and the README's embedding snippet), compiled and run. */
class InboundReportDocsTest {
  static final Path DATA = Path.of("../examples/data");

  @TempDir
  Path dir;

  private final ZoneId zone = ZoneId.of("Europe/Moscow");

  private ReportWindow window() {
    return new ReportWindow(
        LocalDate.of(2026, 3, 2).atStartOfDay(zone).toInstant(),
        LocalDate.of(2026, 3, 9).atStartOfDay(zone).toInstant(),
        zone, List.of(), List.of(), List.of());
  }

  @Test
  void javaApiSnippet() throws Exception {
    ReportWindow window = window();
    InboundReport report = InboundStatistics.builder()
        .window(window)
        .agents(CsvAgentDirectory.load(DATA.resolve("agents.csv")))
        .queues(CsvQueueDirectory.load(DATA.resolve("queues.csv")))
        .build()
        .compute(QueueLogInput.paths(List.of(DATA.resolve("queue_log"))));

    StringBuilder text = new StringBuilder();
    TextReportRenderer.of(ReportLanguage.RU).render(report, Set.of(ReportSection.SUMMARY), text);
    Path jsonFile = dir.resolve("report.json");
    try (Writer json = Files.newBufferedWriter(jsonFile)) {
      JsonReportRenderer.create().render(report, json);
    }

    assertThat(text).startsWith("Итоги\n").contains("Принято:                  " + report.summary().answered() + "\n");
    assertThat(report.summary().answered()).isGreaterThan(500);
    assertThat(Files.readString(jsonFile, StandardCharsets.UTF_8)).startsWith("{\n  \"summary\": {");
  }

  @Test
  void readmeEmbeddingSnippet() throws Exception {
    java.time.Instant from = LocalDate.of(2026, 3, 2).atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant();
    java.time.Instant to = from.plus(java.time.Duration.ofDays(7));
    java.io.StringWriter writer = new java.io.StringWriter();
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(console, true, StandardCharsets.UTF_8);

    ZoneId zone = ZoneId.of("Europe/Moscow");
    InboundReport report = InboundStatistics.builder()
        .window(new ReportWindow(from, to, zone, List.of(), List.of(), List.of()))
        .agents(CsvAgentDirectory.load(DATA.resolve("agents.csv")))     // agent,number,name
        .queues(CsvQueueDirectory.load(DATA.resolve("queues.csv")))     // queue,name
        .build()
        .compute(QueueLogInput.paths(List.of(DATA)));

    out.println(report.summary().answered() + " answered, " + report.summary().lost() + " lost");
    TextReportRenderer.of(ReportLanguage.RU).render(report, out);        // the guide's tables
    JsonReportRenderer.create().render(report, Set.of(ReportSection.SUMMARY), writer);

    assertThat(console.toString(StandardCharsets.UTF_8)).contains(" answered, ").contains("Петрова ЛВ");
    assertThat(writer.toString()).contains("\"summary\"").doesNotContain("\"answered\": [");
  }

  @Test
  void streamingCsvSnippet() throws Exception {
    ReportWindow window = window();
    QueueLogInput input = QueueLogInput.paths(List.of(DATA.resolve("queue_log")));
    long answeredRows;
    CsvReportRenderer csv = CsvReportRenderer.create(false);
    try (Writer answered = Files.newBufferedWriter(dir.resolve("answered.csv"));
         Writer lost = Files.newBufferedWriter(dir.resolve("lost.csv"))) {
      InboundReport report = InboundStatistics.builder().window(window)
          .detailSink(csv.answeredSink(answered, zone), csv.lostSink(lost, zone))
          .build().compute(input);
      // report.answered() and report.lost() are empty now; the aggregates are all there
      assertThat(report.answered()).isEmpty();
      answeredRows = report.summary().answered();
    }
    // header + one CRLF-terminated row per answered call
    assertThat(Files.readString(dir.resolve("answered.csv")).split("\r\n")).hasSize((int) answeredRows + 1);
  }
}
