package ru.sipring.campaign;

import java.time.Instant;
import java.util.List;

/** Stores call attempts. Implementations are thread-safe. */
public interface CallAttemptRepository {
  /**
   * Stores a new attempt.
   *
   * @param attempt the attempt; its id is ignored
   * @return the attempt with the id the store gave it
   */
  CallAttempt insert(CallAttempt attempt);

  /**
   * Replaces the attempt with the same id (its outcome once known).
   *
   * @param attempt the new state of the attempt
   * @throws ru.sipring.core.NotFoundException when no attempt has its id
   */
  void update(CallAttempt attempt);

  /**
   * Attempts started in {@code [from, to)}.
   *
   * @param from the first instant included
   * @param to the first instant excluded
   * @return the attempts in start order, then id
   */
  List<CallAttempt> between(Instant from, Instant to);

  /**
   * How many dialer calls ({@link CallAttempt#dialer()}) of one assignment started in a period, and how many of
   * them were answered: a dialer's progress, polled often, without reading the attempts themselves. The default
   * reads {@link #between}; the stores count where the data is.
   *
   * @param assignmentId the assignment
   * @param from the first instant included
   * @param to the first instant excluded
   * @return the counts
   */
  default DialerCounts dialerCounts(long assignmentId, Instant from, Instant to) {
    long placed = 0;
    long answered = 0;
    for (CallAttempt c : between(from, to)) {
      if (c.dialer() && c.assignmentId() == assignmentId) {
        placed++;
        if (c.answered()) {
          answered++;
        }
      }
    }
    return new DialerCounts(placed, answered);
  }

  /**
   * Dialer calls placed in a period and how many of them were answered. Immutable.
   *
   * @param placed calls placed (finished or not)
   * @param answered of them, answered
   */
  record DialerCounts(long placed, long answered) {}

  /**
   * Attempts of one assignment still without an outcome (the dialer's in-flight calls).
   *
   * @param assignmentId the assignment
   * @return the attempts in id order
   */
  List<CallAttempt> inProgress(long assignmentId);

  /**
   * Every attempt to one card.
   *
   * @param contactId the card
   * @return its attempts in id order
   */
  List<CallAttempt> byContact(long contactId);

  /**
   * One attempt.
   *
   * @param id the attempt's id
   * @return the attempt, or empty
   */
  java.util.Optional<CallAttempt> byId(long id);
}
