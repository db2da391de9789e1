package ru.sipring.campaign;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dialer's persisted state for one assignment, so a restart resumes where it stopped: whether it runs, the
 * current predictive dial ratio, the day's answered and abandoned counts, and when it last dialled. Immutable and
 * thread-safe.
 *
 * @param assignmentId the assignment dialled
 * @param status whether the dialer runs
 * @param ratio the current predictive ratio (calls per free operator)
 * @param lastOriginateAt when the dialer last placed a call; null before the first
 * @param day the day the counts are of ({@code yyyy-MM-dd} in the assignment's zone); empty before the first
 * @param answeredToday dialer calls answered that day
 * @param abandonedToday answered dialer calls no operator took that day
 */
public record DialerState(long assignmentId, Status status, double ratio, @Nullable Instant lastOriginateAt,
    String day, long answeredToday, long abandonedToday) {

  /** What the dialer is doing. */
  public enum Status {
    /** Placing calls. */
    RUNNING,
    /** No new calls until started again; calls in progress finish. */
    PAUSED,
    /** Stopped (the state of a new dialer). */
    STOPPED
  }

  /**
   * Checks the state.
   *
   * @param assignmentId the assignment dialled
   * @param status whether the dialer runs
   * @param ratio the current predictive ratio (calls per free operator)
   * @param lastOriginateAt when the dialer last placed a call; null before the first
   * @param day the day the counts are of ({@code yyyy-MM-dd} in the assignment's zone); empty before the first
   * @param answeredToday dialer calls answered that day
   * @param abandonedToday answered dialer calls no operator took that day
   * @throws NullPointerException when the status or the day is null
   */
  public DialerState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(day, "day");
  }

  /**
   * The state of an assignment never dialled: stopped, no counts.
   *
   * @param assignmentId the assignment
   * @param ratio the starting predictive ratio
   * @return the state
   */
  public static DialerState initial(long assignmentId, double ratio) {
    return new DialerState(assignmentId, Status.STOPPED, ratio, null, "", 0, 0);
  }

  /**
   * This state with another status.
   *
   * @param s the status
   * @return the copy
   */
  public DialerState withStatus(Status s) {
    return new DialerState(assignmentId, s, ratio, lastOriginateAt, day, answeredToday, abandonedToday);
  }

  /**
   * This state with another predictive ratio.
   *
   * @param r the ratio
   * @return the copy
   */
  public DialerState withRatio(double r) {
    return new DialerState(assignmentId, status, r, lastOriginateAt, day, answeredToday, abandonedToday);
  }

  /**
   * This state after a call was placed.
   *
   * @param at when
   * @return the copy
   */
  public DialerState withLastOriginate(Instant at) {
    return new DialerState(assignmentId, status, ratio, at, day, answeredToday, abandonedToday);
  }

  /**
   * This state with the counts of a day.
   *
   * @param d the day, {@code yyyy-MM-dd}
   * @param answered dialer calls answered that day
   * @param abandoned answered calls no operator took that day
   * @return the copy
   */
  public DialerState withCounts(String d, long answered, long abandoned) {
    return new DialerState(assignmentId, status, ratio, lastOriginateAt, d, answered, abandoned);
  }
}
