package ru.sipring.core.report.render;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import ru.sipring.core.queuelog.InputProblem;
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
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * CSV, one table per section (a host writes each to {@code <section>.csv}): RFC 4180, a header row of the JSON
 * key names, durations in whole seconds, averages and percentages exact, timestamps ISO-8601 with the report
 * zone's offset. The byte order mark for Excel is optional. Immutable and thread-safe.
 *
 * <p>Every text cell that comes from outside (queue and agent values and names, caller IDs, call ids, pause
 * reasons, problem messages) goes through {@link SpreadsheetCell#neutralise}, so a caller ID such as
 * {@code =HYPERLINK(...)} opens in a spreadsheet as text; numbers and times the renderer formats are written
 * as they are.
 *
 * <p>{@link #render(InboundReport, Set, Appendable)} writes several sections into one stream separated by an
 * empty line; hosts that want RFC 4180 files call {@link #renderSection} once per file.
 */
public final class CsvReportRenderer implements ReportRenderer {
  static final List<String> ANSWERED_HEADER = List.of("queue", "queueName", "agent", "agentNumber", "agentName",
      "enteredAt", "caller", "waitSeconds", "talkSeconds", "position", "endedBy", "callId");
  static final List<String> LOST_HEADER = List.of("queue", "queueName", "enteredAt", "caller", "waitSeconds",
      "position", "cause", "agent", "callId");

  private final boolean bom;

  private CsvReportRenderer(boolean bom) {
    this.bom = bom;
  }

  /**
   * A renderer that starts each file with the UTF-8 byte order mark when {@code bom} is true (for Excel).
   *
   * @param bom whether to write the byte order mark first
   * @return the renderer
   */
  public static CsvReportRenderer of(boolean bom) {
    return new CsvReportRenderer(bom);
  }

  @Override
  public void render(InboundReport report, Set<ReportSection> sections, Appendable out) {
    boolean first = true;
    for (ReportSection s : ReportRenderer.effective(report, sections)) {
      if (!first) {
        try {
          out.append("\r\n");
        } catch (IOException e) {
          throw WriteFailure.of(e);
        }
      }
      renderSection(report, s, out, first);
      first = false;
    }
  }

  /**
   * Writes one section as one CSV file (header row, then the rows).
   *
   * @param report the report
   * @param section the section to write; it is written even when the report did not compute it (then its rows are
   *     empty)
   * @param out where to write; not closed
   * @throws ru.sipring.core.SipRingException when the output cannot be written
   */
  public void renderSection(InboundReport report, ReportSection section, Appendable out) {
    renderSection(report, section, out, true);
  }

  private void renderSection(InboundReport r, ReportSection section, Appendable out, boolean withBom) {
    if (bom && withBom) {
      try {
        out.append(CsvWriter.BOM);
      } catch (IOException e) {
        throw WriteFailure.of(e);
      }
    }
    CsvWriter w = new CsvWriter(out);
    ZoneId zone = r.window().zone();
    switch (section) {
      case SUMMARY -> summary(w, r.summary());
      case ANSWERED -> {
        w.record(header(ANSWERED_HEADER, r.view()));
        for (AnsweredCall c : r.answered()) {
          w.record(answeredFields(c, zone, r.view()));
        }
      }
      case LOST -> {
        w.record(header(LOST_HEADER, r.view()));
        for (LostCall c : r.lost()) {
          w.record(lostFields(c, zone, r.view()));
        }
      }
      case OPERATORS -> operators(w, r.operators(), false);
      case COMPLETION -> operators(w, r.operators(), true);
      case QUEUES -> {
        w.record("queue", "name", "answered", "waitSeconds", "talkSeconds", "lost", "lostWaitSeconds");
        for (QueueRow q : r.queues()) {
          w.record(t(q.queue()), t(q.name()), n(q.answered()), n(q.waitSeconds()), n(q.talkSeconds()), n(q.lost()),
              n(q.lostWaitSeconds()));
        }
      }
      case SERVICE_LEVEL -> serviceLevel(w, r.serviceLevel());
      case PERIODS -> periods(w, r.periods(), zone);
      case AGENTS -> agents(w, r);
      case PROBLEMS -> {
        w.record("source", "line", "message");
        for (InputProblem p : r.problems().first()) {
          w.record(t(p.source()), n(p.line()), t(p.message()));
        }
      }
    }
  }

  /**
   * A sink for answered-call rows that writes {@code answered.csv} as the calls arrive, for reports too large to
   * keep every call in memory. Writes the BOM (if chosen) and the header at once. Not thread-safe.
   *
   * @param out where to write; not closed
   * @param zone the zone of the time columns
   * @return the sink; each call writes one row
   */
  public Consumer<AnsweredCall> answeredSink(Appendable out, ZoneId zone) {
    return answeredSink(out, zone, ReportView.QUEUE);
  }

  /**
   * Like {@link #answeredSink(Appendable, ZoneId)}; the caller view adds the columns firstQueue and stints.
   *
   * @param out where to write; not closed
   * @param zone the zone of the time columns
   * @param view the view the rows were counted in
   * @return the sink; each call writes one row
   */
  public Consumer<AnsweredCall> answeredSink(Appendable out, ZoneId zone, ReportView view) {
    CsvWriter w = start(out);
    w.record(header(ANSWERED_HEADER, view));
    return c -> w.record(answeredFields(c, zone, view));
  }

  /**
   * Like {@link #answeredSink}, for {@code lost.csv}.
   *
   * @param out where to write; not closed
   * @param zone the zone of the time columns
   * @return the sink; each call writes one row
   */
  public Consumer<LostCall> lostSink(Appendable out, ZoneId zone) {
    return lostSink(out, zone, ReportView.QUEUE);
  }

  /**
   * Like {@link #lostSink(Appendable, ZoneId)}; the caller view adds the columns firstQueue and stints.
   *
   * @param out where to write; not closed
   * @param zone the zone of the time columns
   * @param view the view the rows were counted in
   * @return the sink; each call writes one row
   */
  public Consumer<LostCall> lostSink(Appendable out, ZoneId zone, ReportView view) {
    CsvWriter w = start(out);
    w.record(header(LOST_HEADER, view));
    return c -> w.record(lostFields(c, zone, view));
  }

  private static List<String> header(List<String> h, ReportView view) {
    if (view != ReportView.CALLER) {
      return h;
    }
    List<String> x = new ArrayList<>(h);
    x.add("firstQueue");
    x.add("stints");
    return x;
  }

  static List<String> answeredFields(AnsweredCall c, ZoneId zone, ReportView view) {
    List<String> f = answeredFields(c, zone);
    return view == ReportView.CALLER ? withCaller(f, c.firstQueue(), c.stints()) : f;
  }

  static List<String> lostFields(LostCall c, ZoneId zone, ReportView view) {
    List<String> f = lostFields(c, zone);
    return view == ReportView.CALLER ? withCaller(f, c.firstQueue(), c.stints()) : f;
  }

  private static List<String> withCaller(List<String> f, String firstQueue, int stints) {
    List<String> x = new ArrayList<>(f);
    x.add(t(firstQueue));
    x.add(n(stints));
    return x;
  }

  private CsvWriter start(Appendable out) {
    if (bom) {
      try {
        out.append(CsvWriter.BOM);
      } catch (IOException e) {
        throw WriteFailure.of(e);
      }
    }
    return new CsvWriter(out);
  }

  static List<String> answeredFields(AnsweredCall c, ZoneId zone) {
    return List.of(t(c.queue()), t(c.queueName()), t(c.agent()), t(c.agentNumber()), t(c.agentName()),
        Fmt.iso(c.enteredAt(), zone), t(c.caller()), n(c.waitTime().getSeconds()), n(c.talkTime().getSeconds()),
        n(c.position()), c.endedBy().name(), t(c.callId()));
  }

  static List<String> lostFields(LostCall c, ZoneId zone) {
    return List.of(t(c.queue()), t(c.queueName()), Fmt.iso(c.enteredAt(), zone), t(c.caller()),
        n(c.waitTime().getSeconds()), n(c.position()), c.cause().name(), t(c.agent()), t(c.callId()));
  }

  /** Outside text, as a spreadsheet must show it (never a formula). */
  private static String t(String outside) {
    return SpreadsheetCell.neutralise(outside);
  }

  private static String n(long v) {
    return Long.toString(v);
  }

  private static String d(double v) {
    return Fmt.number(v);
  }

  private static void addStats(List<String> header, List<String> row, String name, DurationStats s) {
    header.add(name + "Total");
    header.add(name + "Avg");
    header.add(name + "Min");
    header.add(name + "Max");
    row.add(n(s.totalSeconds()));
    row.add(d(s.averageSeconds()));
    row.add(n(s.minSeconds()));
    row.add(n(s.maxSeconds()));
  }

  private static void summary(CsvWriter w, Summary s) {
    List<String> h = new ArrayList<>(List.of("answered", "lost", "unfinished", "shortAbandons", "maxPosition",
        "answeredPercent"));
    List<String> row = new ArrayList<>(List.of(n(s.answered()), n(s.lost()), n(s.unfinished()), n(s.shortAbandons()),
        n(s.maxPosition()), d(s.answeredPercent())));
    addStats(h, row, "talk", s.talk());
    addStats(h, row, "wait", s.answeredWait());
    addStats(h, row, "lostWait", s.lostWait());
    w.record(h);
    w.record(row);
  }

  private static void operators(CsvWriter w, List<OperatorRow> rows, boolean percents) {
    List<String> h = new ArrayList<>(List.of("agent", "number", "name", "answered", "waitSeconds", "talkSeconds",
        "endedByCaller", "endedByAgent", "transferred"));
    if (percents) {
      h.addAll(List.of("endedByCallerPercent", "endedByAgentPercent", "transferredPercent"));
    }
    w.record(h);
    for (OperatorRow o : rows) {
      List<String> row = new ArrayList<>(List.of(t(o.agent()), t(o.number()), t(o.name()), n(o.answered()), n(o.waitSeconds()),
          n(o.talkSeconds()), n(o.endedByCaller()), n(o.endedByAgent()), n(o.transferred())));
      if (percents) {
        row.add(d(o.percentOfAnswered(o.endedByCaller())));
        row.add(d(o.percentOfAnswered(o.endedByAgent())));
        row.add(d(o.percentOfAnswered(o.transferred())));
      }
      w.record(row);
    }
  }

  /** One row per bucket: answered and lost side by side, and SL% at the bucket's bound (empty for overflow). */
  private static void serviceLevel(CsvWriter w, ServiceLevel sl) {
    w.record("upToSeconds", "answered", "answeredPercent", "lost", "lostPercent", "serviceLevelPercent",
        "serviceLevelPercentOfAnswered");
    Map<Integer, ServiceLevel.Threshold> th = new HashMap<>();
    for (ServiceLevel.Threshold t : sl.thresholds()) {
      th.put(t.seconds(), t);
    }
    int rows = Math.max(sl.answered().size(), sl.lost().size());
    for (int i = 0; i < rows; i++) {
      ServiceLevel.Bucket a = i < sl.answered().size() ? sl.answered().get(i) : null;
      ServiceLevel.Bucket l = i < sl.lost().size() ? sl.lost().get(i) : null;
      // a row exists because one of the two lists reaches it
      Integer bound = a != null ? a.upToSeconds() : sl.lost().get(i).upToSeconds();
      ServiceLevel.Threshold t = bound == null ? null : th.get(bound);
      w.record(bound == null ? "" : bound.toString(),
          a == null ? "0" : n(a.calls()), a == null ? "0" : d(a.percent()),
          l == null ? "0" : n(l.calls()), l == null ? "0" : d(l.percent()),
          t == null ? "" : d(t.percent()), t == null ? "" : d(t.percentOfAnswered()));
    }
  }

  private static void periods(CsvWriter w, PeriodTable p, ZoneId zone) {
    List<String> h = null;
    for (PeriodTable.Row r : p.rows()) {
      List<String> head = new ArrayList<>(List.of("start", "offered", "answered", "answeredPercent"));
      List<String> row = new ArrayList<>(List.of(Fmt.ISO.format(r.start().atZone(zone)), n(r.offered()),
          n(r.answered()), d(r.percentOfOffered(r.answered()))));
      addStats(head, row, "answeredWait", r.answeredWait());
      addStats(head, row, "answeredTalk", r.answeredTalk());
      head.addAll(List.of("transferred", "transferredPercent"));
      row.addAll(List.of(n(r.transferred()), d(r.percentOfOffered(r.transferred()))));
      addStats(head, row, "transferredWait", r.transferredWait());
      addStats(head, row, "transferredTalk", r.transferredTalk());
      head.addAll(List.of("lost", "lostPercent"));
      row.addAll(List.of(n(r.lost()), d(r.percentOfOffered(r.lost()))));
      addStats(head, row, "lostWait", r.lostWait());
      if (h == null) {
        h = head;
        w.record(h);
      }
      w.record(row);
    }
    if (h == null) {
      w.record(periodsHeader());
    }
  }

  private static List<String> periodsHeader() {
    List<String> h = new ArrayList<>(List.of("start", "offered", "answered", "answeredPercent"));
    for (String s : List.of("answeredWait", "answeredTalk")) {
      h.addAll(List.of(s + "Total", s + "Avg", s + "Min", s + "Max"));
    }
    h.addAll(List.of("transferred", "transferredPercent"));
    for (String s : List.of("transferredWait", "transferredTalk")) {
      h.addAll(List.of(s + "Total", s + "Avg", s + "Min", s + "Max"));
    }
    h.addAll(List.of("lost", "lostPercent", "lostWaitTotal", "lostWaitAvg", "lostWaitMin", "lostWaitMax"));
    return h;
  }

  /** Agent rows; paused time per reason in one column each, {@code paused:<reason>} ("paused:" for none). */
  private static void agents(CsvWriter w, InboundReport r) {
    TreeSet<String> reasons = new TreeSet<>();
    for (AgentAnalytics a : r.agents()) {
      reasons.addAll(a.pausedSecondsByReason().keySet());
    }
    List<OperatorRow> ops = AgentOperators.of(r);
    // the engine may fill operator rows without the section being asked for; rows present = computed
    boolean haveOps = r.sections().contains(ReportSection.OPERATORS) || !r.operators().isEmpty();
    List<String> h = new ArrayList<>(List.of("agent", "number", "name", "answered", "waitSeconds", "talkSeconds",
        "endedByCaller", "endedByAgent", "transferred", "missedOffers", "loggedInSeconds", "pausedSeconds",
        "workSeconds", "callsPerHour"));
    for (String reason : reasons) {
      h.add(t("paused:" + reason));
    }
    w.record(h);
    for (int i = 0; i < r.agents().size(); i++) {
      AgentAnalytics a = r.agents().get(i);
      OperatorRow o = ops.get(i);
      String none = haveOps ? "0" : "";
      List<String> row = new ArrayList<>(List.of(t(a.agent()), t(a.number()), t(a.name()), n(a.answered()),
          o == null ? none : n(o.waitSeconds()), n(a.talkSeconds()), n(a.endedByCaller()),
          o == null ? none : n(o.endedByAgent()), o == null ? none : n(o.transferred()), n(a.missedOffers()),
          n(a.loggedInSeconds()), n(a.pausedSeconds()), n(a.workSeconds()), d(a.callsPerHour())));
      Map<String, Long> byReason = new TreeMap<>(a.pausedSecondsByReason());
      for (String reason : reasons) {
        row.add(n(byReason.getOrDefault(reason, 0L)));
      }
      w.record(row);
    }
  }
}
