package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ru.sipring.cdr.DatabasePool;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;

/** Failures surface as typed SipRing exceptions with the driver's cause kept. */
class DatabaseFailureTest {

  /** A port where nothing listens: bind, remember, release. */
  private static int deadPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void databaseDownIsAConnectionException() throws Exception {
    String url = "jdbc:mariadb://127.0.0.1:" + deadPort() + "/asteriskcdrdb";
    try (DatabasePool down = Databases.pooled(url, "sipring", "sipring", 2, Duration.ofSeconds(1))) {
      JdbiOperatorRegistry registry = JdbiOperatorRegistry.of(down, OperatorRegistryFixture.PINS,
          Clock.systemUTC());

      assertThatThrownBy(registry::list).isInstanceOf(ConnectionException.class)
          .hasMessageContaining("listing operators").hasRootCauseInstanceOf(java.net.ConnectException.class);
      assertThatThrownBy(() -> registry.authenticate("7391")).isInstanceOf(ConnectionException.class);
      assertThatThrownBy(() -> SipRingSchema.migrate(down)).isInstanceOf(ConnectionException.class)
          .hasCauseInstanceOf(Exception.class);
    }
  }

  @Test
  void constraintViolationIsRejectedWithTheCause() {
    try (TestDatabase db = TestDatabase.create("constraint")) {
      SipRingSchema.migrate(db.dataSource());
      JdbiOperatorRegistry registry = JdbiOperatorRegistry.of(db.dataSource(), OperatorRegistryFixture.PINS,
          Clock.systemUTC());
      registry.setServicePassword(null, "pw");
      registry.add("501", "Петрова ЛВ", "7391", "pw");

      assertThatThrownBy(() -> registry.add("502", "Иванов ИИ", "7391", "pw"))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("already used by another active operator")
          .hasRootCauseInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class);
      assertThat(registry.list()).hasSize(1);
    }
  }
}
