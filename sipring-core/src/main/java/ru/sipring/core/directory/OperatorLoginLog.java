package ru.sipring.core.directory;

import java.time.Instant;

/**
 * Where agent logins and logouts (by {@code *45<queue>} or by the administrator) are recorded, for the
 * guide's working-time accounting. Implementations must be thread-safe.
 */
public interface OperatorLoginLog {

  /** How the membership changed. */
  enum Action {
    /** The operator joined the queue. */
    LOGIN,
    /** The operator left the queue. */
    LOGOUT
  }

  /** One login or logout: who, where, from which device, when, and who did it ("agi" or an admin's name). */
  record Entry(Operator operator, String queue, String device, Action action, Instant at, String by) {}

  /**
   * Records one login or logout; called on the thread that did it, once the PBX accepted the change.
   *
   * @param entry the login or logout to keep
   */
  void record(Entry entry);
}
