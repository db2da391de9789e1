package ru.sipring.core.report;

import java.time.Duration;

/**
 * Count, total, minimum and maximum of a set of durations (whole seconds, as queue_log records them).
 * Mergeable: {@code a.plus(b)} equals the stats of both sets together. Min and max are zero when empty.
 */
public record DurationStats(long count, long totalSeconds, long minSeconds, long maxSeconds) {

  /** The stats of no durations. */
  public static final DurationStats EMPTY = new DurationStats(0, 0, 0, 0);

  /**
   * The stats of one duration.
   *
   * @param seconds the duration, whole seconds
   * @return count 1, total, minimum and maximum all that duration
   */
  public static DurationStats of(long seconds) {
    return new DurationStats(1, seconds, seconds, seconds);
  }

  /**
   * The stats of both sets together.
   *
   * @param other the other set's stats
   * @return the merged stats
   */
  public DurationStats plus(DurationStats other) {
    if (count == 0) {
      return other;
    }
    if (other.count == 0) {
      return this;
    }
    return new DurationStats(count + other.count, totalSeconds + other.totalSeconds,
        Math.min(minSeconds, other.minSeconds), Math.max(maxSeconds, other.maxSeconds));
  }

  /**
   * The exact mean in seconds (0 when empty). People see it rounded half-even to whole seconds.
   *
   * @return the mean in seconds
   */
  public double averageSeconds() {
    return count == 0 ? 0 : (double) totalSeconds / count;
  }

  /**
   * The sum of the durations.
   *
   * @return the total, zero when empty
   */
  public Duration total() {
    return Duration.ofSeconds(totalSeconds);
  }

  /**
   * The shortest duration.
   *
   * @return the minimum, zero when empty
   */
  public Duration min() {
    return Duration.ofSeconds(minSeconds);
  }

  /**
   * The longest duration.
   *
   * @return the maximum, zero when empty
   */
  public Duration max() {
    return Duration.ofSeconds(maxSeconds);
  }
}
