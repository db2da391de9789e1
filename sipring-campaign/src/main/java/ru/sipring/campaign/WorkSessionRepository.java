package ru.sipring.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores operators' work sessions. Implementations are thread-safe. */
public interface WorkSessionRepository {
  /**
   * Stores a new session.
   *
   * @param session the session; its id is ignored
   * @return the session with the id the store gave it
   */
  WorkSession insert(WorkSession session);

  /**
   * Replaces the session with the same id (a pause, its end).
   *
   * @param session the new state
   * @throws ru.sipring.core.NotFoundException when no session has its id
   */
  void update(WorkSession session);

  /**
   * One session.
   *
   * @param id the session's id
   * @return the session, or empty
   */
  Optional<WorkSession> byId(long id);

  /**
   * Sessions still open (no stop), oldest first.
   *
   * @return the open sessions
   */
  List<WorkSession> open();

  /**
   * Sessions that overlap {@code [from, to)}: started before {@code to} and not ended before {@code from}.
   *
   * @param from the first instant of the period
   * @param to the first instant after it
   * @return the sessions in start order
   */
  List<WorkSession> overlapping(Instant from, Instant to);
}
