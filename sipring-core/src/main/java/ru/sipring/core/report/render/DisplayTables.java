package ru.sipring.core.report.render;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;
import ru.sipring.core.queuelog.InputProblem;

/** Turns each section of a report into the tables of the guide's screens, in one language. */
final class DisplayTables {
  private final Labels l;
  private final ReportLanguage language;
  private final ZoneId zone;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter windowTime;

  DisplayTables(ReportLanguage language, ZoneId zone) {
    this.l = new Labels(language);
    this.language = language;
    this.zone = zone;
    // the guide writes 14.05.2020 9:35:20 in tables and 0:00:00 11.05.2020 for the window
    this.dateTime = DateTimeFormatter.ofPattern(language == ReportLanguage.RU ? "dd.MM.uuuu H:mm:ss" : "uuuu-MM-dd HH:mm:ss");
    this.windowTime = DateTimeFormatter.ofPattern(language == ReportLanguage.RU ? "H:mm:ss dd.MM.uuuu" : "uuuu-MM-dd HH:mm:ss");
  }

  Labels labels() {
    return l;
  }

  String sectionTitle(ReportSection s) {
    return l.get("section." + s.key());
  }

  List<DisplayTable> tables(InboundReport r, ReportSection s) {
    return switch (s) {
      case SUMMARY -> summary(r.summary(), r.window());
      case ANSWERED -> List.of(answered(r.answered(), r.view()));
      case LOST -> List.of(lost(r.lost(), r.view()));
      case OPERATORS -> List.of(operators(r.operators()));
      case QUEUES -> List.of(queues(r.queues()));
      case COMPLETION -> List.of(completion(r.operators()));
      case SERVICE_LEVEL -> serviceLevel(r.serviceLevel());
      case PERIODS -> List.of(periods(r.periods()));
      case AGENTS -> agents(r.agents());
      case PROBLEMS -> problems(r.problems(), r.input());
    };
  }

  private List<DisplayTable> summary(Summary s, ReportWindow w) {
    DisplayTable main = panel(l.get("section.summary"));
    main.row(l.get("sum.answered") + ":", Long.toString(s.answered()));
    main.row(l.get("sum.lost") + ":", Long.toString(s.lost()));
    if (s.shortAbandons() > 0) {
      main.row(l.get("sum.shortAbandons") + ":", Long.toString(s.shortAbandons()));
    }
    main.row(l.get("sum.unfinished") + ":", Long.toString(s.unfinished()));
    main.row(l.get("sum.maxPosition") + ":", Integer.toString(s.maxPosition()));
    main.row(l.get("sum.answeredPercent") + ":", Fmt.percent(s.answeredPercent()));
    main.row("", "");
    stats(main, s.talk(), "sum.talk");
    stats(main, s.answeredWait(), "sum.wait");
    DisplayTable lost = panel(l.get("sum.lostTitle"));
    stats(lost, s.lostWait(), "sum.wait");
    DisplayTable window = panel("");
    window.row(l.get("sum.from") + ":", w.from() == null ? l.get("sum.open") : windowTime.format(w.from().atZone(zone)));
    window.row(l.get("sum.to") + ":", w.to() == null ? l.get("sum.open") : windowTime.format(w.to().atZone(zone)));
    window.row(l.get("sum.zone") + ":", zone.getId());
    if (!w.queues().isEmpty()) {
      window.row(l.get("sum.queues") + ":", String.join(", ", w.queues()));
    }
    if (!w.agents().isEmpty()) {
      window.row(l.get("sum.agents") + ":", String.join(", ", w.agents()));
    }
    if (!w.callers().isEmpty()) {
      window.row(l.get("sum.callers") + ":", String.join(", ", w.callers()));
    }
    return List.of(main, lost, window);
  }

  private void stats(DisplayTable t, DurationStats d, String prefix) {
    t.row(l.get(prefix + "Total") + ":", Fmt.hms(d.totalSeconds()));
    t.row(l.get(prefix + "Avg") + ":", Fmt.hms(d.averageSeconds()));
    t.row(l.get(prefix + "Min") + ":", Fmt.hms(d.minSeconds()));
    t.row(l.get(prefix + "Max") + ":", Fmt.hms(d.maxSeconds()));
  }

