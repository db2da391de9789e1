package ru.sipring.campaign;

import java.time.Instant;
import java.util.List;

/** Stores call attempts. Implementations are thread-safe. */
public interface CallAttemptRepository {
  /** Stores a new attempt and returns it with its id. */
  CallAttempt insert(CallAttempt attempt);

  /** Replaces the attempt with the same id (its outcome once known). */
  void update(CallAttempt attempt);

  /** Attempts started in {@code [from, to)}, in start order. */
  List<CallAttempt> between(Instant from, Instant to);

  /** Attempts of one assignment still without an outcome (the dialer's in-flight calls). */
  List<CallAttempt> inProgress(long assignmentId);

  List<CallAttempt> byContact(long contactId);

  java.util.Optional<CallAttempt> byId(long id);
}
