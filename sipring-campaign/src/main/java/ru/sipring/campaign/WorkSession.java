package ru.sipring.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An operator's stint at the work form on one assignment: from start to stop, with pauses. See
 * docs/campaign.md for the two times reports show: {@link #formTime} and {@link #computedTime}. Immutable.
 *
 * @param endedAt null while the form is open
 * @param closedByAdmin true when an administrator closed a "hung" session the operator never stopped
 */
public record WorkSession(long id, String operator, long assignmentId, Instant startedAt, @Nullable Instant endedAt,
    List<Pause> pauses, boolean closedByAdmin) {

  /** A pause with its reason; {@code end} null while paused. */
  public record Pause(Instant start, @Nullable Instant end, String reason) {
    public Pause {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public WorkSession {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(startedAt, "startedAt");
    pauses = List.copyOf(pauses);
  }

  public boolean open() {
    return endedAt == null;
  }

  public boolean paused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).end() == null;
  }

  /** The current pause, or null. */
  public @Nullable Pause currentPause() {
    return paused() ? pauses.get(pauses.size() - 1) : null;
  }

  /**
   * Computed time ("Т расч"): the session's wall-clock span, start to stop (to {@code now} while open), pauses
   * included — what the server computes from the start and stop events alone.
   */
  public Duration computedTime(Instant now) {
    Instant end = endedAt == null ? now : endedAt;
    return end.isAfter(startedAt) ? Duration.between(startedAt, end) : Duration.ZERO;
  }

  /** Paused time inside the session (an open pause runs to the session end, or {@code now}). */
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

  /** Form time ("Время"): the time the form counted as work, the computed time less the pauses. */
  public Duration formTime(Instant now) {
    Duration d = computedTime(now).minus(pausedTime(now));
    return d.isNegative() ? Duration.ZERO : d;
  }

  WorkSession withId(long newId) {
    return new WorkSession(newId, operator, assignmentId, startedAt, endedAt, pauses, closedByAdmin);
  }
}
