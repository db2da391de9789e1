package ru.sipring.survey;

import static ru.sipring.survey.SvgCharts.esc;
import static ru.sipring.survey.SvgCharts.percent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A printable HTML page of a {@link SurveyAnalysis}: per question the reached/answered counts, an option
 * table, its charts (inline SVG) and the text answers; optionally cross-tabs. One self-contained file with a
 * print stylesheet (A4, no page break inside a question), so "print to PDF" from any browser converts it.
 * Labels in Russian or English. Stateless and thread-safe.
 */
public final class HtmlReport {
  /**
   * The language of the report's own labels (question and option texts are shown as written). Immutable
   * (thread-safe).
   */
  public enum Language {
    /** Russian. */
    RU,
    /** English. */
    EN
  }

  private static final Map<String, String> RU = Map.ofEntries(
      Map.entry("report", "Анализ опроса"), Map.entry("responses", "Ответов"),
      Map.entry("completed", "Пройдено до конца"), Map.entry("filter", "Отбор"),
      Map.entry("reached", "Дошли до вопроса"), Map.entry("answered", "Ответили"),
      Map.entry("skipped", "Пропустили"), Map.entry("option", "Вариант"), Map.entry("count", "Количество"),
      Map.entry("pctResp", "% ответивших"), Map.entry("pctMent", "% упоминаний"),
      Map.entry("texts", "Текстовые ответы"), Map.entry("more", "ещё"), Map.entry("crosstab", "Таблица сопряжённости"),
      Map.entry("base", "База"), Map.entry("total", "Всего"), Map.entry("tests", "с тестовыми прогонами"),
      Map.entry("any", "все"), Map.entry("generated", "Сформирован"), Map.entry("queues", "очереди"),
      Map.entry("operators", "операторы"), Map.entry("versions", "версии"), Map.entry("period", "период"));
  private static final Map<String, String> EN = Map.ofEntries(
      Map.entry("report", "Survey analysis"), Map.entry("responses", "Responses"),
      Map.entry("completed", "Completed"), Map.entry("filter", "Filter"),
      Map.entry("reached", "Reached"), Map.entry("answered", "Answered"),
      Map.entry("skipped", "Skipped"), Map.entry("option", "Option"), Map.entry("count", "Count"),
      Map.entry("pctResp", "% of respondents"), Map.entry("pctMent", "% of mentions"),
      Map.entry("texts", "Text answers"), Map.entry("more", "more"), Map.entry("crosstab", "Cross-tab"),
      Map.entry("base", "Base"), Map.entry("total", "Total"), Map.entry("tests", "including test runs"),
      Map.entry("any", "all"), Map.entry("generated", "Generated"), Map.entry("queues", "queues"),
      Map.entry("operators", "operators"), Map.entry("versions", "versions"), Map.entry("period", "period"));

  private HtmlReport() {}

