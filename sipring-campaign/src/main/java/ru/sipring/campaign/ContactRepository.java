package ru.sipring.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores client cards. Implementations are thread-safe. */
public interface ContactRepository {
  /**
   * Stores new cards in one assignment, all or nothing, and returns how many were stored (ids are assigned
   * by the store; read them back with {@link #byAssignment}).
   */
  default int insertAll(long assignmentId, List<Contact> contacts) {
    return insertChunks(assignmentId, ContactChunks.of(contacts));
  }

  /**
   * Stores the cards {@code chunks} yields, in one all-or-nothing write: when pulling a chunk throws, or the
   * store fails, nothing of this call is stored. Returns how many were stored.
   */
  int insertChunks(long assignmentId, ContactChunks chunks);

  List<Contact> byAssignment(long assignmentId);

  Optional<Contact> byId(long id);

  /** Replaces the card with the same id (its status, attempts, fields). */
  void update(Contact contact);

  /**
   * Which of {@code phones} (normalised) already exist in {@code scope} around {@code assignmentId}: the
   * assignment itself, its project, or everywhere.
   */
  Set<String> existingPhones(DuplicateScope scope, long assignmentId, Collection<String> phones);

  /**
   * Whether {@code scope} around {@code assignmentId} holds any card at all; an import into an empty scope skips
   * the per-chunk duplicate queries (duplicates within the file are still found).
   */
  boolean anyInScope(DuplicateScope scope, long assignmentId);
}
