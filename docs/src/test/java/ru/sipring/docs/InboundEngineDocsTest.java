package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.inbound.partial.PartialFormat;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.JsonReportRenderer;

/** The Java snippets of docs/inbound.md, compiled and run. */
class InboundEngineDocsTest {
  @TempDir Path dir;

  /** docs/inbound.md, "Caller view (multi-stint)". */
  @Test
  void callerView() throws IOException {
    Path log = Files.writeString(dir.resolve("queue_log"), String.join("\n",
        "1000|c1|A|NONE|ENTERQUEUE||500|1",
        "1030|c1|A|NONE|EXITWITHTIMEOUT|1|1|30",
        "1031|c1|B|NONE|ENTERQUEUE||500|1",
        "1041|c1|B|SIP/1|CONNECT|10|m1|1",
        "1101|c1|B|SIP/1|COMPLETECALLER|10|60|1", ""));
    InboundStatistics stats = InboundStatistics.builder()
        .view(ReportView.CALLER)                 // default ReportView.QUEUE
        .callerGrace(Duration.ofSeconds(120))    // the default
        .build();
    InboundReport report = stats.compute(QueueLogInput.path(log));
    assertThat(report.view()).isEqualTo(ReportView.CALLER);
    assertThat(report.summary().answered()).isEqualTo(1);
    assertThat(report.summary().lost()).isZero();
    AnsweredCall call = report.answered().get(0);
    assertThat(call.queue()).isEqualTo("B");
    assertThat(call.firstQueue()).isEqualTo("A");
    assertThat(call.stints()).isEqualTo(2);
    assertThat(call.waitTime()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void javaApi() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("asterisk"));
    Files.writeString(logs.resolve("queue_log"), String.join("\n",
        "1589354500|1589354500.1|6000|NONE|ENTERQUEUE||500|1",
        "1589354506|1589354500.1|6000|SIP/501|CONNECT|6|1589354506.2|2",
        "1589354514|1589354500.1|6000|SIP/501|COMPLETECALLER|6|8|1",
        "1589354600|1589354600.3|6000|NONE|ENTERQUEUE||500|1",
        "1589354615|1589354600.3|6000|NONE|ABANDON|1|1|15", ""));
    Path agentsCsv = Files.writeString(dir.resolve("agents.csv"), "agent,number,name\nSIP/501,501,Петрова ЛВ\n");
    Path queuesCsv = Files.writeString(dir.resolve("queues.csv"), "queue,name\n6000,Отдел продаж\n");

    ZoneId zone = ZoneId.of("Europe/Moscow");
    ReportWindow window = new ReportWindow(
        LocalDate.of(2020, 5, 11).atStartOfDay(zone).toInstant(),
        LocalDate.of(2020, 5, 27).atStartOfDay(zone).toInstant(),
        zone,
        List.of("6000"),
        List.of(),
        List.of());

    InboundStatistics stats = InboundStatistics.builder()
        .window(window)
        .serviceLevelBuckets(List.of(5, 10, 15, 30, 45, 60, 90, 120, 300))
        .periodUnit(PeriodTable.PeriodUnit.DAY)
        .sections(EnumSet.allOf(ReportSection.class))
        .agents(CsvAgentDirectory.load(agentsCsv))
        .queues(CsvQueueDirectory.load(queuesCsv))
        .shortAbandonThreshold(Duration.ofSeconds(5))
        .progress((read, total, lines) -> { })
        .threads(2)
        .build();

    InboundReport report = stats.compute(QueueLogInput.paths(List.of(logs)));
    assertThat(report.summary().answered()).isEqualTo(1);
    assertThat(report.summary().lost()).isEqualTo(1);
    assertThat(report.answered().get(0).agentName()).isEqualTo("Петрова ЛВ");
    assertThat(report.answered().get(0).queueName()).isEqualTo("Отдел продаж");
    assertThat(report.serviceLevel().thresholds()).hasSize(9);
    assertThat(report.problems().first()).isEmpty();
    assertThat(report.input().eventCounts()).containsEntry("ENTERQUEUE", 2L);

    List<AnsweredCall> answered = new ArrayList<>();
    List<LostCall> lost = new ArrayList<>();
    InboundReport streamed = InboundStatistics.builder()
        .detailSink(answered::add, lost::add)
        .build()
        .compute(QueueLogInput.paths(List.of(logs)));
    assertThat(streamed.answered()).isEmpty();
    assertThat(answered).hasSize(1);
    assertThat(lost).hasSize(1);
  }

  /** docs/inbound.md, "Partial results and merging". */
  @Test
  void partialResults() throws IOException {
    Path msk = Files.createDirectories(dir.resolve("pbx-msk"));
    Path spb = Files.createDirectories(dir.resolve("pbx-spb"));
    Files.writeString(msk.resolve("queue_log"), String.join("\n",
        "1589354500|m.1|6000|NONE|ENTERQUEUE||500|1",
        "1589354506|m.1|6000|SIP/501|CONNECT|6|x|2",
        "1589354514|m.1|6000|SIP/501|COMPLETECALLER|6|8|1", ""));
    Files.writeString(spb.resolve("queue_log"), String.join("\n",
        "1589354600|s.1|6000|NONE|ENTERQUEUE||500|1",
        "1589354615|s.1|6000|NONE|ABANDON|1|1|15", ""));
    Path operators = Files.writeString(dir.resolve("operators.csv"), "agent,number,name\nSIP/501,501,Петрова ЛВ\n");
    ReportWindow window = ReportWindow.all(ZoneId.of("Europe/Moscow"));
    StringBuilder out = new StringBuilder();

    InboundStatistics stats = InboundStatistics.builder()
        .window(window)
        .agents(CsvAgentDirectory.load(operators))
        .build();
    InboundPartial mskPartial = stats.computePartial("pbx-msk", QueueLogInput.path(msk));
    InboundPartial spbPartial = stats.computePartial("pbx-spb", QueueLogInput.path(spb));
    PartialFormat.write(spbPartial, dir.resolve("pbx-spb.partial"));
    InboundPartial back = PartialFormat.read(dir.resolve("pbx-spb.partial"));

    InboundPartial fleet = InboundPartial.mergeAll(List.of(mskPartial, back));
    InboundReport report = InboundStatistics.report(fleet);
    JsonReportRenderer.create().render(report, report.sections(), out);

    assertThat(back).isEqualTo(spbPartial);
    assertThat(fleet.sources()).containsExactly("pbx-msk", "pbx-spb");
    assertThat(report.summary().answered()).isEqualTo(1);
    assertThat(report.summary().lost()).isEqualTo(1);
    assertThat(report.queues()).singleElement().satisfies(q -> assertThat(q.lost()).isEqualTo(1));
    assertThat(out.toString()).contains("\"Петрова ЛВ\"");
    assertThat(fleet).isEqualTo(InboundPartial.mergeAll(List.of(back, mskPartial)));
  }
}