  /**
   * Renders the report. Timestamps are shown in {@code zone}; {@code generatedAt} is printed in the footer
   * (pass the clock's instant: the report itself never reads the time).
   *
   * @param a the survey analysis
   * @param crossTabs the cross tabs
   * @param zone the time zone dates are shown in
   * @param language the language of labels
   * @param generatedAt the generated at
   * @return the HTML page
   */
  public static String render(SurveyAnalysis a, List<CrossTab> crossTabs, ZoneId zone, Language language,
                              Instant generatedAt) {
    Map<String, String> t = language == Language.RU ? RU : EN;
    DateTimeFormatter ts = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT).withZone(zone);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"").append(language == Language.RU ? "ru" : "en").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(esc(t.get("report") + ": " + a.title())).append("</title>\n")
        .append("<style>\n")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}\n")
        .append("th,td{border:1px solid #999;padding:.25em .6em;text-align:left}td.n{text-align:right}\n")
        .append("section.q{margin-bottom:2em}h2{font-size:1.1em}.hint{color:#666}\n")
        .append("@media print{@page{size:A4;margin:15mm}body{margin:0}section.q{page-break-inside:avoid}}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(t.get("report") + ": " + a.title())).append("</h1>\n");
    h.append("<p>").append(t.get("responses")).append(": <b class=\"responses\">").append(a.responses())
        .append("</b>; ").append(t.get("completed")).append(": ").append(a.completed()).append("</p>\n");
    h.append("<p>").append(t.get("filter")).append(": ").append(esc(describe(a.filter(), t, ts))).append("</p>\n");
    for (QuestionStats q : a.questions()) {
      h.append("<section class=\"q\" id=\"q-").append(esc(q.questionId())).append("\">\n");
      h.append("<h2>").append(esc(q.questionId())).append(". ").append(esc(q.text())).append("</h2>\n");
      h.append("<p>").append(t.get("reached")).append(": ").append(q.reached()).append("; ")
          .append(t.get("answered")).append(": ").append(q.answered()).append("; ")
          .append(t.get("skipped")).append(": ").append(q.skipped()).append("</p>\n");
      if (q.type() != QuestionType.TEXT) {
        h.append("<table><tr><th>").append(t.get("option")).append("</th><th>").append(t.get("count"))
            .append("</th><th>").append(t.get("pctResp")).append("</th>");
        if (q.type() == QuestionType.MULTIPLE) {
          h.append("<th>").append(t.get("pctMent")).append("</th>");
        }
        h.append("</tr>\n");
        for (OptionStats o : q.options()) {
          h.append("<tr><td>").append(esc(o.label())).append("</td><td class=\"n\">").append(o.count())
              .append("</td><td class=\"n\">").append(percent(o.percentOfRespondents())).append("</td>");
          if (q.type() == QuestionType.MULTIPLE) {
            h.append("<td class=\"n\">").append(percent(o.percentOfMentions())).append("</td>");
          }
          h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (String svg : SvgCharts.forQuestion(q)) {
          h.append("<figure>\n").append(svg).append("</figure>\n");
        }
      } else {
        h.append("<h3>").append(t.get("texts")).append(" (").append(q.textCount()).append(")</h3>\n<ul>\n");
        for (TextAnswer x : q.texts()) {
          h.append("<li>").append(esc(x.text())).append(" <span class=\"hint\">(").append(ts.format(x.at()))
              .append(", ").append(esc(x.operator())).append(")</span></li>\n");
        }
        if (q.textCount() > q.texts().size()) {
          h.append("<li>… ").append(t.get("more")).append(" ").append(q.textCount() - q.texts().size())
              .append("</li>\n");
        }
        h.append("</ul>\n");
      }
      h.append("</section>\n");
    }
    for (CrossTab x : crossTabs) {
      h.append("<section class=\"q crosstab\">\n<h2>").append(t.get("crosstab")).append(": ")
          .append(esc(x.rowQuestion().text())).append(" × ").append(esc(x.columnQuestion().text()))
          .append("</h2>\n<p>").append(t.get("base")).append(": ").append(x.base()).append("</p>\n<table><tr><th></th>");
      for (OptionStats c : x.columnOptions()) {
        h.append("<th>").append(esc(c.label())).append("</th>");
      }
      h.append("<th>").append(t.get("total")).append("</th></tr>\n");
      for (int r = 0; r < x.rowCount(); r++) {
        h.append("<tr><th>").append(esc(x.rowOptions().get(r).label())).append("</th>");
        for (int c = 0; c < x.columnCount(); c++) {
          h.append("<td class=\"n\">").append(x.count(r, c)).append(" (").append(percent(x.rowPercent(r, c)))
              .append("%)</td>");
        }
        h.append("<td class=\"n\">").append(x.rowTotal(r)).append("</td></tr>\n");
      }
      h.append("</table>\n</section>\n");
    }
    h.append("<footer class=\"hint\">").append(t.get("generated")).append(": ").append(ts.format(generatedAt))
        .append(" (").append(esc(zone.getId())).append(")</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String describe(ResponseFilter f, Map<String, String> t, DateTimeFormatter ts) {
    StringBuilder b = new StringBuilder();
    b.append(t.get("period")).append(" ").append(f.from() == null ? "…" : ts.format(f.from())).append(" – ")
        .append(f.to() == null ? "…" : ts.format(f.to()));
    b.append("; ").append(t.get("queues")).append(": ").append(list(f.queues(), t));
    b.append("; ").append(t.get("operators")).append(": ").append(list(f.operators(), t));
    b.append("; ").append(t.get("versions")).append(": ").append(list(f.versions(), t));
    if (f.includeTests()) {
      b.append("; ").append(t.get("tests"));
    }
    return b.toString();
  }

  private static String list(java.util.Set<?> s, Map<String, String> t) {
    return s.isEmpty() ? t.getOrDefault("any", "any") : s.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }
}
