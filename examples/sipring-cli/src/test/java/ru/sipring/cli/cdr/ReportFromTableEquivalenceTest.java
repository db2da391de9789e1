package ru.sipring.cli.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.cdr.QueueLogTables;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cli.report.SampleQueueLog;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.core.report.render.TextReportRenderer;

/**
 * The inbound report from the realtime queue_log table equals the report from the file for the same events:
 * the shipped sample week (every event kind, a restart, the asterisk#759 transfer) is written as a file and
 * loaded into MariaDB the way Asterisk's realtime driver stores it, and both reports are computed and rendered.
 * Only the input's source names differ (a path vs a table), so they are compared apart.
 */
class ReportFromTableEquivalenceTest {
  private static TestDatabase db;
  private static int tables;

  @TempDir
  Path tmp;

  @BeforeAll
  static void database() {
    db = TestDatabase.create("cli");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  private static QueueLogRecord parse(String line) {
    String[] f = line.split("\\|", -1);
    List<String> data = new ArrayList<>(Arrays.asList(f).subList(5, f.length));
    while (!data.isEmpty() && data.get(data.size() - 1).isEmpty()) {
      data.remove(data.size() - 1);
    }
    return new QueueLogRecord(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], data);
  }

  @ParameterizedTest
  @EnumSource(value = QueueLogTables.Layout.class, names = {"DATETIME", "EPOCH"})
  void sameEventsSameReport(QueueLogTables.Layout layout) throws Exception {
    List<String> lines = SampleQueueLog.generate(SampleQueueLog.DEFAULT_SEED);
    Path file = Files.write(tmp.resolve("queue_log"), lines, StandardCharsets.UTF_8);
    String table = "ql_" + (++tables);
    QueueLogTables.create(db.dataSource(), table, layout);
    QueueLogTables.insert(db.dataSource(), table, layout, SampleQueueLog.ZONE,
        lines.stream().filter(l -> !l.isBlank()).map(ReportFromTableEquivalenceTest::parse).toList());
    QueueLogTableSource source = QueueLogTableSource.builder(db.dataSource()).table(table).zone(SampleQueueLog.ZONE)
        .build();

    for (ReportWindow window : List.of(ReportWindow.all(SampleQueueLog.ZONE),
        new ReportWindow(Instant.parse("2026-03-03T06:00:00Z"), Instant.parse("2026-03-05T06:00:00Z"),
            SampleQueueLog.ZONE, List.of(), List.of(), List.of()))) {
      InboundStatistics stats = InboundStatistics.builder().window(window).build();
      InboundReport fromFile = stats.compute(QueueLogInput.path(file));
      InboundReport fromTable = stats.compute(QueueLogInput.source(source));

      assertThat(fromFile.input().lines()).isPositive();
      assertThat(fromTable.input().lines()).isEqualTo(fromFile.input().lines());
      assertThat(fromTable.input().eventCounts()).isEqualTo(fromFile.input().eventCounts());
      assertThat(fromTable).usingRecursiveComparison().ignoringFields("input").isEqualTo(fromFile);
      EnumSet<ReportSection> sections = EnumSet.allOf(ReportSection.class);
      assertThat(render(fromTable, sections, true)).isEqualTo(render(fromFile, sections, true));
      assertThat(render(fromTable, sections, false)).isEqualTo(render(fromFile, sections, false));
    }
  }

  /** The rendered report with the one thing that must differ, the source names, taken out. */
  private static String render(InboundReport r, EnumSet<ReportSection> sections, boolean json) throws Exception {
    StringBuilder out = new StringBuilder();
    if (json) {
      JsonReportRenderer.of().render(r, sections, out);
    } else {
      TextReportRenderer.of(ReportLanguage.RU).render(r, sections, out);
    }
    String text = out.toString();
    for (String source : r.input().sources()) {
      text = text.replace(source, "<source>");
    }
    return text;
  }
}
