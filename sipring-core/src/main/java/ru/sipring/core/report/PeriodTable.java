package ru.sipring.core.report;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Section 7: statistics per period (hour, day or month, cut in the report's zone). Rows only for periods that
 * had calls, in time order.
 */
public record PeriodTable(PeriodUnit unit, List<Row> rows) {
  /**
   * Copies the rows.
   *
   * @param unit the period length
   * @param rows one row per period that had calls, in time order
   */
  public PeriodTable {
    rows = List.copyOf(rows);
  }

  /** How long one period is: an hour, a calendar day or a calendar month, in the report's zone. */
  public enum PeriodUnit {
    /** One clock hour. */
    HOUR,
    /** One calendar day. */
    DAY,
    /** One calendar month. */
    MONTH
  }

  /**
   * One period. {@code offered} = answered + lost (+ unfinished is not offered to statistics). {@code answered}
   * counts every answered stint, transferred ones included; {@code transferred} is the subset that ended in a
   * transfer, with its own wait and talk. Percentages are over {@code offered}.
   */
  public record Row(LocalDateTime start, long offered, long answered, DurationStats answeredWait,
      DurationStats answeredTalk, long transferred, DurationStats transferredWait, DurationStats transferredTalk,
      long lost, DurationStats lostWait) {

    /**
     * A count as a share of the period's offered calls.
     *
     * @param count a count of this row, such as {@code answered}
     * @return count / offered × 100, exact; 0 when nothing was offered
     */
    public double percentOfOffered(long count) {
      return offered == 0 ? 0 : 100.0 * count / offered;
    }
  }
}
