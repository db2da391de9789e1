package ru.sipring.core.report.render;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;
import ru.sipring.core.report.render.Printout.Block;
import ru.sipring.core.report.render.Printout.Cell;
import ru.sipring.core.report.render.Printout.Column;
import ru.sipring.core.report.render.Printout.Heading;
import ru.sipring.core.report.render.Printout.Table;

/** Lays out {@link Printout#inbound}; one instance per printout, not thread-safe. */
final class InboundPrintout {
  private final Labels l;
  private final ZoneId zone;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter windowTime;

  InboundPrintout(ReportLanguage language, ZoneId zone) {
    this.l = new Labels(language);
    this.zone = zone;
    // the same patterns as the screens (DisplayTables), so a printout reads like the page it came from
    this.dateTime = DateTimeFormatter.ofPattern(language == ReportLanguage.RU ? "dd.MM.uuuu H:mm:ss" : "uuuu-MM-dd HH:mm:ss");
    this.windowTime = DateTimeFormatter.ofPattern(language == ReportLanguage.RU ? "H:mm:ss dd.MM.uuuu" : "uuuu-MM-dd HH:mm:ss");
  }

  Printout build(InboundReport r) {
    List<Block> blocks = new ArrayList<>();
    if (r.sections().contains(ReportSection.SUMMARY)) {
      blocks.add(summary(r.summary()));
    }
    if (r.sections().contains(ReportSection.ANSWERED)) {
      blocks.add(new Heading(l.get("print.byQueue"), 1));
      groups(blocks, r.answered(), c -> c.queue(), c -> label(c.queue(), c.queueName()),
          Comparator.naturalOrder(), l.get("col.agentName"), c -> label(agentNumber(c), c.agentName()));
      blocks.add(new Heading(l.get("print.byOperator"), 1));
      // the order of the report's operator rows (number, name, then the queue_log's agent), so group n is row n
      Comparator<AnsweredCall> byOperator = Comparator.comparing(AnsweredCall::agentNumber)
          .thenComparing(AnsweredCall::agentName).thenComparing(AnsweredCall::agent);
      groups(blocks, r.answered(), InboundPrintout::operatorKey, c -> label(agentNumber(c), c.agentName()), null,
          l.get("col.queueName"), c -> label(c.queue(), c.queueName()), byOperator);
    }
    boolean stats = false;
    if (r.sections().contains(ReportSection.OPERATORS)) {
      stats = statsHeading(blocks, stats);
      blocks.add(new Heading(l.get("section.operators"), 2));
      blocks.add(operators(r.operators()));
    }
    if (r.sections().contains(ReportSection.QUEUES)) {
      stats = statsHeading(blocks, stats);
      blocks.add(new Heading(l.get("section.queues"), 2));
      blocks.add(queues(r.queues()));
    }
    if (r.sections().contains(ReportSection.COMPLETION)) {
      stats = statsHeading(blocks, stats);
      blocks.add(new Heading(l.get("section.completion"), 2));
      blocks.add(completion(r.operators()));
    }
    if (r.sections().contains(ReportSection.SERVICE_LEVEL)) {
      statsHeading(blocks, stats);
      blocks.add(new Heading(l.get("sl.answeredTitle"), 2));
      blocks.add(serviceLevel(r.serviceLevel()));
    }
    return new Printout(l.title(r.view()), subtitle(r.window()), blocks);
  }

  private boolean statsHeading(List<Block> blocks, boolean done) {
    if (!done) {
      blocks.add(new Heading(l.get("print.stats"), 1));
    }
    return true;
  }

  private List<String> subtitle(ReportWindow w) {
    List<String> s = new ArrayList<>();
    s.add(l.get("sum.from") + ": " + (w.from() == null ? l.get("sum.open") : windowTime.format(w.from().atZone(zone)))
        + "   " + l.get("sum.to") + ": " + (w.to() == null ? l.get("sum.open") : windowTime.format(w.to().atZone(zone)))
        + "   " + l.get("sum.zone") + ": " + zone.getId());
    if (!w.queues().isEmpty()) {
      s.add(l.get("sum.queues") + ": " + String.join(", ", w.queues()));
    }
    if (!w.agents().isEmpty()) {
      s.add(l.get("sum.agents") + ": " + String.join(", ", w.agents()));
    }
    if (!w.callers().isEmpty()) {
      s.add(l.get("sum.callers") + ": " + String.join(", ", w.callers()));
    }
    return s;
  }

  /**
   * The operator a line counts for, as the engine counts its operator rows (DESIGN.md §4, agent identity): an
   * operator the directory knows is one person whatever interface answered (number and name); an agent it does
   * not know is its queue_log agent column.
   */
  private static String operatorKey(AnsweredCall c) {
    return c.agentName().isEmpty() ? "raw\u0000" + c.agent() : "op\u0000" + c.agentNumber() + "\u0000" + c.agentName();
  }

