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

  /**
   * A tracker on a session store.
   *
   * @param sessions where sessions are stored
   * @param clock the time sessions and pauses start and end at
   */
  public WorkTracker(WorkSessionRepository sessions, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An operator at work now, for the live view ("ИКЦ-on-line"). Immutable.
   *
   * @param operator the operator's number or name
   * @param assignmentId the assignment being worked on
   * @param since when the session started
   * @param paused whether the operator is on a pause now
   * @param pauseReason the reason of the current pause; null when not paused
   * @param pausedSince when the current pause started; null when not paused
   * @param formTime time at the form so far, pauses excluded
   */
  public record LiveOperator(String operator, long assignmentId, Instant since, boolean paused,
      @Nullable String pauseReason, @Nullable Instant pausedSince, Duration formTime) {}

  /**
   * The operator opens the work form on an assignment.
   *
   * @param operator the operator's number or name
   * @param assignmentId the assignment
   * @return the new open session
   * @throws ru.sipring.core.RejectedException when the operator already has an open session
   */
  public synchronized WorkSession start(String operator, long assignmentId) {
    if (current(operator).isPresent()) {
      throw new RejectedException(operator + " already has an open work session; stop it first");
    }
    return sessions.insert(new WorkSession(0, operator, assignmentId, clock.instant(), null, List.of(), false));
  }

  /**
   * The operator takes a pause.
   *
   * @param operator the operator
   * @param reason why, as chosen on the form
   * @return the session with the pause open
   * @throws ru.sipring.core.RejectedException when the operator has no open session or is already paused
   */
  public synchronized WorkSession pause(String operator, String reason) {
    WorkSession s = require(operator);
    if (s.paused()) {
      throw new RejectedException(operator + " is already paused");
    }
    List<WorkSession.Pause> p = new ArrayList<>(s.pauses());
    p.add(new WorkSession.Pause(clock.instant(), null, reason));
    return save(new WorkSession(s.id(), s.operator(), s.assignmentId(), s.startedAt(), null, p, false));
  }

  /**
   * The operator comes back from a pause.
   *
   * @param operator the operator
   * @return the session with the pause closed
   * @throws ru.sipring.core.RejectedException when the operator has no open session or is not paused
   */
  public synchronized WorkSession resume(String operator) {
    WorkSession s = require(operator);
    if (!s.paused()) {
      throw new RejectedException(operator + " is not paused");
    }
    return save(closePause(s, clock.instant(), null, false));
  }

  /**
   * The operator leaves the form; an open pause ends with the session.
   *
   * @param operator the operator
   * @return the closed session
   * @throws ru.sipring.core.RejectedException when the operator has no open session
   */
  public synchronized WorkSession stop(String operator) {
    WorkSession s = require(operator);
    Instant now = clock.instant();
    return save(closePause(s, now, now, false));
  }

  /**
   * The administrator ends a hung session ("Завершение зависших задач") at {@code at}, or now when null. The
   * session keeps the mark {@link WorkSession#closedByAdmin()}.
   *
   * @param sessionId the session
   * @param at when it ended; null for now
   * @return the closed session
   * @throws ru.sipring.core.NotFoundException when there is no such session
   * @throws ru.sipring.core.RejectedException when it is closed already or {@code at} is before its start
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

  /**
   * Open sessions started more than {@code olderThan} ago: candidates for {@link #closeHung}.
   *
   * @param olderThan how long a session may stay open before it counts as hung
   * @return the sessions
   */
  public List<WorkSession> hung(Duration olderThan) {
    Instant limit = clock.instant().minus(olderThan);
    return sessions.open().stream().filter(s -> s.startedAt().isBefore(limit)).toList();
  }

  /**
   * Everyone at work now, oldest session first.
   *
   * @return the operators at work
   */
  public List<LiveOperator> live() {
    Instant now = clock.instant();
    return sessions.open().stream().map(s -> {
      WorkSession.Pause p = s.currentPause();
      return new LiveOperator(s.operator(), s.assignmentId(), s.startedAt(), p != null,
          p == null ? null : p.reason(), p == null ? null : p.start(), s.formTime(now));
    }).toList();
  }

  /**
   * The operator's open session.
   *
   * @param operator the operator
   * @return the session, or empty when the operator is not at work
   */
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
