package ru.sipring.cdr.admin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.cdr.DbFailures;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

/**
 * {@link AuditLog} in SipRing's table {@code sipring_audit} (created by {@link ru.sipring.cdr.SipRingSchema#migrate}).
 * Entries are only inserted. Values longer than their column are cut (with {@code …}) rather than lost: an audit
 * entry must not fail because a pause reason or a message was long. Thread-safe: each call borrows a pooled
 * connection.
 */
public final class JdbiAuditLog implements AuditLog {
  private final Jdbi jdbi;

  private JdbiAuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * An audit log on a migrated database.
   *
   * @param dataSource the database, migrated by {@link ru.sipring.cdr.SipRingSchema#migrate}
   * @return the log
   */
  public static JdbiAuditLog of(DataSource dataSource) {
    return new JdbiAuditLog(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
  }

  @Override
  public void record(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO sipring_audit (at_utc, actor, action, target, detail) "
              + "VALUES (?, ?, ?, ?, ?)")
          .bind(0, LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC)).bind(1, cut(entry.actor(), 128))
          .bind(2, cut(entry.action(), 64)).bind(3, cut(entry.target(), 255)).bind(4, cut(entry.detail(), 1024))
          .execute());
    } catch (RuntimeException e) {
      throw DbFailures.translate("recording an audit entry", e);
    }
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT at_utc, actor, action, target, detail FROM sipring_audit "
              + "ORDER BY id DESC LIMIT ?")
          .bind(0, limit)
          .map((rs, ctx) -> new AuditEntry(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
          .list());
    } catch (RuntimeException e) {
      throw DbFailures.translate("reading the audit log", e);
    }
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
