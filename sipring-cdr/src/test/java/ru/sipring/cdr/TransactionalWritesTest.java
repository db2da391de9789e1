package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.SipRingException;
import ru.sipring.core.queuelog.QueueLogRecord;

/** A write that fails part-way leaves nothing behind: the earlier batches are rolled back too. */
class TransactionalWritesTest {

  @Test
  void cdrInsertIsAllOrNothing() {
    try (TestDatabase db = TestDatabase.create("tx_cdr")) {
      CdrTables.createFreePbxTable(db.dataSource(), "cdr");
      List<CdrRecord> rows = new ArrayList<>();
      for (int i = 0; i < 2_500; i++) {
        // row 2,200 (in the third batch) is too long for accountcode varchar(20): strict mode refuses it
        rows.add(new CdrRecord(LocalDateTime.parse("2024-01-01T00:00:00").plusSeconds(i), "", "1", "2", "", "", "",
            "", "", Duration.ZERO, Duration.ZERO, "ANSWERED", 3, i == 2_200 ? "x".repeat(50) : "", "u" + i, "", "",
            "", "", "", "", "", "", "", "", 0));
      }

      assertThatThrownBy(() -> CdrTables.insert(db.dataSource(), "cdr", rows)).isInstanceOf(SipRingException.class)
          .hasMessageContaining("inserting into cdr table cdr");
      assertThat(count(db, "cdr")).isZero();
    }
  }

  @Test
  void queueLogInsertIsAllOrNothing() {
    try (TestDatabase db = TestDatabase.create("tx_ql")) {
      QueueLogTables.create(db.dataSource(), "queue_log", QueueLogTables.Layout.DATETIME);
      List<QueueLogRecord> rows = new ArrayList<>();
      for (int i = 0; i < 1_500; i++) {
        rows.add(new QueueLogRecord(1_700_000_000L + i, "c" + i, i == 1_400 ? "q".repeat(300) : "150", "NONE",
            "ENTERQUEUE", List.of("", "100", "1")));
      }

      assertThatThrownBy(() -> QueueLogTables.insert(db.dataSource(), "queue_log", QueueLogTables.Layout.DATETIME,
          ZoneOffset.UTC, rows)).isInstanceOf(SipRingException.class);
      assertThat(count(db, "queue_log")).isZero();
    }
  }

  private static long count(TestDatabase db, String table) {
    try (var c = db.dataSource().getConnection(); var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
