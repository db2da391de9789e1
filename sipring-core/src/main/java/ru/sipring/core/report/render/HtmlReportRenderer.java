package ru.sipring.core.report.render;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;

/**
 * One self-contained printable HTML page (no scripts, no external files): every section as the guide's tables,
 * a pie chart of answered vs lost next to the summary and a bar chart of the service-level buckets, both inline
 * SVG; print CSS keeps tables whole and drops the screen colours. Immutable and thread-safe.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  private static final String ANSWERED_COLOUR = "#2e7d32";
  private static final String LOST_COLOUR = "#c62828";

  private final ReportLanguage language;

  private HtmlReportRenderer(ReportLanguage language) {
    this.language = language;
  }

  /**
   * A renderer with labels in one language.
   *
   * @param language the language of labels and headings
   * @return the renderer
   */
  public static HtmlReportRenderer of(ReportLanguage language) {
    return new HtmlReportRenderer(language);
  }

  @Override
  public void render(InboundReport r, Set<ReportSection> sections, Appendable out) {
    DisplayTables d = new DisplayTables(language, r.window().zone());
    Labels l = d.labels();
    StringBuilder b = new StringBuilder(8192);
    try {
      b.append("<!DOCTYPE html>\n<html lang=\"").append(language.name().toLowerCase(Locale.ROOT)).append("\">\n<head>\n")
          .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<title>").append(esc(l.title(r.view()))).append("</title>\n<style>\n").append(CSS)
          .append("</style>\n</head>\n<body>\n<header><h1>").append(esc(l.title(r.view()))).append("</h1>\n");
      // the window line under the title, as the guide's "С: … По: …" filter
      List<DisplayTable> window = d.tables(r, ReportSection.SUMMARY);
      b.append("<p class=\"window\">");
      for (List<String> row : window.get(2).rows) {
        b.append("<span>").append(esc(row.get(0))).append(' ').append(esc(row.get(1))).append("</span> ");
      }
      b.append("</p></header>\n");
      for (ReportSection s : ReportRenderer.effective(r, sections)) {
        b.append("<section id=\"").append(s.key()).append("\">\n<h2>").append(esc(d.sectionTitle(s))).append("</h2>\n");
        List<DisplayTable> tables = d.tables(r, s);
        if (s == ReportSection.SUMMARY) {
          b.append("<div class=\"panels\">\n");
          table(b, tables.get(0), l, false);
          table(b, tables.get(1), l, true);
          pie(b, r.summary(), l);
          b.append("</div>\n");
        } else if (s == ReportSection.SERVICE_LEVEL) {
          bars(b, r.serviceLevel(), d);
          b.append("<div class=\"panels\">\n");
          for (DisplayTable t : tables) {
            table(b, t, l, true);
          }
          b.append("</div>\n");
        } else {
          for (int i = 0; i < tables.size(); i++) {
            table(b, tables.get(i), l, i > 0 || !tables.get(i).title.equals(d.sectionTitle(s)));
          }
        }
        b.append("</section>\n");
        out.append(b);
        b.setLength(0);
      }
      b.append("</body>\n</html>\n");
      out.append(b);
    } catch (IOException e) {
      throw WriteFailure.of(e);
    }
  }

  private static void table(StringBuilder b, DisplayTable t, Labels l, boolean caption) {
    boolean panel = t.isPanel();
    b.append("<table class=\"").append(panel ? "panel" : "grid").append("\">\n");
    if (caption && !t.title.isEmpty()) {
      b.append("<caption>").append(esc(t.title)).append("</caption>\n");
    }
    if (!panel) {
      b.append("<thead><tr>");
      for (int c = 0; c < t.headers.size(); c++) {
        b.append(t.rightAligned.get(c) ? "<th class=\"n\">" : "<th>").append(esc(t.headers.get(c))).append("</th>");
      }
      b.append("</tr></thead>\n");
    }
    b.append("<tbody>\n");
    if (t.rows.isEmpty() && !panel) {
      b.append("<tr><td class=\"empty\" colspan=\"").append(t.headers.size()).append("\">")
          .append(esc(l.get("empty"))).append("</td></tr>\n");
    }
    for (List<String> row : t.rows) {
      row(b, t, row, "td");
    }
    b.append("</tbody>\n");
    if (!t.footer.isEmpty()) {
      b.append("<tfoot>\n");
      for (List<String> row : t.footer) {
        row(b, t, row, "td");
      }
      b.append("</tfoot>\n");
    }
    b.append("</table>\n");
  }

  private static void row(StringBuilder b, DisplayTable t, List<String> row, String cell) {
    b.append("<tr>");
    for (int c = 0; c < t.headers.size(); c++) {
      b.append('<').append(cell).append(t.rightAligned.get(c) ? " class=\"n\">" : ">")
          .append(esc(c < row.size() ? row.get(c) : "")).append("</").append(cell).append('>');
    }
    b.append("</tr>\n");
  }

  /** Answered vs lost as a pie, the answered share in the middle as the guide's screen shows it. */
  private static void pie(StringBuilder b, Summary s, Labels l) {
    long total = s.answered() + s.lost();
    double share = total == 0 ? 0 : (double) s.answered() / total;
    int r = 80;
    int c = 100;
    b.append("<figure class=\"chart\"><svg class=\"pie\" role=\"img\" width=\"200\" height=\"200\" viewBox=\"0 0 200 200\" ")
        .append("xmlns=\"http://www.w3.org/2000/svg\"><title>").append(esc(l.get("sum.answered"))).append(' ')
        .append(s.answered()).append(", ").append(esc(l.get("sum.lost"))).append(' ').append(s.lost())
        .append("</title>\n");
    if (total == 0) {
      b.append("<circle cx=\"100\" cy=\"100\" r=\"80\" fill=\"#bdbdbd\"/>\n");
    } else if (s.lost() == 0 || s.answered() == 0) {
      b.append("<circle class=\"").append(s.lost() == 0 ? "answered" : "lost").append("\" cx=\"100\" cy=\"100\" r=\"80\" fill=\"")
          .append(s.lost() == 0 ? ANSWERED_COLOUR : LOST_COLOUR).append("\"/>\n");
    } else {
      double a = 2 * Math.PI * share;
      String x = coord(c + r * Math.sin(a));
      String y = coord(c - r * Math.cos(a));
      int large = share > 0.5 ? 1 : 0;
      b.append("<path class=\"answered\" fill=\"").append(ANSWERED_COLOUR).append("\" d=\"M100 100 L100 20 A80 80 0 ")
          .append(large).append(" 1 ").append(x).append(' ').append(y).append(" Z\"/>\n");
      b.append("<path class=\"lost\" fill=\"").append(LOST_COLOUR).append("\" d=\"M100 100 L").append(x).append(' ')
          .append(y).append(" A80 80 0 ").append(1 - large).append(" 1 100 20 Z\"/>\n");
    }
    b.append("<circle cx=\"100\" cy=\"100\" r=\"38\" fill=\"#fff\"/>\n")
        .append("<text x=\"100\" y=\"108\" text-anchor=\"middle\" font-size=\"24\" font-weight=\"bold\">")
        .append(Fmt.percent(s.answeredPercent())).append("%</text>\n</svg>\n<figcaption>")
        .append("<span class=\"key\" style=\"background:").append(ANSWERED_COLOUR).append("\"></span>")
        .append(esc(l.get("sum.answered"))).append(": ").append(s.answered())
        .append(" <span class=\"key\" style=\"background:").append(LOST_COLOUR).append("\"></span>")
        .append(esc(l.get("sum.lost"))).append(": ").append(s.lost()).append("</figcaption></figure>\n");
  }

  /** Answered and lost calls per wait bucket, side by side, counts above the bars. */
  private static void bars(StringBuilder b, ServiceLevel sl, DisplayTables d) {
    Labels l = d.labels();
    int n = Math.max(sl.answered().size(), sl.lost().size());
    long max = 1;
    for (ServiceLevel.Bucket x : sl.answered()) {
      max = Math.max(max, x.calls());
    }
    for (ServiceLevel.Bucket x : sl.lost()) {
      max = Math.max(max, x.calls());
    }
    int group = 64;
    int left = 40;
    int top = 36;
    int plot = 160;
    int width = left + Math.max(1, n) * group + 10;
    int height = top + plot + 40;
    b.append("<figure class=\"chart\"><svg class=\"bars\" role=\"img\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\"><title>").append(esc(l.get("sl.chartTitle")))
        .append("</title>\n");
    int base = top + plot;
    b.append("<line x1=\"").append(left).append("\" y1=\"").append(base).append("\" x2=\"").append(width - 5)
        .append("\" y2=\"").append(base).append("\" stroke=\"#555\"/>\n");
    for (int i = 0; i < n; i++) {
      ServiceLevel.Bucket a = i < sl.answered().size() ? sl.answered().get(i) : null;
      ServiceLevel.Bucket lo = i < sl.lost().size() ? sl.lost().get(i) : null;
      int x0 = left + i * group + 8;
      bar(b, x0, base, plot, a == null ? 0 : a.calls(), max, ANSWERED_COLOUR, "answered");
      bar(b, x0 + 24, base, plot, lo == null ? 0 : lo.calls(), max, LOST_COLOUR, "lost");
      ServiceLevel.Bucket any = a != null ? a : sl.lost().get(i);
      String label = d.bucketLabel(any, a != null ? sl.answered() : sl.lost());
      b.append("<text x=\"").append(x0 + 22).append("\" y=\"").append(base + 16)
          .append("\" text-anchor=\"middle\">").append(esc(label)).append("</text>\n");
    }
    b.append("<text x=\"").append(left).append("\" y=\"14\" font-size=\"12\">").append(esc(l.get("sl.chartTitle")))
        .append("</text>\n</svg>\n<figcaption><span class=\"key\" style=\"background:").append(ANSWERED_COLOUR)
        .append("\"></span>").append(esc(l.get("sum.answered"))).append(" <span class=\"key\" style=\"background:")
        .append(LOST_COLOUR).append("\"></span>").append(esc(l.get("sum.lost"))).append("</figcaption></figure>\n");
  }

  private static void bar(StringBuilder b, int x, int base, int plot, long calls, long max, String colour, String cls) {
    int h = (int) Math.round((double) plot * calls / max);
    b.append("<rect class=\"").append(cls).append("\" x=\"").append(x).append("\" y=\"").append(base - h)
        .append("\" width=\"20\" height=\"").append(h).append("\" fill=\"").append(colour).append("\"/>");
    b.append("<text x=\"").append(x + 10).append("\" y=\"").append(base - h - 3).append("\" text-anchor=\"middle\">")
        .append(calls).append("</text>\n");
  }

  private static String coord(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String esc(String s) {
    return ru.sipring.core.text.HtmlText.escape(s);
  }

  private static final String CSS = """
      body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 13px; color: #212121; margin: 16px 24px; }
      h1 { font-size: 20px; margin: 0 0 4px; }
      h2 { font-size: 16px; margin: 20px 0 8px; padding: 4px 8px; background: #e3eaf3; border-left: 4px solid #3f6fa8; }
      .window span { margin-right: 16px; color: #424242; }
      table { border-collapse: collapse; margin: 0 24px 12px 0; }
      caption { text-align: left; font-weight: bold; padding: 4px 0; }
      table.grid th, table.grid td { border: 1px solid #c5cdd8; padding: 3px 8px; white-space: nowrap; }
      table.grid th { background: #f0f3f7; font-weight: bold; text-align: left; }
      table.grid tbody tr:nth-child(even) td { background: #fafbfc; }
      table.panel td { padding: 2px 10px 2px 0; }
      tfoot td { font-weight: bold; border-top: 2px solid #888; }
      .n { text-align: right !important; font-variant-numeric: tabular-nums; }
      td.empty { color: #757575; font-style: italic; }
      .panels { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px; }
      figure.chart { margin: 0 24px 12px 0; }
      figcaption { font-size: 12px; }
      .key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
      @media print {
        body { margin: 0; font-size: 10pt; }
        h2 { background: none; border-left: none; border-bottom: 1px solid #000; padding: 0; }
        h2, caption { page-break-after: avoid; break-after: avoid; }
        table.grid th { background: none; }
        table.grid tbody tr:nth-child(even) td { background: none; }
        table.panel, figure, tr { page-break-inside: avoid; break-inside: avoid; }
        thead { display: table-header-group; }
        section { page-break-inside: auto; }
        @page { size: A4 landscape; margin: 12mm; }
      }
      """;
}
