package ru.sipring.spring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.core.queuelog.QueueLogInput;

/** The sipring-cdr classes the inbound configuration touches, kept here so they load only when used. */
final class DatabaseGlue {
  /** A plain or schema-qualified table name: the fingerprint's SQL takes it unquoted. */
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private DatabaseGlue() {
  }

  static QueueLogProvider queueLogTable(DataSource ds, String table) {
    return new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        return QueueLogInput.source(QueueLogTableSource.builder(ds).table(table).zone(zone).build());
      }

      @Override
      public String description() {
        return "table " + table;
      }

      @Override
      public @Nullable Fingerprint fingerprint(ZoneId zone) {
        return tableFingerprint(ds, table);
      }
    };
  }

  /**
   * The smallest and largest {@code id} (two primary-key look-ups: Asterisk appends rows with growing ids, a
   * purge of old rows raises the smallest), or without an {@code id} column the row count and the latest time
   * (a scan of the time index). Appended rows only: an edit in the middle is left to the cache's max-age.
   * Null when the table cannot be asked (the report then says why).
   */
  static QueueLogProvider.@Nullable Fingerprint tableFingerprint(DataSource ds, String table) {
    if (!TABLE.matcher(table).matches()) {
      return null;
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      List<Object> value = new ArrayList<>();
      value.add(table);
      try (ResultSet rs = s.executeQuery("SELECT MIN(id), MAX(id) FROM " + table)) {
        rs.next();
        value.add(String.valueOf(rs.getObject(1)));
        value.add(String.valueOf(rs.getObject(2)));
        return new QueueLogProvider.Fingerprint(List.copyOf(value), true);
      } catch (SQLException noId) {
        // no id column (it is optional): count and latest time
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(time) FROM " + table)) {
        rs.next();
        value.add(String.valueOf(rs.getObject(1)));
        value.add(String.valueOf(rs.getObject(2)));
        return new QueueLogProvider.Fingerprint(List.copyOf(value), true);
      }
    } catch (SQLException e) {
      return null;
    }
  }
}
