package ru.sipring.core.audit;

import java.util.List;

/**
 * Where administrative actions are kept. Implementations are thread-safe; entries are never changed or removed
 * through this interface.
 */
public interface AuditLog {
  /**
   * Keeps one entry.
   *
   * @param entry the action done
   */
  void record(AuditEntry entry);

  /**
   * The newest entries first.
   *
   * @param limit at most this many entries
   * @return the entries, newest first
   */
  List<AuditEntry> recent(int limit);

  /**
   * An audit log in memory, for tests and for hosts without a database.
   *
   * @return an empty log
   */
  static AuditLog inMemory() {
    return new InMemoryAuditLog();
  }
}
