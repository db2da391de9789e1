package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ProblemReport;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.text.SpreadsheetCell;

class CsvReportRendererTest {

  private static List<String[]> parse(String csv) throws Exception {
    try (CSVReader r = new com.opencsv.CSVReaderBuilder(new StringReader(csv))
        // RFC 4180: opencsv's default parser would take a backslash as an escape
        .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
      return r.readAll();
    }
  }

  private static String section(InboundReport r, ReportSection s, boolean bom) {
    StringBuilder out = new StringBuilder();
    CsvReportRenderer.of(bom).renderSection(r, s, out);
    return out.toString();
  }

  @Test
  void answeredRowsParseBackWithTheHeaderOfJsonKeys() throws Exception {
    String csv = section(GuideReport.build(), ReportSection.ANSWERED, false);
    assertThat(csv).endsWith("\r\n").doesNotContain("\uFEFF");
    List<String[]> rows = parse(csv);
    assertThat(rows.get(0)).containsExactly("queue", "queueName", "agent", "agentNumber", "agentName", "enteredAt",
        "caller", "waitSeconds", "talkSeconds", "position", "endedBy", "callId");
    assertThat(rows).hasSize(6);
    assertThat(rows.get(3)).containsExactly("6000", "Отдел продаж", "Local/501@from-queue/n", "501", "Петрова ЛВ",
        "2020-05-14T09:35:20+03:00", "500", "6", "7", "1", "CALLER", "1589438120.3");
  }

  @Test
  void fieldsWithCommasAndQuotesAreQuotedPerRfc4180() throws Exception {
    String csv = section(GuideReport.build(), ReportSection.LOST, false);
    assertThat(csv).contains(",\"500, \"\"доб\"\"\",");
    List<String[]> rows = parse(csv);
    assertThat(rows.get(2)[3]).isEqualTo("500, \"доб\"");
    assertThat(rows.get(2)[6]).isEqualTo("EXITWITHTIMEOUT");
  }

  @Test
  void bomForExcelOnlyWhenAsked() {
    assertThat(section(GuideReport.build(), ReportSection.QUEUES, true)).startsWith("\uFEFFqueue,name,");
  }

  @Test
  void summaryIsOneRowWithExactAverages() throws Exception {
    List<String[]> rows = parse(section(GuideReport.build(), ReportSection.SUMMARY, false));
    assertThat(rows).hasSize(2);
    List<String> h = List.of(rows.get(0));
    String[] v = rows.get(1);
    assertThat(v[h.indexOf("answered")]).isEqualTo("18");
    assertThat(v[h.indexOf("talkTotal")]).isEqualTo("398");
    assertThat(Double.parseDouble(v[h.indexOf("talkAvg")])).isEqualTo(398.0 / 18);
    assertThat(v[h.indexOf("lostWaitMax")]).isEqualTo("15");
    assertThat(v[h.indexOf("answeredPercent")]).isEqualTo("75");
  }

