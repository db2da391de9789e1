package ru.sipring.cdr;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import ru.sipring.core.queuelog.QueueLogRecord;

/**
 * Creates and fills realtime {@code queue_log} tables the way Asterisk does (for tests, demos, the fake
 * Asterisk and benchmarks; SipRing never writes to a PBX's queue_log). Thread-safe (stateless).
 */
public final class QueueLogTables {
  /** Layouts of the time and data columns. Immutable (thread-safe). */
  public enum Layout {
    /** Asterisk's alembic table: {@code time DATETIME}, {@code data1..data5}. */
    DATETIME,
    /** {@code time} as epoch seconds (BIGINT), {@code data1..data5}. */
    EPOCH,
    /** Pre-1.8 realtime: {@code time DATETIME} and one {@code data} column with the whole {@code a|b|c}. */
    LEGACY_DATA
  }

  private QueueLogTables() {}

  /**
   * Creates an empty queue_log table named {@code table} with {@code layout}'s columns.
   *
   * @param dataSource the database
   * @param table the table's name, a plain identifier
   * @param layout which Asterisk version's columns
   * @throws ru.sipring.core.BadInputException when the name is not a plain identifier
   */
  public static void create(DataSource dataSource, String table, Layout layout) {
    String quoted = Sql.identifier(table, "table");
    String time = layout == Layout.EPOCH ? "BIGINT NOT NULL" : "DATETIME NOT NULL";
    String data = layout == Layout.LEGACY_DATA ? "data VARCHAR(400) NOT NULL DEFAULT ''"
        : "data1 VARCHAR(100) NOT NULL DEFAULT '', data2 VARCHAR(100) NOT NULL DEFAULT '', "
            + "data3 VARCHAR(100) NOT NULL DEFAULT '', data4 VARCHAR(100) NOT NULL DEFAULT '', "
            + "data5 VARCHAR(100) NOT NULL DEFAULT ''";
    String ddl = "CREATE TABLE " + quoted + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, time " + time
        + ", callid VARCHAR(80) NOT NULL DEFAULT '', queuename VARCHAR(256) NOT NULL DEFAULT '', "
        + "agent VARCHAR(80) NOT NULL DEFAULT '', event VARCHAR(32) NOT NULL DEFAULT '', " + data
        + ", KEY queue_log_time (time), KEY queue_log_callid (callid)) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4";
    Sql.execute(dataSource, ddl, "creating queue_log table " + table);
  }

  /**
   * Inserts records as Asterisk would, in one transaction: local time in {@code zone} (or epoch), the first
   * four data fields in data1..data4 and the rest joined with {@code |} in data5.
   *
   * @param dataSource the database
   * @param table the table's name, a plain identifier
   * @param layout the table's columns
   * @param zone the zone of a DATETIME time column
   * @param records the records, in order
   * @throws ru.sipring.core.BadInputException when the name is not a plain identifier
   */
  public static void insert(DataSource dataSource, String table, Layout layout, ZoneId zone,
      List<QueueLogRecord> records) {
    String quoted = Sql.identifier(table, "table");
    String sql = layout == Layout.LEGACY_DATA
        ? "INSERT INTO " + quoted + " (time, callid, queuename, agent, event, data) VALUES (?, ?, ?, ?, ?, ?)"
        : "INSERT INTO " + quoted + " (time, callid, queuename, agent, event, data1, data2, data3, data4, data5)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Sql.insertAll(dataSource, sql, records, (ps, r) -> {
      if (layout == Layout.EPOCH) {
        ps.setLong(1, r.epochSecond());
      } else {
        ps.setString(1, LocalDateTime.ofEpochSecond(r.epochSecond(), 0,
            zone.getRules().getOffset(java.time.Instant.ofEpochSecond(r.epochSecond()))).toString()
            .replace('T', ' '));
      }
      ps.setString(2, r.callId());
      ps.setString(3, r.queue());
      ps.setString(4, r.agent());
      ps.setString(5, r.event());
      if (layout == Layout.LEGACY_DATA) {
        ps.setString(6, String.join("|", r.data()));
      } else {
        for (int i = 1; i <= 4; i++) {
          ps.setString(5 + i, r.data(i));
        }
        ps.setString(10, r.data().size() > 4 ? String.join("|", r.data().subList(4, r.data().size())) : "");
      }
    }, "inserting into queue_log table " + table);
  }
}
