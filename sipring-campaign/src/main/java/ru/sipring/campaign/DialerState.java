package ru.sipring.campaign;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dialer's persisted state for one assignment, so a restart resumes where it stopped: whether it runs, the
 * current predictive dial ratio, the day's answered and abandoned counts, and when it last dialled. Immutable.
 */
public record DialerState(long assignmentId, Status status, double ratio, @Nullable Instant lastOriginateAt,
    String day, long answeredToday, long abandonedToday) {

  /** What the dialer is doing. */
  public enum Status { RUNNING, PAUSED, STOPPED }

  public DialerState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(day, "day");
  }

  public static DialerState initial(long assignmentId, double ratio) {
    return new DialerState(assignmentId, Status.STOPPED, ratio, null, "", 0, 0);
  }

  public DialerState withStatus(Status s) {
    return new DialerState(assignmentId, s, ratio, lastOriginateAt, day, answeredToday, abandonedToday);
  }

  public DialerState withRatio(double r) {
    return new DialerState(assignmentId, status, r, lastOriginateAt, day, answeredToday, abandonedToday);
  }

  public DialerState withLastOriginate(Instant at) {
    return new DialerState(assignmentId, status, ratio, at, day, answeredToday, abandonedToday);
  }

  public DialerState withCounts(String d, long answered, long abandoned) {
    return new DialerState(assignmentId, status, ratio, lastOriginateAt, d, answered, abandoned);
  }
}
