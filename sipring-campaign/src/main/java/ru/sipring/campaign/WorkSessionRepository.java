package ru.sipring.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores operators' work sessions. Implementations are thread-safe. */
public interface WorkSessionRepository {
  WorkSession insert(WorkSession session);

  void update(WorkSession session);

  Optional<WorkSession> byId(long id);

  /** Sessions still open (no stop), oldest first. */
  List<WorkSession> open();

  /** Sessions that overlap {@code [from, to)}: started before {@code to} and not ended before {@code from}. */
  List<WorkSession> overlapping(Instant from, Instant to);
}