  private static DisplayTable panel(String title) {
    return new DisplayTable(title).left("").left("");
  }

  DisplayTable answered(List<AnsweredCall> calls) {
    return answered(calls, ReportView.QUEUE);
  }

  /** In the caller view two more columns: the first queue and the number of stints. */
  DisplayTable answered(List<AnsweredCall> calls, ReportView view) {
    DisplayTable t = new DisplayTable(l.get("section.answered"))
        .left(l.get("col.queueNumber")).left(l.get("col.queueName")).left(l.get("col.agentNumber"))
        .left(l.get("col.agentName")).left(l.get("col.date")).left(l.get("col.caller")).right(l.get("col.wait"))
        .right(l.get("col.talk")).right(l.get("col.position")).left(l.get("col.status"));
    boolean caller = view == ReportView.CALLER;
    if (caller) {
      t.left(l.get("col.firstQueue")).right(l.get("col.stints"));
    }
    for (AnsweredCall c : calls) {
      t.rows.add(caller ? withCaller(answeredRow(c), c.firstQueue(), c.stints()) : answeredRow(c));
    }
    return t;
  }

  private static List<String> withCaller(List<String> row, String firstQueue, int stints) {
    List<String> x = new java.util.ArrayList<>(row);
    x.add(firstQueue);
    x.add(Integer.toString(stints));
    return x;
  }

  List<String> answeredRow(AnsweredCall c) {
    return List.of(c.queue(), c.queueName(), c.agentNumber().isEmpty() ? c.agent() : c.agentNumber(), c.agentName(),
        dateTime.format(c.enteredAt().atZone(zone)), c.caller(), Fmt.hms(c.waitTime().getSeconds()),
        Fmt.hms(c.talkTime().getSeconds()), Integer.toString(c.position()), l.get("ended." + c.endedBy().name()));
  }

  DisplayTable lost(List<LostCall> calls) {
    return lost(calls, ReportView.QUEUE);
  }

  DisplayTable lost(List<LostCall> calls, ReportView view) {
    DisplayTable t = new DisplayTable(l.get("section.lost"))
        .left(l.get("col.queueNumber")).left(l.get("col.queueName")).left(l.get("col.date"))
        .left(l.get("col.caller")).right(l.get("col.wait")).right(l.get("col.position")).left(l.get("col.status"));
    boolean caller = view == ReportView.CALLER;
    if (caller) {
      t.left(l.get("col.firstQueue")).right(l.get("col.stints"));
    }
    for (LostCall c : calls) {
      t.rows.add(caller ? withCaller(lostRow(c), c.firstQueue(), c.stints()) : lostRow(c));
    }
    return t;
  }

  List<String> lostRow(LostCall c) {
    return List.of(c.queue(), c.queueName(), dateTime.format(c.enteredAt().atZone(zone)), c.caller(),
        Fmt.hms(c.waitTime().getSeconds()), Integer.toString(c.position()), l.get("cause." + c.cause().name()));
  }

  private static String number(OperatorRow o) {
    return o.number().isEmpty() ? o.agent() : o.number();
  }

  private DisplayTable operators(List<OperatorRow> rows) {
    DisplayTable t = new DisplayTable(l.get("section.operators"))
        .left(l.get("col.agentNumber")).left(l.get("col.agentName")).right(l.get("col.answered"))
        .right(l.get("col.waitTotal")).right(l.get("col.talkTotal"));
    for (OperatorRow o : rows) {
      t.row(number(o), o.name(), Long.toString(o.answered()), Fmt.hms(o.waitSeconds()), Fmt.hms(o.talkSeconds()));
    }
    return t;
  }

