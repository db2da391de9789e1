package ru.sipring.core.audit;

import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog#inMemory()}: a list under a lock; fine for the few actions a day of an admin. */
final class InMemoryAuditLog implements AuditLog {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized void record(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized List<AuditEntry> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    List<AuditEntry> out = new ArrayList<>(Math.min(limit, entries.size()));
    for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
      out.add(entries.get(i));
    }
    return out;
  }
}
