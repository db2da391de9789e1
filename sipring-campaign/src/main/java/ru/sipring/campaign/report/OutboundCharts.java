package ru.sipring.campaign.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import ru.sipring.core.text.HtmlText;

/**
 * Inline SVG charts of an {@link OutboundReport} for screens and printouts: horizontal bars per group (calls or
 * cost of each operator, project, ...) and calls per day. Every name from outside is HTML-escaped; the figures
 * are the report's own, nothing is recomputed but the per-day sums of its «Отчет 2» rows. Stateless and
 * thread-safe.
 */
public final class OutboundCharts {
  private static final int WIDTH = 640;
  private static final int LABEL = 200;
  private static final int BAR = 20;
  private static final int GAP = 6;
  private static final String COLOUR = "#3b7dd8";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

  private OutboundCharts() {}

  /** What a group chart shows. */
  public enum Measure {
    /** The number of calls. */
    CALLS,
    /** The cost of the calls (unrated calls add nothing). */
    COST,
    /** The talk time, in minutes. */
    TALK_MINUTES
  }

  /**
   * One horizontal bar per row.
   *
   * @param title the chart's title (escaped)
   * @param rows the rows, such as {@link OutboundReport#byOperator()}
   * @param measure what the bars measure
   * @return an {@code <svg>} element
   */
  public static String bars(String title, List<OutboundReport.GroupRow> rows, Measure measure) {
    ToDoubleFunction<OutboundReport.GroupRow> value = switch (measure) {
      case CALLS -> g -> g.calls();
      case COST -> g -> g.cost() == null ? 0 : g.cost().doubleValue();
      case TALK_MINUTES -> g -> g.talkTotal().getSeconds() / 60.0;
    };
    double max = rows.stream().mapToDouble(value).max().orElse(0);
    int height = 30 + Math.max(1, rows.size()) * (BAR + GAP);
    StringBuilder b = open(title, WIDTH, height);
    int y = 30;
    for (OutboundReport.GroupRow g : rows) {
      double v = value.applyAsDouble(g);
      int w = max <= 0 ? 0 : (int) Math.round((WIDTH - LABEL - 90) * v / max);
      String shown = switch (measure) {
        case CALLS -> Long.toString(g.calls());
        case COST -> g.cost() == null ? "—" : g.cost().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        case TALK_MINUTES -> String.format(Locale.ROOT, "%.1f", v);
      };
      String name = g.name().length() > 28 ? g.name().substring(0, 27) + "…" : g.name();
      b.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR - 6)
          .append("\" text-anchor=\"end\">").append(HtmlText.escape(name)).append("</text>")
          .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(w)
          .append("\" height=\"").append(BAR).append("\" fill=\"").append(COLOUR).append("\"/>")
          .append("<text x=\"").append(LABEL + w + 6).append("\" y=\"").append(y + BAR - 6).append("\">")
          .append(HtmlText.escape(shown)).append("</text>\n");
      y += BAR + GAP;
    }
    return close(b);
  }

  /**
   * Calls per day of the period (the sum of the report's «Отчет 2» rows of each day), one vertical bar a day.
   *
   * @param title the chart's title (escaped)
   * @param r the report
   * @return an {@code <svg>} element
   */
  public static String callsPerDay(String title, OutboundReport r) {
    TreeMap<LocalDate, Long> days = new TreeMap<>();
    for (OutboundReport.DayRow d : r.days()) {
      days.merge(d.date(), d.calls(), Long::sum);
    }
    List<LocalDate> keys = new ArrayList<>(days.keySet());
    List<Long> values = new ArrayList<>(days.values());
    long max = days.values().stream().mapToLong(Long::longValue).max().orElse(0);
    int col = keys.isEmpty() ? 40 : Math.max(14, Math.min(48, (WIDTH - 40) / keys.size()));
    int plot = 160;
    int top = 44; // room for the title and the value above the tallest bar
    StringBuilder b = open(title, WIDTH, plot + top + 36);
    int x = 30;
    for (int i = 0; i < keys.size(); i++) {
      LocalDate d = keys.get(i);
      long v = values.get(i);
      int h = max == 0 ? 0 : (int) Math.round(plot * (double) v / max);
      b.append("<rect x=\"").append(x).append("\" y=\"").append(top + plot - h).append("\" width=\"")
          .append(col - 4).append("\" height=\"").append(h).append("\" fill=\"").append(COLOUR).append("\"/>")
          .append("<text x=\"").append(x + (col - 4) / 2).append("\" y=\"").append(top - 4 + plot - h)
          .append("\" text-anchor=\"middle\">").append(v).append("</text>")
          .append("<text x=\"").append(x + (col - 4) / 2).append("\" y=\"").append(top + plot + 16)
          .append("\" text-anchor=\"middle\">").append(DAY.format(d)).append("</text>\n");
      x += col;
    }
    return close(b);
  }

  private static StringBuilder open(String title, int width, int height) {
    StringBuilder b = new StringBuilder(2048);
    b.append("<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\"><title>").append(HtmlText.escape(title))
        .append("</title><text x=\"4\" y=\"16\" font-weight=\"bold\">").append(HtmlText.escape(title))
        .append("</text>\n");
    return b;
  }

  private static String close(StringBuilder b) {
    return b.append("</svg>").toString();
  }
}
