package ru.sipring.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts of option counts as standalone SVG documents: a horizontal bar chart for single- and
 * multiple-choice questions, a pie for single-choice ones (a pie of a multiple-choice question would add up
 * to more than the whole). SVG is plain XML, so it is written directly; every label is XML-escaped.
 * Stateless and thread-safe.
 */
public final class SvgCharts {
  /** Colours that stay distinguishable when printed in grey. */
  static final String[] PALETTE = {
      "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
      "#17becf"};
  private static final int WIDTH = 640;
  private static final int LABEL_WIDTH = 220;
  private static final int BAR_HEIGHT = 22;
  private static final int GAP = 8;
  private static final int TOP = 40;

  private SvgCharts() {}

  /**
   * Bar chart: one bar per option, length by count, labelled "count (percent%)". For a multiple-choice
   * question the percent is of respondents.
   *
   * @param q the question stats
   * @return the SVG element
   */
  public static String bar(QuestionStats q) {
    List<OptionStats> options = q.options();
    long max = options.stream().mapToLong(OptionStats::count).max().orElse(0);
    int height = TOP + options.size() * (BAR_HEIGHT + GAP) + 20;
    int barSpace = WIDTH - LABEL_WIDTH - 120;
    StringBuilder svg = open(WIDTH, height, q);
    for (int i = 0; i < options.size(); i++) {
      OptionStats o = options.get(i);
      int y = TOP + i * (BAR_HEIGHT + GAP);
      int len = max == 0 ? 0 : (int) Math.round((double) barSpace * o.count() / max);
      svg.append(String.format(Locale.ROOT,
          "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\">%s</text>%n",
          LABEL_WIDTH - 8, y + 16, esc(o.label())));
      svg.append(String.format(Locale.ROOT,
          "  <rect class=\"bar\" data-option=\"%s\" data-count=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
              + " fill=\"%s\"/>%n",
          esc(o.optionId()), o.count(), LABEL_WIDTH, y, len, BAR_HEIGHT, PALETTE[i % PALETTE.length]));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"13\">%d (%s%%)</text>%n",
          LABEL_WIDTH + len + 6, y + 16, o.count(), percent(o.percentOfRespondents())));
    }
    return close(svg);
  }

  /**
   * Pie chart of a single-choice question; options with no answers get no slice but stay in the legend.
   *
   * @param q the question stats
   * @return the SVG element
   */
  public static String pie(QuestionStats q) {
    if (q.type() != QuestionType.SINGLE) {
      throw new IllegalArgumentException(q.questionId() + " is a " + q.type().jsonName()
          + " question; a pie shows only single-choice answers");
    }
    List<OptionStats> options = q.options();
    int legendHeight = options.size() * 22;
    int height = Math.max(TOP + 260, TOP + legendHeight + 20);
    StringBuilder svg = open(WIDTH, height, q);
    double cx = 150;
    double cy = TOP + 125;
    double r = 120;
    long total = options.stream().mapToLong(OptionStats::count).sum();
    double angle = -Math.PI / 2;
    for (int i = 0; i < options.size(); i++) {
      OptionStats o = options.get(i);
      String colour = PALETTE[i % PALETTE.length];
      if (total > 0 && o.count() > 0) {
        double sweep = 2 * Math.PI * o.count() / total;
        if (o.count() == total) {
          svg.append(String.format(Locale.ROOT,
              "  <circle class=\"slice\" data-option=\"%s\" data-count=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\""
                  + " fill=\"%s\"/>%n", esc(o.optionId()), o.count(), cx, cy, r, colour));
        } else {
          double x1 = cx + r * Math.cos(angle);
          double y1 = cy + r * Math.sin(angle);
          double x2 = cx + r * Math.cos(angle + sweep);
          double y2 = cy + r * Math.sin(angle + sweep);
          svg.append(String.format(Locale.ROOT,
              "  <path class=\"slice\" data-option=\"%s\" data-count=\"%d\" d=\"M %.2f %.2f L %.2f %.2f"
                  + " A %.2f %.2f 0 %d 1 %.2f %.2f Z\" fill=\"%s\" stroke=\"#fff\"/>%n",
              esc(o.optionId()), o.count(), cx, cy, x1, y1, r, r, sweep > Math.PI ? 1 : 0, x2, y2, colour));
        }
        angle += sweep;
      }
      int ly = TOP + 10 + i * 22;
      svg.append(String.format(Locale.ROOT,
          "  <rect x=\"300\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", ly, colour));
      svg.append(String.format(Locale.ROOT, "  <text x=\"320\" y=\"%d\" font-size=\"13\">%s — %d (%s%%)</text>%n",
          ly + 12, esc(o.label()), o.count(), percent(o.percentOfRespondents())));
    }
    if (total == 0) {
      svg.append(String.format(Locale.ROOT,
          "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"#999\"/>%n", cx, cy, r));
    }
    return close(svg);
  }

  /**
   * The charts that fit a question: bar and pie for single, bar for multiple, none for text.
   *
   * @param q the question stats
   * @return the charts that fit a question
   */
  public static List<String> forQuestion(QuestionStats q) {
    List<String> out = new ArrayList<>();
    if (q.type() != QuestionType.TEXT) {
      out.add(bar(q));
    }
    if (q.type() == QuestionType.SINGLE) {
      out.add(pie(q));
    }
    return out;
  }

  private static StringBuilder open(int width, int height, QuestionStats q) {
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" role=\"img\">%n", width, height, width, height));
    svg.append("  <title>").append(esc(q.text())).append("</title>\n");
    svg.append(String.format(Locale.ROOT,
        "  <text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", esc(q.text())));
    return svg;
  }

  private static String close(StringBuilder svg) {
    return svg.append("</svg>\n").toString();
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f", p);
  }

  static String esc(String s) {
    return ru.sipring.core.text.HtmlText.escape(s);
  }
}
