package ru.sipring.core.report.render;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.text.TerminalText;

/**
 * The guide's tables for a terminal: aligned columns, durations as HH:MM:SS (averages rounded half-even to
 * whole seconds), dates in the report's zone, Russian or English labels. Immutable and thread-safe.
 */
public final class TextReportRenderer implements ReportRenderer {
  private final ReportLanguage language;

  private TextReportRenderer(ReportLanguage language) {
    this.language = language;
  }

  /**
   * A renderer with labels in one language.
   *
   * @param language the language of labels and headings
   * @return the renderer
   */
  public static TextReportRenderer of(ReportLanguage language) {
    return new TextReportRenderer(language);
  }

  @Override
  public void render(InboundReport report, Set<ReportSection> sections, Appendable out) {
    DisplayTables d = new DisplayTables(language, report.window().zone());
    StringBuilder b = new StringBuilder();
    boolean first = true;
    try {
      if (report.view() == ReportView.CALLER) {
        // the default (per-queue) view keeps the guide's layout; the caller view says so before its numbers
        b.append(d.labels().title(report.view())).append("\n\n");
      }
      for (ReportSection s : ReportRenderer.effective(report, sections)) {
        if (!first) {
          b.append('\n');
        }
        first = false;
        String title = d.sectionTitle(s);
        b.append(title).append('\n').append("=".repeat(title.length())).append('\n');
        List<DisplayTable> tables = d.tables(report, s);
        for (int i = 0; i < tables.size(); i++) {
          DisplayTable t = tables.get(i);
          if (i > 0) {
            b.append('\n');
          }
          if (!t.title.isEmpty() && (i > 0 || !t.title.equals(title))) {
            b.append(TerminalText.escape(t.title)).append('\n');
          }
          table(b, t, d.labels());
          // flush per table so a long detail section streams instead of building one huge string
          out.append(b);
          b.setLength(0);
        }
      }
      out.append(b);
    } catch (IOException e) {
      throw WriteFailure.of(e);
    }
  }

  static void table(StringBuilder b, DisplayTable t, Labels l) {
    int n = t.headers.size();
    int[] width = new int[n];
    boolean panel = t.isPanel();
    for (int c = 0; c < n; c++) {
      width[c] = panel ? 0 : len(t.headers.get(c));
    }
    for (List<String> r : t.rows) {
      widen(width, r);
    }
    for (List<String> r : t.footer) {
      widen(width, r);
    }
    if (!panel) {
      line(b, t, width, t.headers);
      int total = 0;
      for (int w : width) {
        total += w;
      }
      b.append("-".repeat(total + 2 * (n - 1))).append('\n');
    }
    if (t.rows.isEmpty() && !panel) {
      b.append(l.get("empty")).append('\n');
    }
    for (List<String> r : t.rows) {
      line(b, t, width, r);
    }
    for (List<String> r : t.footer) {
      line(b, t, width, r);
    }
  }

  private static void widen(int[] width, List<String> r) {
    for (int c = 0; c < r.size() && c < width.length; c++) {
      width[c] = Math.max(width[c], len(TerminalText.escape(r.get(c))));
    }
  }

  private static void line(StringBuilder b, DisplayTable t, int[] width, List<String> cells) {
    int start = b.length();
    for (int c = 0; c < width.length; c++) {
      // cells hold outside text (operator names, queue names, caller IDs): never let them drive the terminal
      String v = c < cells.size() ? TerminalText.escape(cells.get(c)) : "";
      if (c > 0) {
        b.append("  ");
      }
      int pad = width[c] - len(v);
      if (t.rightAligned.get(c)) {
        b.append(" ".repeat(pad)).append(v);
      } else {
        b.append(v).append(" ".repeat(pad));
      }
    }
    int end = b.length();
    while (end > start && b.charAt(end - 1) == ' ') {
      end--;
    }
    b.setLength(end);
    b.append('\n');
  }

  private static int len(String s) {
    return s.codePointCount(0, s.length());
  }
}
