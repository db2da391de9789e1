package ru.sipring.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores client cards. Implementations are thread-safe: the dialer, the panel and imports call them at once. */
public interface ContactRepository {
  /**
   * Stores new cards in one assignment, all or nothing, and returns how many were stored (ids are assigned
   * by the store; read them back with {@link #byAssignment}).
   *
   * @param assignmentId the assignment the cards belong to
   * @param contacts the cards; their ids are ignored
   * @return how many were stored
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  default int insertAll(long assignmentId, List<Contact> contacts) {
    return insertChunks(assignmentId, ContactChunks.of(contacts));
  }

  /**
   * Stores the cards {@code chunks} yields, in one all-or-nothing write: when pulling a chunk throws, or the
   * store fails, nothing of this call is stored, and no reader of this repository (nor of the card search) sees any
   * of the cards before all of them are stored. A store may commit them in parts meanwhile (the database stores do)
   * as long as it keeps them hidden; another import running at the same time does not count them as duplicates.
   *
   * @param assignmentId the assignment the cards belong to
   * @param chunks the cards, pulled from the calling thread until it returns null
   * @return how many were stored
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  int insertChunks(long assignmentId, ContactChunks chunks);

  /**
   * Every card of an assignment, in id order (so in import order). Reads the whole base: the dialer uses
   * {@link #dueForCall} instead.
   *
   * @param assignmentId the assignment
   * @return its cards; empty for an unknown assignment
   */
  List<Contact> byAssignment(long assignmentId);

  /**
   * One card.
   *
   * @param id the card's id
   * @return the card, or empty when there is none with that id
   */
  Optional<Contact> byId(long id);

  /**
   * Replaces the card with the same id (its status, attempts, fields).
   *
   * @param contact the new state of the card
   * @throws ru.sipring.core.NotFoundException when no card has its id
   * @throws ru.sipring.core.BadInputException when it does not fit ({@link ContactLimits})
   */
  void update(Contact contact);

  /**
   * Which of {@code phones} (normalised) already exist in {@code scope} around {@code assignmentId}: the
   * assignment itself, its project, or everywhere.
   *
   * @param scope where to look
   * @param assignmentId the assignment the scope is around
   * @param phones normalised numbers
   * @return those of {@code phones} that some card in the scope has
   */
  Set<String> existingPhones(DuplicateScope scope, long assignmentId, Collection<String> phones);

  /**
   * Whether {@code scope} around {@code assignmentId} holds any card at all; an import into an empty scope skips
   * the per-chunk duplicate queries (duplicates within the file are still found).
   *
   * @param scope where to look
   * @param assignmentId the assignment the scope is around
   * @return true when some card is in the scope; always false for {@link DuplicateScope#NONE}
   */
  boolean anyInScope(DuplicateScope scope, long assignmentId);

  /**
   * The next clients of an assignment that the status, the attempts so far, the retry delay of {@code retry} and
   * the DNC lists {@code dncKeys} allow to be called at {@code now}, at most {@code limit}, skipping the ids in
   * {@code excluding} (calls in progress, cards the caller already turned down). Order: never-called cards
   * ({@code NEW}, 0 attempts) by id first, then the others by their next-call time ({@link RetryPolicy#nextCallAt}),
   * then id. The call window is <em>not</em> applied (a card may name its own time zone): the caller checks it
   * with {@link Eligibility#check}. Stores answer from an index, without reading the whole base.
   *
   * @param assignmentId the assignment
   * @param retry the assignment's retry rules
   * @param dncKeys the do-not-call lists that apply ({@link Eligibility#dncKeys})
   * @param now the time of the call
   * @param excluding card ids to skip
   * @param limit the most cards to return
   * @return at most {@code limit} cards in the order above
   */
  List<Contact> dueForCall(long assignmentId, RetryPolicy retry, List<String> dncKeys, Instant now,
      Collection<Long> excluding, int limit);

  /**
   * {@link #dueForCall} over cards in memory, for stores that hold them.
   *
   * @param cards every card of the assignment
   * @param retry the assignment's retry rules
   * @param dncKeys the do-not-call lists that apply
   * @param now the time of the call
   * @param excluding card ids to skip
   * @param limit the most cards to return
   * @param dnc the do-not-call lists
   * @return at most {@code limit} cards in the order of {@link #dueForCall}
   */
  static List<Contact> dueForCall(Iterable<Contact> cards, RetryPolicy retry, List<String> dncKeys, Instant now,
      Collection<Long> excluding, int limit, DncRepository dnc) {
    if (limit <= 0) {
      return List.of();
    }
    List<Contact> due = new ArrayList<>();
    for (Contact c : cards) {
      if (c.phoneNormalized().isEmpty() || !c.status().callable() || excluding.contains(c.id())) {
        continue;
      }
      Instant next = retry.nextCallAt(c);
      if (next == null || next.isAfter(now) || dnc.contains(dncKeys, c.phoneNormalized())) {
        continue;
      }
      due.add(c);
    }
    due.sort(DUE_ORDER.apply(retry));
    List<Contact> out = new ArrayList<>(Math.min(limit, due.size()));
    for (Contact c : due) {
      if (out.size() == limit) {
        break;
      }
      out.add(c);
    }
    return out;
  }

  /** The order of {@link #dueForCall}. */
  java.util.function.Function<RetryPolicy, Comparator<Contact>> DUE_ORDER = retry -> Comparator
      .comparing((Contact c) -> !(c.status() == ContactStatus.NEW && c.attempts() == 0))
      .thenComparing(c -> c.status() == ContactStatus.NEW && c.attempts() == 0 ? Instant.MIN : retry.nextCallAt(c))
      .thenComparingLong(Contact::id);
}
