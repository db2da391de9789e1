package ru.sipring.testkit.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/**
 * Inserts rows into a table with FreePBX's {@code cdr} columns, one INSERT per call as {@code cdr_mysql} and
 * {@code cdr_adaptive_odbc} do (plain JDBC, so the testkit needs no database library; MariaDB and H2 both take
 * it). The table must exist (sipring-cdr's {@code CdrTables.createFreePbxTable} makes one). Thread-safe: each
 * write takes its own connection from the DataSource.
 */
public final class JdbcCdrSink implements CdrSink {
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63})?");
  private final DataSource dataSource;
  private final String table;
  private final String sql;

  private JdbcCdrSink(DataSource dataSource, String table) {
    this.dataSource = dataSource;
    this.table = table;
    this.sql = "INSERT INTO " + table + " (" + String.join(", ", CdrRow.COLUMNS) + ") VALUES ("
        + String.join(", ", Collections.nCopies(CdrRow.COLUMNS.size(), "?")) + ")";
  }

  /**
   * A sink writing into {@code table} of the DataSource.
   *
   * @param dataSource the database
   * @param table a plain table name, optionally with its schema ({@code asteriskcdrdb.cdr})
   * @return the sink
   * @throws BadInputException naming {@code table} when it is not a plain identifier
   */
  public static JdbcCdrSink of(DataSource dataSource, String table) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new BadInputException("table", "'" + table + "' is not a plain table name such as cdr");
    }
    return new JdbcCdrSink(dataSource, table);
  }

  @Override
  public void write(CdrRow row) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Map.Entry<String, Object> e : row.columns().entrySet()) {
        Object v = e.getValue();
        ps.setObject(i++, v instanceof LocalDateTime t ? Timestamp.valueOf(t) : v);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new SipRingException("cannot write the CDR row of call " + row.uniqueid() + " into " + table + ": "
          + e.getMessage(), e);
    }
  }
}
