package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ru.sipring.cdr.DatabasePool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.PinHasher;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cli.report.ReportCommandTest.Run;

/**
 * {@code report --db} names operators from the operator registry in the same database (the one *45 login uses)
 * when no {@code --agents} CSV is given; a CSV given explicitly replaces it. A database without the registry's
 * tables is covered by {@link ReportFromDatabaseTest} (its reports equal the file's).
 *
 * <p>Needs the test MariaDB ({@code source .ci/services.d/10-mariadb.sh}); fails without it when CI=true.
 */
class ReportDbOperatorsTest {
  static String server;
  static String database;
  static String url;
  static DatabasePool pool;

  @TempDir
  Path tmp;

  @BeforeAll
  static void aQueueLogTableAndTheOperatorRegistryInOneDatabase() throws Exception {
    String env = System.getenv("SIPRING_TEST_JDBC_URL");
    if (env == null || env.isBlank()) {
      String reason = "SIPRING_TEST_JDBC_URL is not set: start the test MariaDB with 'source .ci/services.d/10-mariadb.sh'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
    server = env.replaceFirst("\\?.*$", "").replaceFirst("/[^/]*$", "");
    database = "sipring_t_cli_reportops_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    try (Connection c = DriverManager.getConnection(server + "/", ReportFromDatabaseTest.user(),
        ReportFromDatabaseTest.password()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
    }
    url = server + "/" + database;
    pool = Databases.pooled(url, ReportFromDatabaseTest.user(), ReportFromDatabaseTest.password());
    try (Connection c = pool.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE queue_log (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " time DATETIME(6) NOT NULL, callid VARCHAR(80), queuename VARCHAR(256), agent VARCHAR(80),"
            + " event VARCHAR(32), data1 VARCHAR(100), data2 VARCHAR(100), data3 VARCHAR(100),"
            + " data4 VARCHAR(100), data5 VARCHAR(100))");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO queue_log"
          + " (time, callid, queuename, agent, event, data1, data2, data3) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        // two answered calls: one by an agent id (an alias in the registry), one by an interface (its extension)
        for (String[] r : List.of(
            new String[] {"2026-03-02 09:00:00", "c1", "6000", "NONE", "ENTERQUEUE", "", "74950000001", "1"},
            new String[] {"2026-03-02 09:00:03", "c1", "6000", "Agent/1001", "CONNECT", "3", "c1.1", "3"},
            new String[] {"2026-03-02 09:00:28", "c1", "6000", "Agent/1001", "COMPLETECALLER", "3", "25", "1"},
            new String[] {"2026-03-02 09:10:00", "c2", "6000", "NONE", "ENTERQUEUE", "", "74950000002", "1"},
            new String[] {"2026-03-02 09:10:05", "c2", "6000", "PJSIP/502", "CONNECT", "5", "c2.1", "5"},
            new String[] {"2026-03-02 09:11:05", "c2", "6000", "PJSIP/502", "COMPLETEAGENT", "5", "60", "1"})) {
          for (int i = 0; i < r.length; i++) {
            p.setString(i + 1, r[i]);
          }
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    SipRingSchema.migrate(pool);
    JdbiOperatorRegistry registry = JdbiOperatorRegistry.of(pool,
        PinHasher.ofSecret("report-test-secret-0123456789".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
    registry.setServicePassword(null, "sipring");
    registry.add("501", "Петрова ЛВ", null, "sipring");
    registry.add("502", "Иванов ВА", null, "sipring");
    registry.addAlias("501", "Agent/1001", "sipring");
  }

  @AfterAll
  static void drop() throws SQLException {
    if (pool != null) {
      pool.close();
    }
    if (database != null) {
      try (Connection c = DriverManager.getConnection(server + "/", ReportFromDatabaseTest.user(),
          ReportFromDatabaseTest.password()); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS `" + database + "`");
      }
    }
  }

  private static Run report(String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("--db", url, "--db-user", ReportFromDatabaseTest.user(),
        "--db-password", ReportFromDatabaseTest.password(), "--table", "queue_log", "--zone", "UTC",
        "--sections", "agents"));
    a.addAll(List.of(more));
    return ReportCommandTest.run(a.toArray(String[]::new));
  }

  @Test
  void withoutACsvTheRegistryNamesTheOperators() {
    Run r = report();
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("501    Петрова ЛВ").contains("502    Иванов ВА").doesNotContain("Agent/1001");
  }

  @Test
  void anExplicitCsvReplacesTheRegistry() throws Exception {
    Path csv = tmp.resolve("agents.csv");
    Files.writeString(csv, "agent,number,name\nAgent/1001,501,Сидорова АП\n", StandardCharsets.UTF_8);
    Run r = report("--agents", csv.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).as("the CSV's name, and none from the registry even for an agent the CSV lacks")
        .contains("Сидорова АП").doesNotContain("Петрова ЛВ").doesNotContain("Иванов ВА");
  }
}
