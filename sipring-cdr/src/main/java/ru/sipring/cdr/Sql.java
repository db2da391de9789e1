package ru.sipring.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/** Small SQL helpers shared by the table readers. Stateless. */
final class Sql {
  private Sql() {}

  /** Sets the parameters of one row of a batch. */
  @FunctionalInterface
  interface RowBinder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  /** Runs one statement (DDL) on a connection of its own; {@code what} names the work in the error. */
  static void execute(DataSource dataSource, String sql, String what) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw DbFailures.translate(what, e);
    }
  }

  /** Inserts {@code rows} with {@code sql} in one transaction, in batches of 1,000; all or nothing. */
  static <T> void insertAll(DataSource dataSource, String sql, List<T> rows, RowBinder<? super T> binder,
      String what) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int pending = 0;
        for (T row : rows) {
          binder.bind(ps, row);
          ps.addBatch();
          if (++pending == 1_000) {
            ps.executeBatch();
            pending = 0;
          }
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw DbFailures.translate(what, e);
    }
  }

  /** Accepts {@code name} or {@code db.name} made of letters, digits and underscores; returns it quoted. */
  static String identifier(String name, String what) {
    if (name == null || !name.matches("[A-Za-z0-9_$]{1,64}(\\.[A-Za-z0-9_$]{1,64})?")) {
      throw new BadInputException(what, "not a table name: " + name);
    }
    return "`" + name.replace(".", "`.`") + "`";
  }

  /** {@code mariadb://host:port/db.table}, for messages. */
  static String describe(Connection c, String quotedTable) throws SQLException {
    String url = c.getMetaData().getURL();
    String host = url.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", "").replaceFirst("/[^/]*$", "");
    String table = quotedTable.replace("`", "");
    return table.contains(".") ? host + "/" + table : host + "/" + c.getCatalog() + "." + table;
  }

  static boolean isConnectionLoss(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLNonTransientConnectionException || state != null && state.startsWith("08");
  }

  /**
   * Parses {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (the text form of DATETIME) by hand, dropping the fraction;
   * null for zero dates, impossible dates and anything else.
   */
  static @Nullable LocalDateTime parseDateTime(@Nullable String s) {
    if (s == null || s.length() < 19 || s.charAt(4) != '-' || s.charAt(7) != '-'
        || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    if (s.length() > 19 && (s.charAt(19) != '.' || digits(s, 20, s.length()) < 0)) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null; // 0000-00-00, 2024-02-30 ...
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
      if (v > 100_000_000) {
        v = 100_000_000; // long fractions: only validity matters
      }
    }
    return v;
  }
}
