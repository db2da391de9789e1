package ru.sipring.web;

import java.nio.file.Path;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import ru.sipring.cdr.CdrTables;
import ru.sipring.testkit.cdr.JdbcCdrSink;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;

/**
 * The billing tests' panel: an embedded database holding SipRing's tables and a FreePBX {@code cdr} table, the fake
 * PBX writing its CDR rows there, the CDR reconciliation polling it, and a recordings directory.
 */
final class BillingTestSupport {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

  private BillingTestSupport() {
  }

  static void properties(DynamicPropertyRegistry r, String database, Path recordings) {
    WebTestSupport.properties(r);
    r.add("sipring.database.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;MODE=MariaDB"
        + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE");
    r.add("sipring.database.username", () -> "sa");
    r.add("sipring.database.migrate", () -> "true");
    r.add("sipring.campaign.cdr.table", () -> "cdr");
    r.add("sipring.campaign.cdr.period", () -> "200ms");
    r.add("sipring.recordings.directory", recordings::toString);
  }

  /** The fake PBX, writing a CDR row into {@code cdr} (created here, FreePBX's columns) when a call ends. */
  @TestConfiguration(proxyBeanMethods = false)
  static class FakePbx {
    @Bean
    InMemoryPbxGateway pbx(DataSource dataSource) {
      // H2 takes the FreePBX columns but not MariaDB's inline KEY clauses, prefix index and table options
      String ddl = CdrTables.FREEPBX_DDL.replaceAll(",\\s*KEY calldate[\\s\\S]*?\\(191\\)\\)", "")
          .replaceAll("\\) ENGINE[^\\n]*$", ")");
      try (var c = dataSource.getConnection(); var st = c.createStatement()) {
        st.execute(String.format(ddl, "cdr"));
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      return InMemoryPbxGateway.of().writingCdr(JdbcCdrSink.of(dataSource, "cdr"), ZONE, true);
    }
  }
}
