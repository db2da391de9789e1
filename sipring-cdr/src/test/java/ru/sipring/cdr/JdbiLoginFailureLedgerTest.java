package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import ru.sipring.cdr.DatabasePool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The *45 wrong-PIN ledger in MariaDB: what one login server process writes, the next one reads. */
class JdbiLoginFailureLedgerTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create("loginfail");
    SipRingSchema.migrate(db.dataSource());
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void failuresAndTheGlobalLockSurviveANewPoolAsAfterARestart() {
    db.execute("DELETE FROM sipring_login_failure", "DELETE FROM sipring_setting");
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    try (DatabasePool first = Databases.pooled(db.jdbcUrl(), TestDatabase.user(), TestDatabase.password())) {
      JdbiLoginFailureLedger ledger = JdbiLoginFailureLedger.of(first, clock);
      ledger.recordFailure("PJSIP/601", T0.minusSeconds(30));
      ledger.recordFailure("PJSIP/602", T0.minusSeconds(20));
      ledger.recordFailure("PJSIP/602", T0.minusSeconds(10));
      ledger.lockAll(T0.plusSeconds(900));
      ledger.lockAll(T0.plusSeconds(60)); // an earlier end does not shorten the lock
    }
    // the login server restarts: a new process, a new pool, the same database
    try (DatabasePool second = Databases.pooled(db.jdbcUrl(), TestDatabase.user(), TestDatabase.password())) {
      JdbiLoginFailureLedger ledger = JdbiLoginFailureLedger.of(second, clock);
      assertThat(ledger.lockedUntil()).contains(T0.plusSeconds(900));
      assertThat(ledger.failuresSince(T0.minusSeconds(60))).isEqualTo(3);
      assertThat(ledger.failuresSince("PJSIP/602", T0.minusSeconds(60))).isEqualTo(2);
      assertThat(ledger.failuresSince("PJSIP/602", T0.minusSeconds(15))).isEqualTo(1);

      ledger.clearDevice("PJSIP/602");
      assertThat(ledger.failuresSince(T0.minusSeconds(60))).isEqualTo(1);
      ledger.forgetBefore(T0);
      assertThat(ledger.failuresSince(T0.minusSeconds(3600))).isZero();
    }
  }
}
