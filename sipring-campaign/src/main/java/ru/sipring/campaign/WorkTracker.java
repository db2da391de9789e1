package ru.sipring.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * Operators' work at the form: start, pause with a reason, resume, stop; the administrator closes "hung"
 * sessions (a form left open: a crash, a closed laptop) and sees who is at work now. One open session per
 * operator. Time comes from the injected clock. Thread-safe (operations on one tracker are serialised).
 */
public final class WorkTracker {
  private final WorkSessionRepository sessions;
  private final Clock clock;

  public WorkTracker(WorkSessionRepository sessions, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An operator at work now, for the live view ("ИКЦ-on-line"). */
  public record LiveOperator(String operator, long assignmentId, Instant since, boolean paused,
      @Nullable String pauseReason, @Nullable Instant pausedSince, Duration formTime) {}

  public synchronized WorkSession start(String operator, long assignmentId) {
    if (current(operator).isPresent()) {
      throw new RejectedException(operator + " already has an open work session; stop it first");
    }
    return sessions.insert(new WorkSession(0, operator, assignmentId, clock.instant(), null, List.of(), false));
  }

  public synchronized WorkSession pause(String operator, String reason) {
    WorkSession s = require(operator);
    if (s.paused()) {
      throw new RejectedException(operator + " is already paused");
    }
    List<WorkSession.Pause> p = new ArrayList<>(s.pauses());
    p.add(new WorkSession.Pause(clock.instant(), null, reason));
    return save(new WorkSession(s.id(), s.operator(), s.assignmentId(), s.startedAt(), null, p, false));
  }

  public synchronized WorkSession resume(String operator) {
    WorkSession s = require(operator);
    if (!s.paused()) {
      throw new RejectedException(operator + " is not paused");
    }
    return save(closePause(s, clock.instant(), null, false));
  }

  /** The operator leaves the form; an open pause ends with the session. */
  public synchronized WorkSession stop(String operator) {
    WorkSession s = require(operator);
    Instant now = clock.instant();
    return save(closePause(s, now, now, false));
  }

  /**
   * The administrator ends a hung session ("Завершение зависших задач") at {@code at}, or now when null. The
   * session keeps the mark {@link WorkSession#closedByAdmin()}.
   */
  public synchronized WorkSession closeHung(long sessionId, @Nullable Instant at) {
    WorkSession s = sessions.byId(sessionId)
        .orElseThrow(() -> new NotFoundException("no work session with id " + sessionId));
    if (!s.open()) {
      throw new RejectedException("work session " + sessionId + " is already closed");
    }
    Instant end = at == null ? clock.instant() : at;
    if (end.isBefore(s.startedAt())) {
      throw new RejectedException("a session cannot end before it started (" + s.startedAt() + ")");
    }
    return save(closePause(s, end, end, true));
  }

  /** Open sessions started more than {@code olderThan} ago: candidates for {@link #closeHung}. */
  public List<WorkSession> hung(Duration olderThan) {
    Instant limit = clock.instant().minus(olderThan);
    return sessions.open().stream().filter(s -> s.startedAt().isBefore(limit)).toList();
  }

  /** Everyone at work now, oldest session first. */
  public List<LiveOperator> live() {
    Instant now = clock.instant();
    return sessions.open().stream().map(s -> {
      WorkSession.Pause p = s.currentPause();
      return new LiveOperator(s.operator(), s.assignmentId(), s.startedAt(), p != null,
          p == null ? null : p.reason(), p == null ? null : p.start(), s.formTime(now));
    }).toList();
  }

  public Optional<WorkSession> current(String operator) {
    return sessions.open().stream().filter(s -> s.operator().equals(operator)).findFirst();
  }

  private WorkSession require(String operator) {
    return current(operator).orElseThrow(() -> new RejectedException(operator + " has no open work session"));
  }

  private WorkSession save(WorkSession s) {
    sessions.update(s);
    return s;
  }

  private static WorkSession closePause(WorkSession s, Instant pauseEnd, @Nullable Instant sessionEnd,
      boolean byAdmin) {
    List<WorkSession.Pause> p = new ArrayList<>(s.pauses());
    if (s.paused()) {
      WorkSession.Pause last = p.remove(p.size() - 1);
      p.add(new WorkSession.Pause(last.start(), pauseEnd, last.reason()));
    }
    return new WorkSession(s.id(), s.operator(), s.assignmentId(), s.startedAt(), sessionEnd, p, byAdmin);
  }
}
