package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipRingSchemaTest {

  @Test
  void migratesOnceThenIsIdempotent() {
    try (TestDatabase db = TestDatabase.create("schema")) {
      SipRingSchema.Result first = SipRingSchema.migrate(db.dataSource());
      SipRingSchema.Result second = SipRingSchema.migrate(db.dataSource());

      assertThat(first.applied()).isPositive();
      assertThat(second.applied()).isZero();
      assertThat(second.version()).isEqualTo(first.version());
      assertThat(tables(db)).contains("sipring_operator", "sipring_operator_login", "sipring_operator_alias",
          "sipring_setting", SipRingSchema.HISTORY_TABLE);
    }
  }

  @Test
  void sharesAFreePbxDatabaseThatAlreadyHasTables() {
    try (TestDatabase db = TestDatabase.create("schema_shared")) {
      db.execute("CREATE TABLE cdr (calldate DATETIME NOT NULL, src VARCHAR(80) NOT NULL DEFAULT '')",
          "INSERT INTO cdr VALUES ('2024-04-14 20:27:00', '100')");

      SipRingSchema.Result result = SipRingSchema.migrate(db.dataSource());

      assertThat(result.applied()).isPositive();
      assertThat(tables(db)).contains("cdr", "sipring_operator");
    }
  }

  private static List<String> tables(TestDatabase db) {
    List<String> out = new ArrayList<>();
    try (var c = db.dataSource().getConnection(); ResultSet rs = c.getMetaData().getTables(db.name(), null, "%",
        new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