  private static String agentNumber(AnsweredCall c) {
    return c.agentNumber().isEmpty() ? c.agent() : c.agentNumber();
  }

  private static String label(String number, String name) {
    return name.isEmpty() ? number : number.isEmpty() ? name : number + " " + name;
  }

  private Table summary(Summary s) {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(List.of(Cell.text(l.get("sum.answered") + ":"), Cell.count(s.answered())));
    rows.add(List.of(Cell.text(l.get("sum.lost") + ":"), Cell.count(s.lost())));
    rows.add(List.of(Cell.text(l.get("sum.unfinished") + ":"), Cell.count(s.unfinished())));
    rows.add(List.of(Cell.text(l.get("sum.maxPosition") + ":"), Cell.count(s.maxPosition())));
    rows.add(List.of(Cell.text(l.get("sum.answeredPercent") + ":"), Cell.percent(s.answeredPercent())));
    stats(rows, s.talk(), "sum.talk", "");
    stats(rows, s.answeredWait(), "sum.wait", "");
    stats(rows, s.lostWait(), "sum.wait", l.get("sum.lostTitle") + ": ");
    return new Table(List.of(Column.text(""), Column.number("")), rows, List.of());
  }

  private void stats(List<List<Cell>> rows, DurationStats d, String prefix, String lead) {
    rows.add(List.of(Cell.text(lead + l.get(prefix + "Total") + ":"), Cell.seconds(d.totalSeconds())));
    rows.add(List.of(Cell.text(lead + l.get(prefix + "Avg") + ":"), Cell.averageSeconds(d.averageSeconds())));
    rows.add(List.of(Cell.text(lead + l.get(prefix + "Min") + ":"), Cell.seconds(d.minSeconds())));
    rows.add(List.of(Cell.text(lead + l.get(prefix + "Max") + ":"), Cell.seconds(d.maxSeconds())));
  }

  private void groups(List<Block> blocks, List<AnsweredCall> calls, Function<AnsweredCall, String> key,
      Function<AnsweredCall, String> heading, Comparator<String> keyOrder, String otherHeader,
      Function<AnsweredCall, String> other) {
    groups(blocks, calls, key, heading, keyOrder, otherHeader, other, null);
  }

  /**
   * One heading and table per group; groups in key order (or in the order of their first line by
   * {@code lineOrder}), lines in the report's order.
   */
  private void groups(List<Block> blocks, List<AnsweredCall> calls, Function<AnsweredCall, String> key,
      Function<AnsweredCall, String> heading, @org.jspecify.annotations.Nullable Comparator<String> keyOrder,
      String otherHeader, Function<AnsweredCall, String> other,
      @org.jspecify.annotations.Nullable Comparator<AnsweredCall> lineOrder) {
    Map<String, List<AnsweredCall>> byKey = new LinkedHashMap<>();
    for (AnsweredCall c : calls) {
      byKey.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
    }
    List<List<AnsweredCall>> ordered = new ArrayList<>(byKey.values());
    if (keyOrder != null) {
      ordered.sort(Comparator.comparing(g -> key.apply(g.get(0)), keyOrder));
    } else if (lineOrder != null) {
      ordered.sort((a, b) -> lineOrder.compare(a.get(0), b.get(0)));
    }
    List<Column> columns = List.of(Column.number(l.get("print.number")), Column.text(l.get("col.date")),
        Column.text(otherHeader), Column.text(l.get("col.caller")), Column.text(l.get("print.endedBy")),
        Column.number(l.get("col.wait")), Column.number(l.get("col.talk")));
    for (List<AnsweredCall> group : ordered) {
      blocks.add(new Heading(heading.apply(group.get(0)), 2));
      List<List<Cell>> rows = new ArrayList<>();
      DurationStats wait = DurationStats.EMPTY;
      DurationStats talk = DurationStats.EMPTY;
      int n = 0;
      for (AnsweredCall c : group) {
        rows.add(List.of(Cell.count(++n), Cell.text(dateTime.format(c.enteredAt().atZone(zone))),
            Cell.text(other.apply(c)), Cell.text(c.caller()), Cell.text(l.get("print.ended." + c.endedBy().name())),
            Cell.seconds(c.waitTime().getSeconds()), Cell.seconds(c.talkTime().getSeconds())));
        // the same mergeable stats the engine keeps for the summary, over exactly the lines printed above
        wait = wait.plus(DurationStats.of(c.waitTime().getSeconds()));
        talk = talk.plus(DurationStats.of(c.talkTime().getSeconds()));
      }
      blocks.add(new Table(columns, rows, totals(wait, talk)));
    }
  }