  @Test
  void serviceLevelSideBySideWithOverflowRowEmptyBound() throws Exception {
    List<String[]> rows = parse(section(GuideReport.build(), ReportSection.SERVICE_LEVEL, false));
    assertThat(rows.get(0)).containsExactly("upToSeconds", "answered", "answeredPercent", "lost", "lostPercent",
        "serviceLevelPercent", "serviceLevelPercentOfAnswered");
    assertThat(rows).hasSize(11);
    assertThat(rows.get(3)[0]).isEqualTo("15");
    assertThat(rows.get(3)[1]).isEqualTo("4");
    assertThat(rows.get(3)[3]).isEqualTo("6");
    assertThat(rows.get(3)[5]).isEqualTo("62.5");
    // Asterisk's own: 15 of the 18 answered within 15 s
    assertThat(Double.parseDouble(rows.get(3)[6])).isCloseTo(100.0 * 15 / 18, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(rows.get(10)[0]).isEmpty();
    assertThat(rows.get(10)[5]).isEmpty();
    assertThat(rows.get(10)[6]).isEmpty();
  }

  @Test
  void agentsHaveOneColumnPerPauseReason() throws Exception {
    List<String[]> rows = parse(section(GuideReport.build(), ReportSection.AGENTS, false));
    List<String> h = List.of(rows.get(0));
    assertThat(h).contains("agent", "number", "name", "answered", "waitSeconds", "talkSeconds", "endedByCaller",
        "endedByAgent", "transferred", "missedOffers", "paused:", "paused:Обед");
    assertThat(rows.get(1)[h.indexOf("paused:Обед")]).isEqualTo("3600");
    assertThat(rows.get(2)[h.indexOf("paused:Обед")]).isEqualTo("0");
  }

  @Test
  void everySectionRendersAndPeriodsCarryZoneOffsets() throws Exception {
    for (ReportSection s : ReportSection.values()) {
      assertThat(parse(section(GuideReport.build(), s, false))).as(s.key()).isNotEmpty();
    }
    List<String[]> periods = parse(section(GuideReport.build(), ReportSection.PERIODS, false));
    assertThat(periods.get(1)[0]).isEqualTo("2020-05-12T00:00:00+03:00");
  }

  @Test
  void streamingSinksWriteTheSameAsTheSection() {
    InboundReport r = GuideReport.build();
    StringBuilder streamed = new StringBuilder();
    java.util.function.Consumer<ru.sipring.core.report.AnsweredCall> sink =
        CsvReportRenderer.of(true).answeredSink(streamed, r.window().zone());
    r.answered().forEach(sink::accept);
    assertThat(streamed.toString()).isEqualTo(section(r, ReportSection.ANSWERED, true));
  }

  /** A report whose every outside text field is a formula payload (each one different, to tell them apart). */
  private static InboundReport hostile(ReportView view) {
    InboundReport g = GuideReport.build();
    AnsweredCall a = new AnsweredCall("=Q()", "@N()", "+A()", "-1+N()", "\t=NAME()", GuideReport.at("2020-05-14T09:35:20"),
        "=HYPERLINK(\"http://evil.example/\",\"call\")", Duration.ofSeconds(6), Duration.ofSeconds(7), 1,
        EndedBy.CALLER, "\uFF1DID()", "\uFF20FQ()", 2);
    LostCall l = new LostCall("=Q()", "@N()", GuideReport.at("2020-05-14T16:52:30"), "@SUM(1+1)*cmd|' /C calc'!A0",
        Duration.ofSeconds(11), 1, LostCause.ABANDON, "-A()", "-2+3+cmd|' /C calc'!A0", "\uFF0BFQ()", 1);
    return new InboundReport(g.window(), EnumSet.allOf(ReportSection.class), g.summary(), List.of(a), List.of(l),
        List.of(new OperatorRow("+A()", "-1+N()", "=NAME()", 1, 6, 7, 1, 0, 0)),
        List.of(new QueueRow("=Q()", "@N()", 1, 6, 7, 1, 11)), g.serviceLevel(),
        new PeriodTable(PeriodTable.PeriodUnit.DAY, List.of(new PeriodTable.Row(LocalDateTime.parse("2020-05-14T00:00"),
            2, 1, DurationStats.of(6), DurationStats.of(7), 0, DurationStats.EMPTY, DurationStats.EMPTY, 1,
            DurationStats.of(11)))),
        List.of(new AgentAnalytics("+A()", "-1+N()", "=NAME()", 1, 0, 1, 7, 3600, Map.of("=HYPERLINK(\"x\")", 60L), 60)),
        new ProblemReport(1, Map.of("bad", 1L), List.of(new InputProblem("=SRC()", 3, "@MSG()"))),
        InputSummary.NONE, view);
  }

  @Test
  void noCellOfAnySectionIsAFormulaWhateverTheCallersAndFilesHold() throws Exception {
    for (ReportView view : ReportView.values()) {
      InboundReport r = hostile(view);
      List<String> texts = new ArrayList<>();
      for (ReportSection s : ReportSection.values()) {
        for (String[] row : parse(section(r, s, true).substring(1))) {
          for (String cell : row) {
            assertThat(SpreadsheetCell.startsFormula(cell)).as("%s %s cell %s", view, s, cell).isFalse();
            texts.add(cell);
          }
        }
      }
      // the payloads are kept, as text, and each field was guarded (not only some of them)
      assertThat(texts).contains("'=HYPERLINK(\"http://evil.example/\",\"call\")", "'@SUM(1+1)*cmd|' /C calc'!A0",
          "'=Q()", "'@N()", "'+A()", "'-1+N()", "'\t=NAME()", "'=NAME()", "'\uFF1DID()", "'-A()",
          "'-2+3+cmd|' /C calc'!A0", "'=SRC()", "'@MSG()");
      if (view == ReportView.CALLER) {
        assertThat(texts).contains("'\uFF20FQ()", "'\uFF0BFQ()");
      }
    }
  }

  @Test
  void streamingSinksGuardTheirRowsToo() throws Exception {
    InboundReport r = hostile(ReportView.CALLER);
    StringBuilder answered = new StringBuilder();
    StringBuilder lost = new StringBuilder();
    CsvReportRenderer csv = CsvReportRenderer.of(false);
    csv.answeredSink(answered, GuideReport.ZONE, ReportView.CALLER).accept(r.answered().get(0));
    csv.lostSink(lost, GuideReport.ZONE, ReportView.CALLER).accept(r.lost().get(0));
    for (String out : List.of(answered.toString(), lost.toString())) {
      for (String[] row : parse(out)) {
        for (String cell : row) {
          assertThat(SpreadsheetCell.startsFormula(cell)).as(cell).isFalse();
        }
      }
    }
  }

  @Test
  void numbersTheRendererWritesStayNumbers() throws Exception {
    List<String[]> rows = parse(section(hostile(ReportView.QUEUE), ReportSection.LOST, false));
    assertThat(rows.get(1)[4]).isEqualTo("11");
    assertThat(rows.get(1)[2]).isEqualTo("2020-05-14T16:52:30+03:00");
  }
}
