package ru.sipring.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ru.sipring.cdr.DatabasePool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.cli.report.ReportCommandTest.Run;

/**
 * The contract of {@code report --db}: the shipped sample log loaded into a realtime queue_log table gives the
 * same report as the file, byte for byte, for every format. Two tables: Asterisk's adaptive layout with a DATETIME
 * time column in the report's zone and data1..data5, and a legacy layout with epoch seconds and one data column.
 *
 * <p>Needs the test MariaDB ({@code source .ci/services.d/10-mariadb.sh}); fails without it when CI=true.
 */
class ReportFromDatabaseTest {
  static final Path SAMPLE = Path.of(ReportCommandTest.SAMPLE);
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  static final String DATETIME_TABLE = "queue_log";
  static final String EPOCH_TABLE = "queue_log_epoch";

  static String server;
  static String database;
  static String url;
  static DatabasePool pool;
  static int rows;

  @TempDir
  Path tmp;

  @BeforeAll
  static void loadTheSampleIntoTwoTables() throws Exception {
    String env = System.getenv("SIPRING_TEST_JDBC_URL");
    if (env == null || env.isBlank()) {
      String reason = "SIPRING_TEST_JDBC_URL is not set: source .ci/services.d/10-mariadb.sh";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
    server = env.replaceFirst("\\?.*$", "").replaceFirst("/[^/]*$", "");
    database = "sipring_t_cli_report_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    try (Connection c = DriverManager.getConnection(server + "/", user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
    }
    url = server + "/" + database;
    pool = Databases.pooled(url, user(), password());
    List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    try (Connection c = pool.getConnection()) {
      try (Statement s = c.createStatement()) {
        // Asterisk's realtime queue_log (contrib/realtime/mysql, "adaptive" data1..data5), local time
        s.execute("CREATE TABLE " + DATETIME_TABLE + " (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " time DATETIME(6) NOT NULL, callid VARCHAR(80), queuename VARCHAR(256), agent VARCHAR(80),"
            + " event VARCHAR(32), data1 VARCHAR(100), data2 VARCHAR(100), data3 VARCHAR(100),"
            + " data4 VARCHAR(100), data5 VARCHAR(100), KEY (time))");
        // the legacy layout: epoch seconds and one pipe-joined data column
        s.execute("CREATE TABLE " + EPOCH_TABLE + " (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " time BIGINT NOT NULL, callid VARCHAR(80), queuename VARCHAR(256), agent VARCHAR(80),"
            + " event VARCHAR(32), data VARCHAR(255))");
      }
      c.setAutoCommit(false);
      try (PreparedStatement adaptive = c.prepareStatement("INSERT INTO " + DATETIME_TABLE
              + " (time, callid, queuename, agent, event, data1, data2, data3, data4, data5)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement legacy = c.prepareStatement("INSERT INTO " + EPOCH_TABLE
              + " (time, callid, queuename, agent, event, data) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (String line : lines) {
          if (line.isEmpty()) {
            continue;
          }
          String[] f = line.split("\\|", -1);
          assertThat(f.length).as(line).isGreaterThanOrEqualTo(5);
          long epoch = Long.parseLong(f[0]);
          List<String> data = Arrays.asList(f).subList(5, f.length);
          adaptive.setString(1, LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), ZONE).toString().replace('T', ' '));
          legacy.setLong(1, epoch);
          for (int i = 2; i <= 5; i++) {
            adaptive.setString(i, f[i - 1]);
            legacy.setString(i, f[i - 1]);
          }
          for (int i = 0; i < 4; i++) {
            adaptive.setString(6 + i, i < data.size() ? data.get(i) : "");
          }
          // Asterisk puts whatever follows data4 into data5, pipes included
          adaptive.setString(10, data.size() > 4 ? String.join("|", data.subList(4, data.size())) : "");
          legacy.setString(6, String.join("|", data));
          adaptive.addBatch();
          legacy.addBatch();
          rows++;
        }
        adaptive.executeBatch();
        legacy.executeBatch();
      }
      c.commit();
    }
    assertThat(rows).isGreaterThan(5000);
  }

  @AfterAll
  static void drop() throws SQLException {
    if (pool != null) {
      pool.close();
    }
    if (database != null) {
      try (Connection c = DriverManager.getConnection(server + "/", user(), password());
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS `" + database + "`");
      }
    }
  }

  static String user() {
    String u = System.getenv("SIPRING_TEST_DB_USER");
    return u == null ? "sipring" : u;
  }

  static String password() {
    String p = System.getenv("SIPRING_TEST_DB_PASSWORD");
    return p == null ? "sipring" : p;
  }

  /** The report options both runs share: the sample's directories, a zone, a window in the middle of the week. */
  static List<String> common(String... more) {
    List<String> a = new ArrayList<>(List.of("--agents", "../data/agents.csv", "--queues", "../data/queues.csv",
        "--zone", ZONE.getId()));
    a.addAll(List.of(more));
    return a;
  }

  static Run fromFile(List<String> options) {
    List<String> a = new ArrayList<>(List.of("--queue-log", ReportCommandTest.SAMPLE));
    a.addAll(options);
    return ReportCommandTest.run(a.toArray(String[]::new));
  }

  static Run fromTable(String table, List<String> options) {
    List<String> a = new ArrayList<>(List.of("--db", url, "--db-user", user(), "--db-password", password(),
        "--table", table));
    a.addAll(options);
    return ReportCommandTest.run(a.toArray(String[]::new));
  }

  /** What {@code problems.sources} names: the table instead of the file, the one line that must differ. */
  static String tableName(String table) {
    return QueueLogTableSource.builder(pool).table(table).zone(ZONE).build().name();
  }

  @ParameterizedTest
  @ValueSource(strings = {DATETIME_TABLE, EPOCH_TABLE})
  void jsonFromTheTableIsTheFilesJson(String table) {
    for (List<String> options : List.of(
        common("--format", "json"),
        common("--format", "json", "--from", "2026-03-03", "--to", "2026-03-05T12:30", "--period", "hour"),
        common("--format", "json", "--queue", "6001", "--sl", "10,20,60", "--short-abandon", "5"))) {
      Run file = fromFile(options);
      Run db = fromTable(table, options);
      assertThat(file.exit()).as(file.err()).isZero();
      assertThat(db.exit()).as(db.err()).isZero();
      assertThat(file.out()).contains("\"answered\"").contains("\"" + ReportCommandTest.SAMPLE + "\"");
      assertThat(db.out()).as("report --db %s vs --queue-log", options)
          .isEqualTo(file.out().replace("\"" + ReportCommandTest.SAMPLE + "\"", "\"" + tableName(table) + "\""));
      assertThat(db.err()).isEqualTo(file.err());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DATETIME_TABLE, EPOCH_TABLE})
  void textAndHtmlFromTheTableAreTheFiles(String table) {
    for (List<String> options : List.of(
        common(),
        common("--lang", "en", "--from", "2026-03-04", "--to", "2026-03-04", "--period", "hour"),
        common("--format", "html", "--agent", "501"))) {
      Run file = fromFile(options);
      Run db = fromTable(table, options);
      assertThat(file.exit()).as(file.err()).isZero();
      assertThat(db.exit()).as(db.err()).isZero();
      assertThat(file.out()).hasSizeGreaterThan(1000);
      assertThat(db.out()).as("report --db %s vs --queue-log", options).isEqualTo(file.out());
    }
  }

  @Test
  void csvFilesFromTheTableAreTheFiles() throws IOException {
    Path fileDir = tmp.resolve("file");
    Path dbDir = tmp.resolve("db");
    assertThat(fromFile(common("--format", "csv", "--bom", "--out", fileDir.toString())).exit()).isZero();
    assertThat(fromTable(DATETIME_TABLE, common("--format", "csv", "--bom", "--out", dbDir.toString())).exit())
        .isZero();
    List<String> names;
    try (Stream<Path> files = Files.list(fileDir)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names).contains("answered.csv", "lost.csv", "summary.csv", "agents.csv");
    for (String name : names) {
      assertThat(Files.readAllBytes(dbDir.resolve(name))).as(name).isEqualTo(Files.readAllBytes(fileDir.resolve(name)));
    }
  }

  @Test
  void theDatetimeColumnIsReadInTheReportsZone() throws IOException {
    // the same DATETIME rows read in another zone are other instants: the whole week moves by three hours
    List<String> utc = List.of("--zone", "UTC", "--format", "json", "--sections", "answered");
    String fromDatetime = fromTable(DATETIME_TABLE, utc).out();
    String fromEpoch = fromTable(EPOCH_TABLE, utc).out();
    assertThat(fromEpoch).isEqualTo(fromFile(utc).out());
    assertThat(fromDatetime).isNotEqualTo(fromEpoch);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    Instant shifted = OffsetDateTime.parse(mapper.readTree(fromDatetime).get("answered").get(0).get("enteredAt")
        .asText()).toInstant();
    Instant real = OffsetDateTime.parse(mapper.readTree(fromEpoch).get("answered").get(0).get("enteredAt").asText())
        .toInstant();
    assertThat(java.time.Duration.between(real, shifted)).isEqualTo(java.time.Duration.ofHours(3));
  }

  @Test
  void aDatabaseThatIsDownIsOneClearErrorNamingTheUrlWithoutThePassword() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String down = "jdbc:mariadb://127.0.0.1:" + port + "/asteriskcdrdb?user=u&password=s3cret";
    Run r = ReportCommandTest.run("--db", down, "--db-password", "hunter2", "--zone", "UTC");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("sipring report: cannot connect to jdbc:mariadb://127.0.0.1:" + port
        + "/asteriskcdrdb?user=u&password=***: ");
    assertThat(r.err()).doesNotContain("s3cret").doesNotContain("hunter2");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingTableNamesTheDatabase() {
    Run r = fromTable("no_such_table", common("--format", "json"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("sipring report: " + url).contains("no_such_table").doesNotContain(password() + "@");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void queueLogAndDbAreExclusiveAndOneIsRequired() {
    Run both = ReportCommandTest.run("--queue-log", ReportCommandTest.SAMPLE, "--db", "jdbc:mariadb://x/y");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).startsWith("--db: ").contains("not both");
    Run neither = ReportCommandTest.run("--zone", "UTC");
    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).startsWith("--queue-log: ").contains("--db JDBC_URL");
    Run tableAlone = ReportCommandTest.run("--queue-log", ReportCommandTest.SAMPLE, "--table", "queuelog");
    assertThat(tableAlone.exit()).isEqualTo(2);
    assertThat(tableAlone.err()).startsWith("--table: only with --db");
  }

  @Test
  void redactedHidesPasswordsInUrls() {
    assertThat(ReportCommand.redacted("jdbc:mariadb://pbx:3306/asteriskcdrdb")).isEqualTo("jdbc:mariadb://pbx:3306/asteriskcdrdb");
    assertThat(ReportCommand.redacted("jdbc:mariadb://pbx/db?user=a&password=p&useSsl=true"))
        .isEqualTo("jdbc:mariadb://pbx/db?user=a&password=***&useSsl=true");
    assertThat(ReportCommand.redacted("jdbc:mysql://a:b@pbx/db")).isEqualTo("jdbc:mysql://a:***@pbx/db");
  }
}
