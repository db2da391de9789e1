package ru.sipring.benchmarks.cdr;

import ru.sipring.cdr.DatabasePool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Locale;
import ru.sipring.cdr.CdrQuery;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.cdr.QueueLogTables;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;

/**
 * Whole-process benchmark: streams N rows (default 1,000,000) of a FreePBX {@code cdr} table and of a realtime
 * {@code queue_log} table from MariaDB through {@link JdbiCdrRepository} and {@link QueueLogTableSource}, and
 * prints rows/s and the peak heap used. Run it with a small heap ({@code -Xmx64m}) to show memory does not
 * grow with the row count. The tables are generated server-side with MariaDB's SEQUENCE engine in a database
 * of their own ({@code sipring_bench_cdr}), kept between runs unless {@code --reload}.
 *
 * <pre>
 * java -Xmx64m -cp benchmarks/target/sipring-benchmarks-*-all.jar ru.sipring.benchmarks.cdr.DbStreamingBenchmark \
 *     [jdbc:mariadb://127.0.0.1:3366/] [rows] [--reload]
 * </pre>
 */
public final class DbStreamingBenchmark {
  private static final String DB = "sipring_bench_cdr";

  private DbStreamingBenchmark() {}

  public static void main(String[] args) throws Exception {
    String server = args.length > 0 ? args[0] : System.getenv().getOrDefault("SIPRING_TEST_JDBC_URL",
        "jdbc:mariadb://127.0.0.1:3366/asteriskcdrdb").replaceFirst("/[^/]*$", "/");
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    boolean reload = args.length > 2 && args[2].equals("--reload");
    String user = System.getenv().getOrDefault("SIPRING_TEST_DB_USER", "sipring");
    String password = System.getenv().getOrDefault("SIPRING_TEST_DB_PASSWORD", "sipring");

    try (DatabasePool ds = Databases.pooled(server + DB, user, password)) {
      prepare(server, user, password, ds, rows, reload);
      System.out.printf(Locale.ROOT, "rows=%d, heap max=%d MB, cores=%d%n", rows,
          Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
      for (int round = 1; round <= 3; round++) {
        measure("cdr       round " + round, () -> streamCdr(ds));
        measure("queue_log round " + round, () -> streamQueueLog(ds));
      }
    }
  }

  private static long streamCdr(DatabasePool ds) {
    long[] acc = {0, 0};
    long n = JdbiCdrRepository.of(ds).read(CdrQuery.all(), new CdrRepository.Sink() {
      @Override
      public void record(CdrRecord r) {
        acc[0] += r.billsec().getSeconds() + r.src().length();
      }

      @Override
      public void problem(InputProblem p) {
        acc[1]++;
      }
    });
    blackhole = acc[0];
    return n + acc[1];
  }

  private static long streamQueueLog(DatabasePool ds) {
    long[] acc = {0, 0};
    QueueLogTableSource.builder(ds).table("queue_log").zone(ZoneId.of("Europe/Moscow")).build()
        .read(new QueueLogSource.Sink() {
          @Override
          public void record(QueueLogRecord r) {
            acc[0]++;
            blackhole += r.epochSecond() + r.data().size();
          }

          @Override
          public void problem(InputProblem p) {
            acc[1]++;
          }
        });
    return acc[0] + acc[1];
  }

  static volatile long blackhole;

  private static void measure(String what, java.util.function.LongSupplier work) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long t0 = System.nanoTime();
    long n = work.getAsLong();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s = %,.0f rows/s, peak heap %.1f MB%n", what, n, seconds,
        n / seconds, peak / 1048576.0);
  }

  private static void prepare(String server, String user, String password, DatabasePool ds, int rows,
      boolean reload) throws Exception {
    try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
      if (reload) {
        s.execute("DROP DATABASE IF EXISTS " + DB);
      }
      s.execute("CREATE DATABASE IF NOT EXISTS " + DB + " CHARACTER SET utf8mb4");
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + DB
          + "' AND table_name IN ('cdr', 'queue_log')");
      rs.next();
      if (rs.getInt(1) == 2) {
        return;
      }
      long t0 = System.nanoTime();
      CdrTables.createFreePbxTable(ds, "cdr");
      // one call every 3 s from 2024-01-01; every 10,000th row has FreePBX's zero date (junk, reported)
      s.execute("INSERT INTO cdr SELECT IF(seq % 10000 = 0, '1000-01-01 00:00:00', "
          + "'2024-01-01 00:00:00' + INTERVAL seq * 3 SECOND), CONCAT('\"Caller ', seq % 997, '\" <7916', "
          + "LPAD(seq % 10000000, 7, '0'), '>'), CONCAT('7916', LPAD(seq % 10000000, 7, '0')), "
          + "CONCAT('1', seq % 50), 'ext-queues', CONCAT('PJSIP/trunk-', HEX(seq)), CONCAT('PJSIP/1', seq % 50, "
          + "'-', HEX(seq)), 'Queue', '150,t,,,300', 30 + seq % 300, seq % 280, "
          + "ELT(1 + seq % 4, 'ANSWERED', 'NO ANSWER', 'BUSY', 'ANSWERED'), 3, '', CONCAT('1704067200.', seq), '', "
          + "'74951234567', IF(seq % 4 = 0, CONCAT('q-150-', seq, '.wav'), ''), CONCAT('7916', seq % 10000000), "
          + "'', '', '', '', CONCAT('1704067200.', seq), '', seq % 7 FROM seq_1_to_" + rows);
      QueueLogTables.create(ds, "queue_log", QueueLogTables.Layout.DATETIME);
      // ENTERQUEUE / CONNECT / COMPLETECALLER triples
      s.execute("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) "
          + "SELECT '2024-01-01 00:00:00' + INTERVAL seq SECOND, CONCAT('1704067200.', seq DIV 3), "
          + "CONCAT('15', seq % 3), IF(seq % 3 = 0, 'NONE', CONCAT('PJSIP/5', seq % 40)), "
          + "ELT(1 + seq % 3, 'ENTERQUEUE', 'CONNECT', 'COMPLETECALLER'), "
          + "IF(seq % 3 = 0, '', seq % 60), IF(seq % 3 = 0, CONCAT('7916', seq), seq % 300), seq % 5 + 1, '', '' "
          + "FROM seq_1_to_" + rows);
      System.out.printf(Locale.ROOT, "generated %,d cdr + %,d queue_log rows in %.1f s%n", rows, rows,
          (System.nanoTime() - t0) / 1e9);
    }
  }
}
