package ru.sipring.campaign;

import java.util.Optional;

/** The dialer's state per assignment, so it survives restarts. Implementations are thread-safe. */
public interface DialerStateRepository {
  /**
   * The state of an assignment's dialer.
   *
   * @param assignmentId the assignment
   * @return the state, or empty before its dialer first ran
   */
  Optional<DialerState> find(long assignmentId);

  /**
   * Saves the state of an assignment's dialer, replacing the one before.
   *
   * @param state the state
   */
  void save(DialerState state);
}
