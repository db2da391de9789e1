package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;
import ru.sipring.testkit.contract.QueueLogSourceContract;

/** The queue_log source contract on a MariaDB realtime table (DATETIME in a zone), plus table specifics. */
class QueueLogTableSourceTest extends QueueLogSourceContract {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private static TestDatabase db;
  private static final AtomicInteger TABLES = new AtomicInteger();

  @BeforeAll
  static void database() {
    db = TestDatabase.create("queue_log");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected QueueLogSource sourceWith(List<QueueLogRecord> records) {
    String table = "ql_" + TABLES.incrementAndGet();
    QueueLogTables.create(db.dataSource(), table, QueueLogTables.Layout.DATETIME);
    QueueLogTables.insert(db.dataSource(), table, QueueLogTables.Layout.DATETIME, ZONE, records);
    return QueueLogTableSource.builder(db.dataSource()).table(table).zone(ZONE).build();
  }

  @Test
  void junkRowsAreReportedByIdAndTheRestIsRead() {
    QueueLogSource source = sourceWith(List.of(rec(1_700_000_000L, "NONE", "NONE", "NONE", "QUEUESTART")));
    String table = "ql_" + TABLES.get();
    db.execute("SET SESSION sql_mode = ''",
        "INSERT INTO " + table + " (time, callid, queuename, agent, event) VALUES ('0000-00-00 00:00:00', 'x', "
            + "'150', 'NONE', 'ENTERQUEUE')",
        "INSERT INTO " + table + " (time, callid, queuename, agent, event) VALUES ('2023-11-14 22:13:21', 'y', "
            + "'150', 'NONE', '')");

    Collected got = readAll(source);

    assertThat(got.records).containsExactly(rec(1_700_000_000L, "NONE", "NONE", "NONE", "QUEUESTART"));
    assertThat(got.problems).extracting(InputProblem::line).containsExactly(2L, 3L);
    assertThat(got.problems.get(0).message()).contains("0000-00-00");
    assertThat(got.problems.get(1).message()).contains("empty event");
  }

  @Test
  void betweenReadsOnlyTheWindowHalfOpen() {
    List<QueueLogRecord> records = List.of(
        rec(1_700_000_000L, "a", "150", "NONE", "ENTERQUEUE", "", "100", "1"),
        rec(1_700_000_060L, "b", "150", "NONE", "ENTERQUEUE", "", "101", "1"),
        rec(1_700_000_120L, "c", "150", "NONE", "ENTERQUEUE", "", "102", "1"));
    sourceWith(records);
    String table = "ql_" + TABLES.get();

    for (QueueLogTables.Layout layout : List.of(QueueLogTables.Layout.DATETIME, QueueLogTables.Layout.EPOCH)) {
      String t = table + "_" + layout.name().toLowerCase();
      QueueLogTables.create(db.dataSource(), t, layout);
      QueueLogTables.insert(db.dataSource(), t, layout, ZONE, records);
      QueueLogSource window = QueueLogTableSource.builder(db.dataSource()).table(t).zone(ZONE)
          .between(Instant.ofEpochSecond(1_700_000_060L), Instant.ofEpochSecond(1_700_000_120L)).build();

      assertThat(readAll(window).records).as(layout.name()).containsExactly(records.get(1));
    }
  }

  @Test
  void timestampColumnIsReadAsAnInstantWhateverTheZone() {
    db.execute("CREATE TABLE ql_ts (id BIGINT AUTO_INCREMENT PRIMARY KEY, time TIMESTAMP NOT NULL, "
            + "callid VARCHAR(80), queuename VARCHAR(80), agent VARCHAR(80), event VARCHAR(32), data1 VARCHAR(100),"
            + " data2 VARCHAR(100), data3 VARCHAR(100), data4 VARCHAR(100), data5 VARCHAR(100))",
        "SET time_zone = '+00:00'");
    try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
      s.execute("SET time_zone = '+00:00'");
      s.execute("INSERT INTO ql_ts (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) "
          + "VALUES (FROM_UNIXTIME(1700000000), 'a', '150', 'NONE', 'ENTERQUEUE', '', '100', '1', NULL, NULL)");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }

    QueueLogSource source = QueueLogTableSource.builder(db.dataSource()).table("ql_ts")
        .zone(ZoneId.of("America/New_York")).build();

    assertThat(readAll(source).records).containsExactly(
        rec(1_700_000_000L, "a", "150", "NONE", "ENTERQUEUE", "", "100", "1"));
  }

  @Test
  void aTableThatIsNotQueueLogIsBadInput() {
    db.execute("CREATE TABLE not_ql (id INT PRIMARY KEY, event VARCHAR(10))");
    QueueLogSource source = QueueLogTableSource.builder(db.dataSource()).table("not_ql").build();

    assertThatThrownBy(() -> readAll(source)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no column 'time'");
    assertThatThrownBy(() -> QueueLogTableSource.builder(db.dataSource()).table("x; DROP TABLE y").build())
        .isInstanceOf(BadInputException.class);
  }
}
