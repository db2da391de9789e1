package ru.sipring.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
   * Writes what the PBX's call detail records say of attempts (outcome, duration, billed seconds, recording) and
   * nothing else: an operator's note, an end time or a status written while the reconciliation read the CDR table
   * stays, where replacing the whole attempt with the copy read before would lose it. Attempts deleted meanwhile
   * are skipped. The default applies them one by one; the SQL stores write them in one batch.
   *
   * @param facts what to write, one entry per attempt
   * @return how many attempts were written
   */
  default int applyCdr(List<CdrFacts> facts) {
    int written = 0;
    for (CdrFacts f : facts) {
      Optional<CallAttempt> a = byId(f.attemptId());
      if (a.isPresent()) {
        update(f.applyTo(a.get()));
        written++;
      }
    }
    return written;
  }

  /**
   * What the CDR says of one attempt. Immutable.
   *
   * @param attemptId the attempt
   * @param outcome the CDR's disposition as an outcome, or null to keep the attempt's (a disposition SipRing does
   *     not know)
   * @param durationSeconds the CDR's duration
   * @param billsec the billed seconds (0 unless answered)
   * @param recording the recording file, or null to keep the attempt's
   */
  record CdrFacts(long attemptId, @Nullable CallOutcome outcome, long durationSeconds, long billsec,
      @Nullable String recording) {
    /**
     * The attempt with these facts written into it.
     *
     * @param a the attempt as stored now
     * @return the attempt with outcome, duration, billed seconds and recording from the CDR
     */
    public CallAttempt applyTo(CallAttempt a) {
      return new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(), a.startedAt(),
          a.endedAt(), outcome != null ? outcome : a.outcome(), durationSeconds, billsec, a.note(), a.uniqueId(),
          recording != null ? recording : a.recording(), a.dialer(), a.tag());
    }
  }

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
