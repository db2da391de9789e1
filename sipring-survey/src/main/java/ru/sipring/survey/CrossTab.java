package ru.sipring.survey;

import java.util.List;

/**
 * Answers to one question against answers to another, over the responses that answered both (the
 * {@link #base()}). With a multiple-choice question on either side a response may fall in several cells, so
 * row and column totals count respondents, not cells. Immutable.
 */
public final class CrossTab {
  private final QuestionStats rows;
  private final QuestionStats columns;
  private final long[][] counts;
  private final long[] rowTotals;
  private final long[] columnTotals;
  private final long base;

  CrossTab(QuestionStats rows, QuestionStats columns, long[][] counts, long[] rowTotals, long[] columnTotals,
           long base) {
    this.rows = rows;
    this.columns = columns;
    this.counts = counts;
    this.rowTotals = rowTotals;
    this.columnTotals = columnTotals;
    this.base = base;
  }

  /**
   * The row question; its options are the rows.
   *
   * @return the row question
   */
  public QuestionStats rowQuestion() {
    return rows;
  }

  /**
   * The column question; its options are the columns.
   *
   * @return the column question
   */
  public QuestionStats columnQuestion() {
    return columns;
  }

  /**
   * The row question's options, one per row, in display order.
   *
   * @return the row options
   */
  public List<OptionStats> rowOptions() {
    return rows.options();
  }

  /**
   * The column question's options, one per column, in display order.
   *
   * @return the column options
   */
  public List<OptionStats> columnOptions() {
    return columns.options();
  }

  /**
   * Responses that answered both questions.
   *
   * @return responses that answered both questions
   */
  public long base() {
    return base;
  }

  /**
   * Responses that chose row option {@code r} and column option {@code c}.
   *
   * @param r the row index
   * @param c the column index
   * @return responses that chose row option {@code r} and column option {@code c}
   */
  public long count(int r, int c) {
    return counts[r][c];
  }

  /**
   * Responses in the base that chose row option {@code r}.
   *
   * @param r the row index
   * @return responses in the base that chose row option {@code r}
   */
  public long rowTotal(int r) {
    return rowTotals[r];
  }

  /**
   * Responses in the base that chose column option {@code c}.
   *
   * @param c the column index
   * @return the column total
   */
  public long columnTotal(int c) {
    return columnTotals[c];
  }

  /**
   * {@code count(r, c) / rowTotal(r) × 100}, 0 for an empty row.
   *
   * @param r the row index
   * @param c the column index
   * @return the row percentage, 0 for an empty row
   */
  public double rowPercent(int r, int c) {
    return rowTotals[r] == 0 ? 0 : 100.0 * counts[r][c] / rowTotals[r];
  }

  /**
   * {@code count(r, c) / columnTotal(c) × 100}, 0 for an empty column.
   *
   * @param r the row index
   * @param c the column index
   * @return the column percentage, 0 for an empty column
   */
  public double columnPercent(int r, int c) {
    return columnTotals[c] == 0 ? 0 : 100.0 * counts[r][c] / columnTotals[c];
  }

  /**
   * The number of rows.
   *
   * @return the number of rows
   */
  public int rowCount() {
    return counts.length;
  }

  /**
   * The number of columns.
   *
   * @return the number of columns
   */
  public int columnCount() {
    return counts.length == 0 ? columns.options().size() : counts[0].length;
  }
}
