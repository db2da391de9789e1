package ru.sipring.campaign.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.report.render.Printout;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * Renders an {@link OutboundReport} as a text table, CSV, JSON or printable HTML, with the guide's Russian
 * column names. Data outputs (CSV, JSON) keep exact averages and seconds; text and HTML show times as
 * {@code hh:mm:ss}, averages rounded half-even to whole seconds. In CSV every text cell that comes from outside
 * (names, numbers dialled, clients, notes, card fields) is formula-neutralised
 * ({@link SpreadsheetCell#neutralise}); the numbers, times and money the renderer formats stay numbers.
 * Stateless and thread-safe.
 */
public final class OutboundReportRenderer {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final List<String> GROUP_HEADER = List.of("Т расч", "Время", "Вызовы", "В час", "Разговор",
      "Средний", "Мин", "Макс", "Сумма", "Без тарифа");

  private OutboundReportRenderer() {}

  /** Output formats. */
  public enum Format {
    /** Aligned text tables. */
    TEXT,
    /** {@code ;}-separated CSV, every table after a {@code # title} line, outside text formula-neutralised. */
    CSV,
    /** The report as JSON (Jackson). */
    JSON,
    /** One printable HTML page. */
    HTML
  }

  /**
   * Writes the report in one format and flushes {@code out} (does not close it).
   *
   * @param r the report
   * @param f the format
   * @param out where it goes
   * @throws UncheckedIOException when {@code out} cannot be written
   */
  public static void render(OutboundReport r, Format f, Writer out) {
    try {
      switch (f) {
        case TEXT -> text(r, out);
        case CSV -> csv(r, out);
        case JSON -> json(r, out);
        case HTML -> html(r, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report", e);
    }
  }

  /**
   * The guide's printed «Отчет 2» per operator, for the PDF and XLSX writers of {@code sipring-print}: for each
   * operator of {@link OutboundReport#byOperator()} the calls they made (date, project, task, number, talk,
   * cost), closed by «Итого вызовов» with the talk total, maximum, minimum and average. The closing figures are
   * the operator's {@link OutboundReport.GroupRow} as the report computed it, so they equal the JSON output.
   * Labels are the guide's Russian ones, as in the other formats.
   *
   * @param r the report
   * @return the printout
   */
  public static Printout printout(OutboundReport r) {
    List<Printout.Block> blocks = new ArrayList<>();
    blocks.add(new Printout.Heading("Детализация ИКЦ отчет 2", 1));
    List<Printout.Column> cols = List.of(Printout.Column.text("Дата"), Printout.Column.text("Проект"),
        Printout.Column.text("Задача"), Printout.Column.text("Абонент"), Printout.Column.number("Время"),
        Printout.Column.number("Сумма"));
    Printout.Cell e = Printout.Cell.EMPTY;
    for (OutboundReport.GroupRow g : r.byOperator()) {
      blocks.add(new Printout.Heading(g.name(), 2));
      List<List<Printout.Cell>> rows = new ArrayList<>();
      for (OutboundReport.CallRow c : r.calls()) {
        if (c.operator().equals(g.name())) {
          rows.add(List.of(Printout.Cell.text(DATE_TIME.format(ZonedDateTime.ofInstant(c.at(), r.zone()))),
              Printout.Cell.text(c.project()), Printout.Cell.text(c.task()), Printout.Cell.text(c.number()),
              Printout.Cell.seconds(c.talk().getSeconds()), moneyCell(c.cost())));
        }
      }
      List<List<Printout.Cell>> totals = new ArrayList<>();
      totals.add(List.of(Printout.Cell.text("Итого вызовов:"), e, e, Printout.Cell.count(g.calls()),
          Printout.Cell.seconds(g.talkTotal().getSeconds()), moneyCell(g.cost())));
      Duration max = g.talkMax();
      Duration min = g.talkMin();
      Double avg = g.talkAverageSeconds();
      totals.add(List.of(Printout.Cell.text("Время разговора"), e, e, Printout.Cell.text("Максимальное"),
          max == null ? e : Printout.Cell.seconds(max.getSeconds()), e));
      totals.add(List.of(e, e, e, Printout.Cell.text("Минимальное"),
          min == null ? e : Printout.Cell.seconds(min.getSeconds()), e));
      totals.add(List.of(e, e, e, Printout.Cell.text("Среднее"),
          avg == null ? e : Printout.Cell.averageSeconds(avg), e));
      blocks.add(new Printout.Table(cols, rows, totals));
    }
    String period = DATE_TIME.format(ZonedDateTime.ofInstant(r.from(), r.zone())) + " — "
        + DATE_TIME.format(ZonedDateTime.ofInstant(r.to(), r.zone())) + " (" + r.zone() + ")";
    return new Printout("Исходящий call-центр: отчет 2", List.of(period), blocks);
  }

  private static Printout.Cell moneyCell(@Nullable BigDecimal v) {
    return v == null ? Printout.Cell.EMPTY
        : Printout.Cell.figure(v.toPlainString(), v.doubleValue(), Printout.Cell.Unit.MONEY);
  }

  /**
   * A duration as {@code hh:mm:ss} (hours may exceed 24), as the text and HTML outputs show it.
   *
   * @param d the duration; null for an empty cell
   * @return the text, {@code ""} for null
   */
  public static String hms(@Nullable Duration d) {
    if (d == null) {
      return "";
    }
    long s = d.getSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /**
   * An average of seconds rounded half-even to whole seconds, as {@code hh:mm:ss}.
   *
   * @param seconds the average; null for an empty cell
   * @return the text, {@code ""} for null
   */
  public static String avg(@Nullable Double seconds) {
    return seconds == null ? "" : hms(Duration.ofSeconds(
        BigDecimal.valueOf(seconds).setScale(0, RoundingMode.HALF_EVEN).longValueExact()));
  }

  /**
   * Calls per hour rounded half-even to a whole number.
   *
   * @param v the rate; null for an empty cell
   * @return the text, {@code ""} for null
   */
  public static String perHour(@Nullable Double v) {
    return v == null ? "" : BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * Money in roubles with kopecks ({@code 12.50}).
   *
   * @param v the amount; null (unrated) for an empty cell
   * @return the text, {@code ""} for null
   */
  public static String money(@Nullable BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }

  private static List<String> groupCells(OutboundReport.GroupRow g, UnaryOperator<String> outside) {
    return List.of(outside.apply(g.name()), hms(g.computedTime()), hms(g.formTime()), Long.toString(g.calls()), perHour(g.callsPerHour()),
        hms(g.talkTotal()), avg(g.talkAverageSeconds()), hms(g.talkMin()), hms(g.talkMax()), money(g.cost()),
        Long.toString(g.unratedCalls()));
  }

  /**
   * The report's tables, header row first.
   *
   * @param outside applied to every cell of outside text (CSV neutralises formulas; text and HTML keep it)
   */
  private static Map<String, List<List<String>>> tables(OutboundReport r, UnaryOperator<String> outside) {
    Map<String, List<List<String>>> t = new LinkedHashMap<>();
    String[][] groups = {{"Оператор"}, {"Проект"}, {"Задача"}, {"Задание"}};
    List<List<OutboundReport.GroupRow>> data = List.of(r.byOperator(), r.byProject(), r.byTask(), r.byAssignment());
    for (int i = 0; i < groups.length; i++) {
      List<List<String>> rows = new ArrayList<>();
      List<String> h = new ArrayList<>();
      h.add(groups[i][0]);
      h.addAll(GROUP_HEADER);
      rows.add(h);
      data.get(i).forEach(g -> rows.add(groupCells(g, outside)));
      rows.add(groupCells(r.total(), outside));
      t.put(groups[i][0], rows);
    }
    List<List<String>> calls = new ArrayList<>();
    calls.add(List.of("Проект", "Задача", "Задание", "Дата", "Оператор", "Абонент", "ФИО", "Время", "Ответ", "Сумма",
        "Запись", "Примечание"));
    for (OutboundReport.CallRow c : r.calls()) {
      calls.add(List.of(outside.apply(c.project()), outside.apply(c.task()), outside.apply(c.assignment()),
          DATE_TIME.format(ZonedDateTime.ofInstant(c.at(), r.zone())), outside.apply(c.operator()),
          outside.apply(c.number()), outside.apply(c.client()), hms(c.talk()), outside.apply(c.outcome()),
          money(c.cost()), c.recording() == null ? "" : outside.apply(c.recording()), outside.apply(c.note())));
    }
    t.put("Детализация", calls);
    List<List<String>> days = new ArrayList<>();
    days.add(List.of("Дата", "Оператор", "Проект", "Задача", "Работа", "Вызовов", "Время разг", "Стоимость",
        "Среднее вр"));
    for (OutboundReport.DayRow d : r.days()) {
      days.add(List.of(DATE.format(d.date()), outside.apply(d.operator()), outside.apply(d.project()),
          outside.apply(d.task()), Long.toString(d.workMinutes()),
          Long.toString(d.calls()), hms(d.talk()), money(d.cost()), avg(d.talkAverageSeconds())));
    }
    t.put("Отчет 2", days);
    List<List<String>> r2 = new ArrayList<>();
    r2.add(List.of("Дата", "Оператор", "Проект", "Задача", "Задание", "ID КА", "ID КП", "ID события", "ID задачи",
        "Номер абонента", "Статус", "Время разговора (мин)", "Примечание", "Примечание 2", "Примечание 3",
        "Примечание 4"));
    for (OutboundReport.Report2Row x : r.report2()) {
      List<String> row = new ArrayList<>(List.of(DATE.format(x.date()), outside.apply(x.operator()),
          outside.apply(x.project()), outside.apply(x.task()), outside.apply(x.assignment()),
          outside.apply(x.counterpartyId()), outside.apply(x.contactPersonId()), outside.apply(x.eventId()),
          outside.apply(x.taskId()), outside.apply(x.number()), outside.apply(x.status()),
          BigDecimal.valueOf(x.talkMinutes()).setScale(2, RoundingMode.HALF_UP).toPlainString()));
      x.notes().values().forEach(n -> row.add(outside.apply(n)));
      r2.add(row);
    }
    t.put("Детализация ИКЦ отчет 2", r2);
    return t;
  }

  private static void text(OutboundReport r, Writer out) throws IOException {
    out.write("Исходящий call-центр: " + DATE_TIME.format(ZonedDateTime.ofInstant(r.from(), r.zone())) + " — "
        + DATE_TIME.format(ZonedDateTime.ofInstant(r.to(), r.zone())) + " (" + r.zone() + ")\n");
    for (Map.Entry<String, List<List<String>>> e : tables(r, UnaryOperator.identity()).entrySet()) {
      out.write("\n" + e.getKey() + "\n");
      List<List<String>> rows = e.getValue();
      int[] w = new int[rows.get(0).size()];
      for (List<String> row : rows) {
        for (int i = 0; i < row.size() && i < w.length; i++) {
          w[i] = Math.max(w[i], row.get(i).length());
        }
      }
      for (List<String> row : rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.size() && i < w.length; i++) {
          String cell = row.get(i).replace('\n', ' ');
          sb.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(w[i] - row.get(i).length()));
        }
        out.write(sb.toString().stripTrailing() + "\n");
      }
    }
  }

  private static void csv(OutboundReport r, Writer out) throws IOException {
    ICSVWriter w = new CSVWriterBuilder(out).withSeparator(';').withLineEnd("\r\n").build();
    for (Map.Entry<String, List<List<String>>> e : tables(r, SpreadsheetCell::neutralise).entrySet()) {
      w.writeNext(new String[] {"# " + e.getKey()}, false);
      for (List<String> row : e.getValue()) {
        w.writeNext(row.toArray(String[]::new), true);
      }
    }
    w.flush();
  }

  private static void json(OutboundReport r, Writer out) throws IOException {
    new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, r);
  }

  private static String esc(String s) {
    return ru.sipring.core.text.HtmlText.escape(s);
  }

  private static void html(OutboundReport r, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Исходящий call-центр</title>\n"
        + "<style>body{font-family:sans-serif;font-size:12px}table{border-collapse:collapse;margin-bottom:1.5em}"
        + "td,th{border:1px solid #999;padding:2px 6px}th{background:#eee}tr:last-child td{font-weight:bold}"
        + "@media print{h2{page-break-before:auto}}</style></head><body>\n");
    out.write("<h1>Исходящий call-центр</h1><p>" + esc(DATE_TIME.format(ZonedDateTime.ofInstant(r.from(), r.zone())))
        + " — " + esc(DATE_TIME.format(ZonedDateTime.ofInstant(r.to(), r.zone()))) + " (" + esc(r.zone().toString())
        + ")</p>\n");
    for (Map.Entry<String, List<List<String>>> e : tables(r, UnaryOperator.identity()).entrySet()) {
      out.write("<h2>" + esc(e.getKey()) + "</h2>\n<table>\n");
      boolean head = true;
      for (List<String> row : e.getValue()) {
        out.write("<tr>");
        for (String c : row) {
          out.write(head ? "<th>" + esc(c) + "</th>" : "<td>" + esc(c) + "</td>");
        }
        out.write("</tr>\n");
        head = false;
      }
      out.write("</table>\n");
    }
    out.write("</body></html>\n");
  }
}
