package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cdr.CdrQuery;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.cdr.PinHasher;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.cdr.QueueLogTables;
import ru.sipring.cdr.Recording;
import ru.sipring.cdr.Recordings;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;

/** The snippets of docs/cdr.md, compiled and run against the test MariaDB. */
class CdrDocsTest {
  @TempDir
  Path tmp;

  @Test
  void snippetsOfCdrMd() throws Exception {
    String env = System.getenv("SIPRING_TEST_JDBC_URL");
    if (env == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but SIPRING_TEST_JDBC_URL is not set");
      }
      Assumptions.abort("SIPRING_TEST_JDBC_URL is not set: source .ci/services.d/10-mariadb.sh");
    }
    String user = System.getenv().getOrDefault("SIPRING_TEST_DB_USER", "sipring");
    String password = System.getenv().getOrDefault("SIPRING_TEST_DB_PASSWORD", "sipring");
    String server = env.replaceFirst("\\?.*$", "").replaceFirst("/[^/]*$", "");
    String name = "sipring_t_docs_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = DriverManager.getConnection(server + "/", user, password); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    try (HikariDataSource db = Databases.pooled(server + "/" + name, user, password)) {
      // -- SipRing's schema
      SipRingSchema.Result r = SipRingSchema.migrate(db);
      assertThat(r.applied()).isPositive();

      // -- operators
      Files.writeString(tmp.resolve("pin.key"), "docs-example-secret-0123456789");
      PinHasher pins = PinHasher.ofSecretFile(tmp.resolve("pin.key"));
      OperatorRegistry operators = JdbiOperatorRegistry.create(db, pins, Clock.systemUTC());
      operators.setServicePassword(null, "sipring");
      operators.add("501", "Петрова ЛВ", "7391", "sipring");
      operators.setPin("501", "50827", "sipring");
      operators.addAlias("501", "Agent/7001", "sipring");
      Optional<Operator> who = operators.authenticate("50827");
      Optional<Operator> op = operators.operatorOf("Local/501@from-queue/n");
      operators.record(new OperatorLoginLog.Entry(op.orElseThrow(), "150", "PJSIP/501",
          OperatorLoginLog.Action.LOGIN, Instant.parse("2024-05-01T06:00:00Z"), "agi"));
      assertThat(who).contains(new Operator("501", "Петрова ЛВ"));
      assertThat(operators.loginEntries(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"))).hasSize(1);

      // -- call detail records
      CdrTables.createFreePbxTable(db, "cdr");
      CdrTables.insert(db, "cdr", List.of(new CdrRecord(LocalDateTime.parse("2024-05-01T09:00:00"), "", "101", "200",
          "from-internal", "", "", "Dial", "", Duration.ofSeconds(42), Duration.ofSeconds(30), "ANSWERED", 3, "",
          "1714543200.1", "", "", "rec-1.wav", "", "", "", "", "", "1714543200.1", "", 1)));
      CdrRepository cdr = JdbiCdrRepository.create(db);
      CdrQuery q = CdrQuery.builder()
          .window(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"), ZoneId.of("Europe/Moscow"))
          .src("101").disposition("ANSWERED")
          .build();
      List<CdrRecord> got = new ArrayList<>();
      long n = cdr.read(q, new CdrRepository.Sink() {
        @Override
        public void record(CdrRecord record) {
          got.add(record);
        }

        @Override
        public void problem(InputProblem problem) {
          throw new AssertionError(problem.toString());
        }
      });
      assertThat(n).isEqualTo(1);

      // -- queue_log table
      QueueLogTables.create(db, "queue_log", QueueLogTables.Layout.DATETIME);
      QueueLogTables.insert(db, "queue_log", QueueLogTables.Layout.DATETIME, ZoneId.of("Europe/Moscow"), List.of(
          new QueueLogRecord(1_714_543_200L, "1714543200.1", "150", "NONE", "ENTERQUEUE", List.of("", "101", "1"))));
      QueueLogSource source = QueueLogTableSource.builder(db)
          .table("queue_log")
          .zone(ZoneId.of("Europe/Moscow"))
          .build();
      List<QueueLogRecord> records = new ArrayList<>();
      source.read(new QueueLogSource.Sink() {
        @Override
        public void record(QueueLogRecord record) {
          records.add(record);
        }

        @Override
        public void problem(InputProblem problem) {
          throw new AssertionError(problem.toString());
        }
      });
      assertThat(records).hasSize(1);

      // -- recordings
      Path monitor = tmp.resolve("monitor");
      Files.createDirectories(monitor.resolve("2024/05/01"));
      Files.write(monitor.resolve("2024/05/01/rec-1.wav"), new byte[] {1, 2, 3});
      Recordings recordings = Recordings.create(JdbiCdrRepository.create(db), monitor);
      Recording rec = recordings.find("1714543200.1");
      rec.saveTo(tmp.resolve("call.wav"));
      assertThat(tmp.resolve("call.wav")).hasBinaryContent(new byte[] {1, 2, 3});
    } finally {
      try (Connection c = DriverManager.getConnection(server + "/", user, password); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
    }
  }
}
