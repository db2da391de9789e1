package ru.sipring.campaign;

import java.util.Optional;

/** The dialer's state per assignment, so it survives restarts. Implementations are thread-safe. */
public interface DialerStateRepository {
  Optional<DialerState> find(long assignmentId);

  void save(DialerState state);
}
