package ru.sipring.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An operator's stint at the work form on one assignment: from start to stop, with pauses. See
 * docs/campaign.md for the two times reports show: {@link #formTime} and {@link #computedTime}. Immutable and
 * thread-safe.
 *
 * @param id the store's id; 0 until stored
 * @param operator the operator's number or name
 * @param assignmentId the assignment worked on
 * @param startedAt when the form was opened
 * @param pauses the pauses in order; the last one may still be open
 * @param endedAt null while the form is open
 * @param closedByAdmin true when an administrator closed a "hung" session the operator never stopped
 */
public record WorkSession(long id, String operator, long assignmentId, Instant startedAt, @Nullable Instant endedAt,
    List<Pause> pauses, boolean closedByAdmin) {

  /**
   * A pause with its reason. Immutable.
   *
   * @param start when the pause began
   * @param end when it ended; null while paused
   * @param reason why, as chosen on the form
   */
  public record Pause(Instant start, @Nullable Instant end, String reason) {
    /**
     * Checks the pause.
     *
     * @param start when the pause began
     * @param end when it ended; null while paused
     * @param reason why, as chosen on the form
     * @throws NullPointerException when the start or the reason is null
     */
    public Pause {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Copies the pauses.
   *
   * @param id the store's id; 0 until stored
   * @param operator the operator's number or name
   * @param assignmentId the assignment worked on
   * @param startedAt when the form was opened
   * @param endedAt null while the form is open
   * @param pauses the pauses in order; the last one may still be open
   * @param closedByAdmin true when an administrator closed a "hung" session the operator never stopped
   * @throws NullPointerException when the operator or the start is null
   */
  public WorkSession {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(startedAt, "startedAt");
    pauses = List.copyOf(pauses);
  }

  /**
   * Whether the form is still open.
   *
   * @return true until the session ends
   */
  public boolean open() {
    return endedAt == null;
  }

  /**
   * Whether the operator is on a pause now.
   *
   * @return true while the last pause is open
   */
  public boolean paused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).end() == null;
  }

  /**
   * The current pause.
   *
   * @return the open pause, or null when not paused
   */
  public @Nullable Pause currentPause() {
    return paused() ? pauses.get(pauses.size() - 1) : null;
  }

  /**
   * Computed time ("Т расч"): the session's wall-clock span, start to stop (to {@code now} while open), pauses
   * included — what the server computes from the start and stop events alone.
   *
   * @param now the end of an open session
   * @return the span; zero when it ends before it starts
   */
  public Duration computedTime(Instant now) {
    Instant end = endedAt == null ? now : endedAt;
    return end.isAfter(startedAt) ? Duration.between(startedAt, end) : Duration.ZERO;
  }

  /**
   * Paused time inside the session (an open pause runs to the session end, or {@code now}).
   *
   * @param now the end of an open session or pause
   * @return the total of the pauses
   */
  public Duration pausedTime(Instant now) {
    Instant sessionEnd = endedAt == null ? now : endedAt;
    Duration d = Duration.ZERO;
    for (Pause p : pauses) {
      Instant e = p.end() == null ? sessionEnd : p.end();
      if (e.isAfter(p.start())) {
        d = d.plus(Duration.between(p.start(), e));
      }
    }
    return d;
  }

  /**
   * Form time ("Время"): the time the form counted as work, the computed time less the pauses.
   *
   * @param now the end of an open session or pause
   * @return the work time, never negative
   */
  public Duration formTime(Instant now) {
    Duration d = computedTime(now).minus(pausedTime(now));
    return d.isNegative() ? Duration.ZERO : d;
  }

  WorkSession withId(long newId) {
    return new WorkSession(newId, operator, assignmentId, startedAt, endedAt, pauses, closedByAdmin);
  }
}