  private List<List<Cell>> totals(DurationStats wait, DurationStats talk) {
    Cell e = Cell.EMPTY;
    List<List<Cell>> t = new ArrayList<>();
    t.add(List.of(Cell.text(l.get("print.total")), e, e, e, Cell.text(l.get("print.connections")),
        Cell.count(wait.count()), e));
    t.add(List.of(e, e, e, e, Cell.text(l.get("print.average")), Cell.averageSeconds(wait.averageSeconds()),
        Cell.averageSeconds(talk.averageSeconds())));
    t.add(List.of(e, e, e, e, Cell.text(l.get("print.minimum")), Cell.seconds(wait.minSeconds()),
        Cell.seconds(talk.minSeconds())));
    t.add(List.of(e, e, e, e, Cell.text(l.get("print.maximum")), Cell.seconds(wait.maxSeconds()),
        Cell.seconds(talk.maxSeconds())));
    t.add(List.of(e, e, e, e, Cell.text(l.get("print.sum")), Cell.seconds(wait.totalSeconds()),
        Cell.seconds(talk.totalSeconds())));
    return t;
  }

  private static String number(OperatorRow o) {
    return o.number().isEmpty() ? o.agent() : o.number();
  }

  private Table operators(List<OperatorRow> rows) {
    List<Column> cols = List.of(Column.text(l.get("col.agentNumber")), Column.text(l.get("col.agentName")),
        Column.number(l.get("col.answered")), Column.number(l.get("col.waitTotal")),
        Column.number(l.get("col.talkTotal")));
    List<List<Cell>> body = new ArrayList<>();
    for (OperatorRow o : rows) {
      body.add(List.of(Cell.text(number(o)), Cell.text(o.name()), Cell.count(o.answered()),
          Cell.seconds(o.waitSeconds()), Cell.seconds(o.talkSeconds())));
    }
    return new Table(cols, body, List.of());
  }

  private Table queues(List<QueueRow> rows) {
    List<Column> cols = List.of(Column.text(l.get("col.queueNumber")), Column.text(l.get("col.queueName")),
        Column.number(l.get("col.answered")), Column.number(l.get("col.waitTotal")),
        Column.number(l.get("col.talkTotal")), Column.number(l.get("col.lost")),
        Column.number(l.get("col.lostWaitTotal")));
    List<List<Cell>> body = new ArrayList<>();
    for (QueueRow q : rows) {
      body.add(List.of(Cell.text(q.queue()), Cell.text(q.name()), Cell.count(q.answered()),
          Cell.seconds(q.waitSeconds()), Cell.seconds(q.talkSeconds()), Cell.count(q.lost()),
          Cell.seconds(q.lostWaitSeconds())));
    }
    return new Table(cols, body, List.of());
  }

  private Table completion(List<OperatorRow> rows) {
    String pct = l.get("col.percent");
    List<Column> cols = List.of(Column.text(l.get("col.agentNumber")), Column.text(l.get("col.agentName")),
        Column.number(l.get("col.answered")), Column.number(l.get("col.endedByCaller")), Column.number(pct),
        Column.number(l.get("col.endedByAgent")), Column.number(pct), Column.number(l.get("col.transferred")),
        Column.number(pct));
    List<List<Cell>> body = new ArrayList<>();
    for (OperatorRow o : rows) {
      body.add(List.of(Cell.text(number(o)), Cell.text(o.name()), Cell.count(o.answered()),
          Cell.count(o.endedByCaller()), Cell.percent(o.percentOfAnswered(o.endedByCaller())),
          Cell.count(o.endedByAgent()), Cell.percent(o.percentOfAnswered(o.endedByAgent())),
          Cell.count(o.transferred()), Cell.percent(o.percentOfAnswered(o.transferred()))));
    }
    return new Table(cols, body, List.of());
  }

  private Table serviceLevel(ServiceLevel sl) {
    List<Column> cols = List.of(Column.text(l.get("col.waitSeconds")), Column.number(l.get("col.calls")),
        Column.number(l.get("col.percent")));
    List<List<Cell>> body = new ArrayList<>();
    for (ServiceLevel.Bucket b : sl.answered()) {
      Integer bound = b.upToSeconds();
      String label = bound == null ? l.get("sl.overflow") + " " + lastBound(sl) : bound.toString();
      body.add(List.of(Cell.text(label), Cell.count(b.calls()), Cell.percent(b.percent())));
    }
    return new Table(cols, body, List.of());
  }

  private static String lastBound(ServiceLevel sl) {
    List<ServiceLevel.Bucket> a = sl.answered();
    for (int i = a.size() - 1; i >= 0; i--) {
      Integer b = a.get(i).upToSeconds();
      if (b != null) {
        return b.toString();
      }
    }
    return "";
  }
}