  private DisplayTable queues(List<QueueRow> rows) {
    DisplayTable t = new DisplayTable(l.get("section.queues"))
        .left(l.get("col.queueNumber")).left(l.get("col.queueName")).right(l.get("col.answered"))
        .right(l.get("col.waitTotal")).right(l.get("col.talkTotal")).right(l.get("col.lost"))
        .right(l.get("col.lostWaitTotal"));
    for (QueueRow q : rows) {
      t.row(q.queue(), q.name(), Long.toString(q.answered()), Fmt.hms(q.waitSeconds()), Fmt.hms(q.talkSeconds()),
          Long.toString(q.lost()), Fmt.hms(q.lostWaitSeconds()));
    }
    return t;
  }

  private DisplayTable completion(List<OperatorRow> rows) {
    String pct = l.get("col.percent");
    DisplayTable t = new DisplayTable(l.get("section.completion"))
        .left(l.get("col.agentNumber")).left(l.get("col.agentName")).right(l.get("col.answered"))
        .right(l.get("col.endedByCaller")).right(pct).right(l.get("col.endedByAgent")).right(pct)
        .right(l.get("col.transferred")).right(pct);
    for (OperatorRow o : rows) {
      t.row(number(o), o.name(), Long.toString(o.answered()),
          Long.toString(o.endedByCaller()), Fmt.percent(o.percentOfAnswered(o.endedByCaller())),
          Long.toString(o.endedByAgent()), Fmt.percent(o.percentOfAnswered(o.endedByAgent())),
          Long.toString(o.transferred()), Fmt.percent(o.percentOfAnswered(o.transferred())));
    }
    return t;
  }

  String bucketLabel(ServiceLevel.Bucket b, List<ServiceLevel.Bucket> all) {
    if (b.upToSeconds() != null) {
      return Integer.toString(b.upToSeconds());
    }
    Integer last = null;
    for (ServiceLevel.Bucket x : all) {
      if (x.upToSeconds() != null) {
        last = x.upToSeconds();
      }
    }
    return last == null ? l.get("sl.overflow") : l.get("sl.overflow") + " " + last;
  }

  private List<DisplayTable> serviceLevel(ServiceLevel sl) {
    DisplayTable answered = bucketTable(l.get("sl.answeredTitle"), sl.answered());
    DisplayTable lost = bucketTable(l.get("sl.lostTitle"), sl.lost());
    DisplayTable th = new DisplayTable(l.get("sl.thresholdTitle"))
        .right(l.get("col.threshold")).right(l.get("col.answeredWithin")).right(l.get("col.serviceLevel"))
        .right(l.get("col.serviceLevelOfAnswered"));
    for (ServiceLevel.Threshold x : sl.thresholds()) {
      th.row(Integer.toString(x.seconds()), Long.toString(x.answeredWithin()), Fmt.percent(x.percent()),
          Fmt.percent(x.percentOfAnswered()));
    }
    return List.of(answered, lost, th);
  }

  private DisplayTable bucketTable(String title, List<ServiceLevel.Bucket> buckets) {
    DisplayTable t = new DisplayTable(title)
        .right(l.get("col.waitSeconds")).right(l.get("col.calls")).right(l.get("col.percent"));
    for (ServiceLevel.Bucket b : buckets) {
      t.row(bucketLabel(b, buckets), Long.toString(b.calls()), Fmt.percent(b.percent()));
    }
    return t;
  }

  String periodLabel(PeriodTable.PeriodUnit unit, java.time.LocalDateTime start) {
    String pattern = switch (unit) {
      case HOUR -> language == ReportLanguage.RU ? "dd.MM.yy HH:00" : "uuuu-MM-dd HH:00";
      case DAY -> language == ReportLanguage.RU ? "dd.MM.yy" : "uuuu-MM-dd";
      case MONTH -> language == ReportLanguage.RU ? "MM.uuuu" : "uuuu-MM";
    };
    return DateTimeFormatter.ofPattern(pattern).format(start);
  }

