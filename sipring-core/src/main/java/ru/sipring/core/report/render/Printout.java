package ru.sipring.core.report.render;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.report.InboundReport;

/**
 * A report laid out the way the guide prints it ("Все отчеты могут быть в удобной форме выведены на печать"),
 * before any file format: a title, and headings, label/value panels and tables in reading order, every label
 * already in the chosen language and every figure already taken from the report. The PDF and XLSX writers of
 * {@code sipring-print} only place these blocks on a page or a sheet, so they add no arithmetic and no words of
 * their own; each {@link Cell} carries both the text a person reads and, for figures, the exact number a
 * spreadsheet keeps.
 *
 * <p>Cells hold outside text (agent and queue names, caller IDs) as it came; the writer escapes it for where it
 * goes. Immutable and thread-safe.
 *
 * @param title the report's title, the first line of the first page
 * @param subtitle lines under the title (the window, the zone, the filters)
 * @param blocks the body in reading order
 */
public record Printout(String title, List<String> subtitle, List<Block> blocks) {

  /**
   * Copies the lists.
   *
   * @param title the report's title
   * @param subtitle lines under the title
   * @param blocks the body in reading order
   */
  public Printout {
    Objects.requireNonNull(title, "title");
    subtitle = List.copyOf(subtitle);
    blocks = List.copyOf(blocks);
  }

  /**
   * The inbound report's printout: the summary, the answered calls grouped by queue and then by operator, each
   * group closed by an «Итого» block (connections; average, minimum, maximum and total wait and talk), then the
   * operators, queues, call completion and service level tables. Parts whose section the report does not hold
   * are left out.
   *
   * <p>Every figure comes from the report: group lines are the report's answered rows, the summary and tables
   * are its {@link ru.sipring.core.report.Summary}, operator, queue and service-level rows, and a group's «Итого»
   * is the {@link ru.sipring.core.report.DurationStats} of its rows (in the queue view these equal the
   * operator's and queue's rows of the JSON report; the tests hold them to it).
   *
   * @param report the computed report
   * @param language the language of the labels
   * @return the printout
   */
  public static Printout inbound(InboundReport report, ReportLanguage language) {
    return new InboundPrintout(language, report.window().zone()).build(report);
  }

  /** A part of the body. */
  public sealed interface Block permits Heading, Table {}

  /**
   * A heading: level 1 starts a part of the report, level 2 a group inside it (a queue, an operator).
   *
   * @param text the heading
   * @param level 1 or 2
   */
  public record Heading(String text, int level) implements Block {
    /**
     * Checks the level.
     *
     * @param text the heading
     * @param level 1 or 2
     * @throws IllegalArgumentException when the level is neither
     */
    public Heading {
      Objects.requireNonNull(text, "text");
      if (level != 1 && level != 2) {
        throw new IllegalArgumentException("heading level must be 1 or 2, got " + level);
      }
    }
  }

  /**
   * A table column.
   *
   * @param header the column's header; empty in a label/value panel
   * @param numeric whether the column holds figures (right-aligned)
   */
  public record Column(String header, boolean numeric) {
    /**
     * A text column.
     *
     * @param header the header
     * @return the column
     */
    public static Column text(String header) {
      return new Column(header, false);
    }

    /**
     * A figures column.
     *
     * @param header the header
     * @return the column
     */
    public static Column number(String header) {
      return new Column(header, true);
    }
  }

  /**
   * A table: header, lines, and the lines that total it (the guide's «Итого» block, printed bold). A table
   * whose headers are all empty is a label/value panel. Every line has as many cells as there are columns.
   *
   * @param columns the columns
   * @param rows the body lines
   * @param totals the closing lines (may be empty)
   */
  public record Table(List<Column> columns, List<List<Cell>> rows, List<List<Cell>> totals) implements Block {
    /**
     * Copies the lists and checks every line's width.
     *
     * @param columns the columns
     * @param rows the body lines
     * @param totals the closing lines
     * @throws IllegalArgumentException when a line's width differs from the number of columns
     */
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      totals = totals.stream().map(List::copyOf).toList();
      for (List<Cell> r : rows) {
        width(r, columns.size());
      }
      for (List<Cell> r : totals) {
        width(r, columns.size());
      }
    }

    private static void width(List<Cell> line, int columns) {
      if (line.size() != columns) {
        throw new IllegalArgumentException("a line of " + line.size() + " cells in a table of " + columns
            + " columns");
      }
    }

    /**
     * Whether this is a label/value panel (all headers empty).
     *
     * @return true when no column has a header
     */
    public boolean isPanel() {
      return columns.stream().allMatch(c -> c.header().isEmpty());
    }
  }

  /**
   * One cell: the text a person reads and, for a figure, the exact number behind it (a count, whole seconds,
   * an exact average in seconds, a percentage) for writers that keep numbers, such as spreadsheets.
   *
   * @param text what is printed
   * @param number the figure, or null for text
   * @param unit what the figure counts, {@link Unit#NONE} for text
   */
  public record Cell(String text, @Nullable Double number, Unit unit) {

    /** What a cell's figure counts. */
    public enum Unit {
      /** Text, no figure. */
      NONE,
      /** A count (calls, connections). */
      COUNT,
      /** Seconds (a wait, a talk, a total, an exact average). */
      SECONDS,
      /** Minutes (outbound talk time, as the guide's «Отчет 2» gives it). */
      MINUTES,
      /** A percentage. */
      PERCENT,
      /** Money. */
      MONEY
    }

    /**
     * Checks that figures and units agree.
     *
     * @param text what is printed
     * @param number the figure, or null
     * @param unit the figure's unit
     * @throws IllegalArgumentException when a figure has no unit or a unit no figure
     */
    public Cell {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(unit, "unit");
      if ((number == null) != (unit == Unit.NONE)) {
        throw new IllegalArgumentException("a cell has a number exactly when it has a unit");
      }
    }

    /** The empty cell. */
    public static final Cell EMPTY = new Cell("", null, Unit.NONE);

    /**
     * A text cell.
     *
     * @param text the text, outside text as it came
     * @return the cell
     */
    public static Cell text(String text) {
      return new Cell(text, null, Unit.NONE);
    }

    /**
     * A count.
     *
     * @param n the count
     * @return the cell
     */
    public static Cell count(long n) {
      return new Cell(Long.toString(n), (double) n, Unit.COUNT);
    }

    /**
     * Whole seconds, printed hh:mm:ss.
     *
     * @param seconds the duration in seconds
     * @return the cell
     */
    public static Cell seconds(long seconds) {
      return new Cell(Fmt.hms(seconds), (double) seconds, Unit.SECONDS);
    }

    /**
     * An exact average in seconds, printed hh:mm:ss rounded half-even; the number stays exact.
     *
     * @param seconds the average in seconds
     * @return the cell
     */
    public static Cell averageSeconds(double seconds) {
      return new Cell(Fmt.hms(seconds), seconds, Unit.SECONDS);
    }

    /**
     * A percentage, printed whole (half-even), kept exact.
     *
     * @param percent the percentage
     * @return the cell
     */
    public static Cell percent(double percent) {
      return new Cell(Fmt.percent(percent), percent, Unit.PERCENT);
    }

    /**
     * A figure printed as the caller formatted it.
     *
     * @param text the printed form
     * @param number the figure
     * @param unit what it counts (not {@link Unit#NONE})
     * @return the cell
     */
    public static Cell figure(String text, double number, Unit unit) {
      return new Cell(text, number, unit);
    }
  }
}
