package ru.sipring.core.report.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;

/** A hand-built report with the numbers of the guide's section 7 screens (18 answered, 6 lost, talk 00:06:38). */
final class GuideReport {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

  private GuideReport() {}

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }

  static InboundReport build() {
    ReportWindow window = new ReportWindow(at("2020-05-11T00:00:00"), at("2020-05-26T21:03:57"), ZONE, List.of(),
        List.of(), List.of());
    Summary summary = new Summary(18, 6, 1, 0, 1, new DurationStats(18, 398, 1, 74),
        new DurationStats(18, 204, 5, 40), new DurationStats(6, 80, 11, 15));
    List<AnsweredCall> answered = List.of(
        call("2020-05-12T14:35:13", "501", "", "", 13, 15, EndedBy.AGENT, "1589283313.1"),
        call("2020-05-13T10:21:40", "501", "", "", 6, 8, EndedBy.CALLER, "1589354500.2"),
        call("2020-05-14T09:35:20", "Local/501@from-queue/n", "501", "Петрова ЛВ", 6, 7, EndedBy.CALLER, "1589438120.3"),
        call("2020-05-14T13:00:36", "Local/500@from-queue/n", "500", "Иванов ВА", 40, 47, EndedBy.CALLER, "1589450436.4"),
        call("2020-05-14T15:12:20", "Local/500@from-queue/n", "500", "Иванов ВА", 5, 21, EndedBy.TRANSFER, "1589458340.5"));
    List<LostCall> lost = List.of(
        new LostCall("6000", "Отдел продаж", at("2020-05-13T12:25:17"), "500", Duration.ofSeconds(15), 1,
            LostCause.ABANDON, "", "1589361917.6"),
        new LostCall("6000", "Отдел продаж", at("2020-05-14T16:52:30"), "500, \"доб\"", Duration.ofSeconds(11), 1,
            LostCause.EXITWITHTIMEOUT, "", "1589464350.7"));
    List<OperatorRow> operators = List.of(
        new OperatorRow("501", "", "", 8, 61, 91, 0, 0, 0),
        new OperatorRow("Local/500@from-queue/n", "500", "Иванов ВА", 3, 50, 108, 1, 2, 0),
        new OperatorRow("Local/501@from-queue/n", "501", "Петрова ЛВ", 7, 93, 199, 7, 0, 0));
    List<QueueRow> queues = List.of(new QueueRow("6000", "Отдел продаж", 18, 204, 398, 6, 80));
    int[] bounds = {5, 10, 15, 30, 45, 60, 90, 120, 300};
    long[] ans = {3, 8, 4, 1, 2, 0, 0, 0, 0, 0};
    long[] lo = {0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
    List<ServiceLevel.Bucket> a = new ArrayList<>();
    List<ServiceLevel.Bucket> l = new ArrayList<>();
    List<ServiceLevel.Threshold> th = new ArrayList<>();
    long within = 0;
    for (int i = 0; i <= bounds.length; i++) {
      Integer b = i < bounds.length ? bounds[i] : null;
      a.add(new ServiceLevel.Bucket(b, ans[i], 100.0 * ans[i] / 18));
      l.add(new ServiceLevel.Bucket(b, lo[i], 100.0 * lo[i] / 6));
      within += ans[i];
      if (b != null) {
        th.add(new ServiceLevel.Threshold(b, within, 100.0 * within / 24, 100.0 * within / 18));
      }
    }
    PeriodTable periods = new PeriodTable(PeriodTable.PeriodUnit.DAY, List.of(
        new PeriodTable.Row(LocalDateTime.parse("2020-05-12T00:00"), 1, 1, DurationStats.of(13), DurationStats.of(15),
            0, DurationStats.EMPTY, DurationStats.EMPTY, 0, DurationStats.EMPTY),
        new PeriodTable.Row(LocalDateTime.parse("2020-05-13T00:00"), 6, 4, new DurationStats(4, 30, 5, 13),
            new DurationStats(4, 35, 4, 12), 0, DurationStats.EMPTY, DurationStats.EMPTY, 2,
            new DurationStats(2, 30, 15, 15)),
        new PeriodTable.Row(LocalDateTime.parse("2020-05-14T00:00"), 17, 13, new DurationStats(13, 161, 5, 40),
            new DurationStats(13, 348, 1, 74), 1, DurationStats.of(5), DurationStats.of(21), 4,
            new DurationStats(4, 50, 11, 15))));
    List<AgentAnalytics> agents = List.of(
        new AgentAnalytics("Local/500@from-queue/n", "500", "Иванов ВА", 3, 2, 1, 108, 8 * 3600,
            Map.of("Обед", 3600L, "", 600L), 4200),
        new AgentAnalytics("Local/501@from-queue/n", "501", "Петрова ЛВ", 7, 0, 7, 199, 0, Map.of(), 0));
    ProblemReport problems = new ProblemReport(2, Map.of("bad epoch", 1L, "too few fields", 1L), List.of(
        new InputProblem("queue_log", 17, "epoch is not a number: 'x1589'"),
        new InputProblem("queue_log", 42, "5 fields expected, found 3")));
    return new InboundReport(window, EnumSet.allOf(ReportSection.class), summary, answered, lost, operators, queues,
        new ServiceLevel(a, l, th, Map.of(), Map.of()), periods, agents, problems, InputSummary.NONE, ReportView.QUEUE);
  }

  private static AnsweredCall call(String t, String agent, String number, String name, long wait, long talk,
      EndedBy by, String callId) {
    return new AnsweredCall("6000", "Отдел продаж", agent, number, name, at(t), "500", Duration.ofSeconds(wait),
        Duration.ofSeconds(talk), 1, by, callId);
  }
}