  private DisplayTable periods(PeriodTable p) {
    String pct = l.get("col.percent");
    DisplayTable t = new DisplayTable(l.get("section.periods") + ". " + l.get("col.period") + ": "
        + l.get("periods.unit." + p.unit().name()))
        .left(l.get("col.period")).right(l.get("col.offered"))
        .right(l.get("col.answered")).right(l.get("col.avgWait")).right(l.get("col.avgTalk")).right(pct)
        .right(l.get("col.transfer")).right(l.get("col.avgWait")).right(l.get("col.avgTalk")).right(pct)
        .right(l.get("col.lost")).right(l.get("col.avgWait")).right(pct);
    for (PeriodTable.Row r : p.rows()) {
      t.row(periodLabel(p.unit(), r.start()), Long.toString(r.offered()),
          Long.toString(r.answered()), Fmt.hms(r.answeredWait().averageSeconds()),
          Fmt.hms(r.answeredTalk().averageSeconds()), Fmt.percent(r.percentOfOffered(r.answered())),
          Long.toString(r.transferred()), Fmt.hms(r.transferredWait().averageSeconds()),
          Fmt.hms(r.transferredTalk().averageSeconds()), Fmt.percent(r.percentOfOffered(r.transferred())),
          Long.toString(r.lost()), Fmt.hms(r.lostWait().averageSeconds()), Fmt.percent(r.percentOfOffered(r.lost())));
    }
    return t;
  }

  private List<DisplayTable> agents(List<AgentAnalytics> rows) {
    DisplayTable t = new DisplayTable(l.get("section.agents"))
        .left(l.get("col.agentNumber")).left(l.get("col.agentName")).right(l.get("col.answered"))
        .right(l.get("col.missed")).right(l.get("col.endedByCaller")).right(l.get("col.talkTotal"))
        .right(l.get("col.loggedIn")).right(l.get("col.paused")).right(l.get("col.work")).right(l.get("col.perHour"));
    DisplayTable pauses = new DisplayTable(l.get("agents.pauseTitle"))
        .left(l.get("col.agentNumber")).left(l.get("col.agentName")).left(l.get("col.reason")).right(l.get("col.time"));
    for (AgentAnalytics a : rows) {
      String number = a.number().isEmpty() ? a.agent() : a.number();
      t.row(number, a.name(), Long.toString(a.answered()), Long.toString(a.missedOffers()),
          Long.toString(a.endedByCaller()), Fmt.hms(a.talkSeconds()), Fmt.hms(a.loggedInSeconds()),
          Fmt.hms(a.pausedSeconds()), Fmt.hms(a.workSeconds()), Fmt.twoDecimals(a.callsPerHour()));
      for (Map.Entry<String, Long> e : new TreeMap<>(a.pausedSecondsByReason()).entrySet()) {
        pauses.row(number, a.name(), e.getKey().isEmpty() ? l.get("agents.noReason") : e.getKey(),
            Fmt.hms(e.getValue()));
      }
    }
    List<DisplayTable> out = new ArrayList<>();
    out.add(t);
    if (!pauses.rows.isEmpty()) {
      out.add(pauses);
    }
    return out;
  }

  private List<DisplayTable> problems(ru.sipring.core.report.ProblemReport p, ru.sipring.core.report.InputSummary in) {
    DisplayTable totals = new DisplayTable(l.get("section.problems")).left(l.get("col.kind")).right(l.get("col.count"));
    for (Map.Entry<String, Long> e : new TreeMap<>(p.countsByKind()).entrySet()) {
      totals.row(e.getKey(), Long.toString(e.getValue()));
    }
    totals.footerRow(l.get("problems.total"), Long.toString(p.total()));
    if (in.lines() > 0) {
      totals.footerRow(l.get("problems.validLines"), Long.toString(in.lines()));
    }
    DisplayTable first = new DisplayTable(l.get("problems.first")).left(l.get("col.where")).left(l.get("col.problem"));
    for (InputProblem x : p.first()) {
      first.row(x.line() > 0 ? x.source() + ":" + x.line() : x.source(), x.message());
    }
    return p.first().isEmpty() ? List.of(totals) : List.of(totals, first);
  }
}
