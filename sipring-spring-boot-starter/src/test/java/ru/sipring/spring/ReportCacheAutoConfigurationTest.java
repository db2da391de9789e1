package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;
import ru.sipring.cdr.QueueLogTables;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.core.queuelog.QueueLogRecord;

/**
 * {@code sipring.report.cache.*} bound and applied by the auto-configuration, over files and over the database
 * table. Computations are counted with an {@link InboundReports.Listener} bean (called once per computation).
 */
class ReportCacheAutoConfigurationTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SipRingDatabaseAutoConfiguration.class, SipRingAutoConfiguration.class));

  @TempDir
  Path dir;

  private static List<String> call(long t, String id) {
    return List.of(t + "|" + id + "|6000|NONE|ENTERQUEUE||79001234567|1",
        (t + 5) + "|" + id + "|6000|PJSIP/501|CONNECT|5|" + id + "9|2",
        (t + 65) + "|" + id + "|6000|PJSIP/501|COMPLETECALLER|5|60|1");
  }

  private static List<QueueLogRecord> records(long t, String id) {
    return List.of(new QueueLogRecord(t, id, "6000", "NONE", "ENTERQUEUE", List.of("", "79001234567", "1")),
        new QueueLogRecord(t + 5, id, "6000", "PJSIP/501", "CONNECT", List.of("5", id + "9", "2")),
        new QueueLogRecord(t + 65, id, "6000", "PJSIP/501", "COMPLETECALLER", List.of("5", "60", "1")));
  }

  /** Every section but the agents' (whose open sessions run to now), the whole data. */
  private static InboundReports.Query withoutAgents() {
    java.util.EnumSet<ru.sipring.core.report.ReportSection> s =
        java.util.EnumSet.complementOf(java.util.EnumSet.of(ru.sipring.core.report.ReportSection.AGENTS));
    return new InboundReports.Query(null, null, ZONE, s, List.of(), List.of(), List.of(),
        ru.sipring.core.report.ReportView.QUEUE, ru.sipring.core.report.PeriodTable.PeriodUnit.DAY);
  }

  @Test
  void theDefaultsKeepReportsOverFilesAndSeeAppendedLines() throws IOException {
    Path log = Files.write(dir.resolve("queue_log"), call(1_772_431_200L, "1772431200.1"));
    AtomicInteger computed = new AtomicInteger();
    runner.withBean(InboundReports.Listener.class, () -> (took, failed) -> computed.incrementAndGet())
        .withPropertyValues("sipring.queue-log.paths=" + log, "sipring.zone=Europe/Moscow")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          ReportCacheProperties p = ctx.getBean(ReportCacheProperties.class);
          assertThat(p.enabled()).isTrue();
          assertThat(p.maxSize()).isNull();
          assertThat(p.maxBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
          assertThat(p.maxAge()).isEqualTo(Duration.ofSeconds(60));
          assertThat(p.liveMaxAge()).isZero();
          InboundReports reports = ctx.getBean(InboundReports.class);
          InboundReports.Query q = withoutAgents();
          assertThat(reports.compute(q).summary().answered()).isEqualTo(1);
          assertThat(reports.compute(q).summary().answered()).isEqualTo(1);
          assertThat(computed).hasValue(1);
          Files.write(log, call(1_772_434_800L, "1772434800.2"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
          assertThat(reports.compute(q).summary().answered()).isEqualTo(2);
          assertThat(computed).hasValue(2);
          // every section over an open window has the agents' times, which run to now: computed each time
          reports.compute(InboundReports.Query.all(ZONE));
          reports.compute(InboundReports.Query.all(ZONE));
          assertThat(computed).hasValue(4);
        });
  }

  @Test
  void propertiesAreBoundAndTheSwitchTurnsTheCacheOff() throws IOException {
    Path log = Files.write(dir.resolve("queue_log"), call(1_772_431_200L, "1772431200.1"));
    runner.withPropertyValues("sipring.queue-log.paths=" + log, "sipring.report.cache.max-size=64MB",
            "sipring.report.cache.max-age=5m", "sipring.report.cache.live-max-age=15s")
        .run(ctx -> {
          ReportCacheProperties p = ctx.getBean(ReportCacheProperties.class);
          assertThat(p.maxSize()).isEqualTo(DataSize.ofMegabytes(64));
          assertThat(p.maxBytes()).isEqualTo(64L << 20);
          assertThat(p.maxAge()).isEqualTo(Duration.ofMinutes(5));
          assertThat(p.liveMaxAge()).isEqualTo(Duration.ofSeconds(15));
        });
    AtomicInteger computed = new AtomicInteger();
    runner.withBean(InboundReports.Listener.class, () -> (took, failed) -> computed.incrementAndGet())
        .withPropertyValues("sipring.queue-log.paths=" + log, "sipring.report.cache.enabled=false")
        .run(ctx -> {
          InboundReports reports = ctx.getBean(InboundReports.class);
          reports.compute(InboundReports.Query.all(ZONE));
          reports.compute(InboundReports.Query.all(ZONE));
          assertThat(computed).hasValue(2);
          assertThat(reports.cachedReports()).isZero();
        });
  }

  @Test
  void theTableWithAnIdColumnIsFingerprintedByItsIds() {
    try (TestDatabase db = TestDatabase.create("report_cache_id")) {
      QueueLogTables.create(db.dataSource(), "queue_log", QueueLogTables.Layout.DATETIME);
      QueueLogTables.insert(db.dataSource(), "queue_log", QueueLogTables.Layout.DATETIME, ZONE,
          records(1_772_431_200L, "1772431200.1"));
      tableSeesInsertedRows(db, () -> QueueLogTables.insert(db.dataSource(), "queue_log",
          QueueLogTables.Layout.DATETIME, ZONE, records(1_772_434_800L, "1772434800.2")));
    }
  }

  @Test
  void theTableWithoutAnIdColumnIsFingerprintedByCountAndLatestTime() {
    try (TestDatabase db = TestDatabase.create("report_cache_noid")) {
      db.execute("CREATE TABLE queue_log (time DATETIME, callid VARCHAR(80), queuename VARCHAR(64),"
          + " agent VARCHAR(64), event VARCHAR(32), data1 VARCHAR(100), data2 VARCHAR(100), data3 VARCHAR(100),"
          + " data4 VARCHAR(100), data5 VARCHAR(100))");
      db.execute(
          "INSERT INTO queue_log VALUES ('2026-03-02 09:00:00','1.1','6000','NONE','ENTERQUEUE','','7000123','1','','')",
          "INSERT INTO queue_log VALUES ('2026-03-02 09:00:05','1.1','6000','PJSIP/501','CONNECT','5','1.2','3','','')",
          "INSERT INTO queue_log VALUES ('2026-03-02 09:01:05','1.1','6000','PJSIP/501','COMPLETECALLER','5','60','1','','')");
      tableSeesInsertedRows(db, () -> db.execute(
          "INSERT INTO queue_log VALUES ('2026-03-02 10:00:00','2.1','6000','NONE','ENTERQUEUE','','7000124','1','','')",
          "INSERT INTO queue_log VALUES ('2026-03-02 10:00:05','2.1','6000','PJSIP/501','CONNECT','5','2.2','3','','')",
          "INSERT INTO queue_log VALUES ('2026-03-02 10:01:05','2.1','6000','PJSIP/501','COMPLETECALLER','5','60','1','','')"));
    }
  }

  @Test
  void theEmbeddedDatabaseTableToo() {
    try (TestDatabase db = TestDatabase.embedded("report_cache")) {
      QueueLogTables.create(db.dataSource(), "queue_log", QueueLogTables.Layout.DATETIME);
      QueueLogTables.insert(db.dataSource(), "queue_log", QueueLogTables.Layout.DATETIME, ZONE,
          records(1_772_431_200L, "1772431200.1"));
      tableSeesInsertedRows(db, () -> QueueLogTables.insert(db.dataSource(), "queue_log",
          QueueLogTables.Layout.DATETIME, ZONE, records(1_772_434_800L, "1772434800.2")));
    }
  }

  /** One answered call in the table; {@code insert} adds a second. */
  private void tableSeesInsertedRows(TestDatabase db, Runnable insert) {
    QueueLogProvider.Fingerprint before = DatabaseGlue.tableFingerprint(db.dataSource(), "queue_log");
    assertThat(before).isNotNull();
    assertThat(before.appendsOnly()).isTrue();
    assertThat(DatabaseGlue.tableFingerprint(db.dataSource(), "queue_log")).isEqualTo(before);
    AtomicInteger computed = new AtomicInteger();
    runner.withBean(InboundReports.Listener.class, () -> (took, failed) -> computed.incrementAndGet())
        .withPropertyValues("sipring.database.url=" + db.jdbcUrl(),
            "sipring.database.username=" + (db.isEmbedded() ? "sa" : TestDatabase.user()),
            "sipring.database.password=" + (db.isEmbedded() ? "" : TestDatabase.password()),
            "sipring.zone=Europe/Moscow", "sipring.database.migrate=true",
            // the registry names operators here, so max-age bounds every entry: long enough for a slow machine
            "sipring.report.cache.max-age=1h")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          InboundReports reports = ctx.getBean(InboundReports.class);
          assertThat(reports.source()).isEqualTo("table queue_log");
          InboundReports.Query q = withoutAgents();
          assertThat(reports.compute(q).summary().answered()).isEqualTo(1);
          assertThat(reports.compute(q).summary().answered()).isEqualTo(1);
          assertThat(computed).hasValue(1);
          insert.run();
          assertThat(DatabaseGlue.tableFingerprint(db.dataSource(), "queue_log")).isNotEqualTo(before);
          assertThat(reports.compute(q).summary().answered()).isEqualTo(2);
          assertThat(computed).hasValue(2);
        });
  }

  @Test
  void aTableNameThatIsNotAPlainIdentifierHasNoFingerprint() {
    try (TestDatabase db = TestDatabase.embedded("report_cache_name")) {
      assertThat(DatabaseGlue.tableFingerprint(db.dataSource(), "queue_log; DROP TABLE x")).isNull();
      assertThat(DatabaseGlue.tableFingerprint(db.dataSource(), "no_such_table")).isNull();
    }
  }
}
