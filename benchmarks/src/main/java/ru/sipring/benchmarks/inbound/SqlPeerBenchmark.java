package ru.sipring.benchmarks.inbound;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.queuelog.QueueLogLine;
import ru.sipring.core.queuelog.QueueLogSink;

/**
 * The peer, side by side in one run: SipRing's whole process (a fresh JVM running {@link InboundWholeProcess}
 * on the queue_log file) against the same report computed by SQL over an indexed MariaDB copy of the same log
 * (the realtime {@code queue_log} table layout: time, callid, queuename, agent, event, data1..data5).
 *
 * <p>Usage: {@code SqlPeerBenchmark QUEUE_LOG [--load] [-- ARGS FOR InboundWholeProcess]} (e.g. {@code -- --threads
 * 2}); reads SIPRING_TEST_JDBC_URL, SIPRING_TEST_DB_USER,
 * SIPRING_TEST_DB_PASSWORD (start the server with .ci/services.d/10-mariadb.sh). {@code --load} (re)creates and
 * fills table {@code inbound_bench_queue_log}; loading is not part of the timed peer query.
 */
public final class SqlPeerBenchmark {
  static final String TABLE = "inbound_bench_queue_log";
  static final String ANSWERED = "'COMPLETECALLER','COMPLETEAGENT','BLINDTRANSFER','ATTENDEDTRANSFER','TRANSFER'";
  static final String TERMINAL = ANSWERED + ",'ABANDON','EXITWITHTIMEOUT','EXITWITHKEY','EXITEMPTY','WITHDRAW',"
      + "'SYSCOMPAT'";

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    List<String> all = List.of(args);
    int dashes = all.indexOf("--");
    List<String> own = dashes < 0 ? all : all.subList(0, dashes);
    List<String> childArgs = dashes < 0 ? List.of() : all.subList(dashes + 1, all.size());
    boolean load = own.contains("--load");
    String url = env("SIPRING_TEST_JDBC_URL");
    try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
        + "allowLocalInfile=true", env("SIPRING_TEST_DB_USER"), env("SIPRING_TEST_DB_PASSWORD"))) {
      try (Statement s = c.createStatement()) {
        s.execute("SET time_zone = '+00:00'");
      }
      if (load) {
        load(c, log);
      }
      // 1. SipRing: the whole process, JVM start included
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = System.getProperty("java.class.path");
      long t0 = System.nanoTime();
      List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, InboundWholeProcess.class.getName(),
          log.toString()));
      cmd.addAll(childArgs);
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      int rc = p.waitFor();
      double sipring = (System.nanoTime() - t0) / 1e9;
      if (rc != 0) {
        throw new IllegalStateException("SipRing process failed: exit " + rc);
      }
      System.out.printf("SipRing whole process: %.2f s%n", sipring);
      // 2. the peer: SQL over the indexed table
      t0 = System.nanoTime();
      List<String> results = sqlReport(c);
      double sql = (System.nanoTime() - t0) / 1e9;
      results.forEach(r -> System.out.println("  sql " + r));
      System.out.printf("MariaDB SQL report: %.2f s%n", sql);
      System.out.printf("SipRing whole process is %.1f× faster than the SQL peer%n", sql / sipring);
    }
  }

  static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is not set; source .ci/services.d/10-mariadb.sh first");
    }
    return v;
  }

  static List<String> sqlReport(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.execute("DROP TEMPORARY TABLE IF EXISTS bench_stints");
      long t0 = System.nanoTime();
      s.execute("CREATE TEMPORARY TABLE bench_stints ENGINE=InnoDB AS "
          + "SELECT e.callid, e.queuename, e.time AS entered, e.data2 AS caller, CAST(e.data3 AS UNSIGNED) AS pos,"
          + " t.event, t.agent,"
          + " CASE WHEN t.event IN ('COMPLETECALLER','COMPLETEAGENT') THEN CAST(t.data1 AS UNSIGNED)"
          + "  WHEN t.event IN ('BLINDTRANSFER','ATTENDEDTRANSFER','TRANSFER') THEN CAST(t.data3 AS UNSIGNED)"
          + "  WHEN t.event = 'EXITWITHKEY' THEN CAST(t.data4 AS UNSIGNED)"
          + "  ELSE CAST(t.data3 AS UNSIGNED) END AS wait,"
          + " CASE WHEN t.event IN ('COMPLETECALLER','COMPLETEAGENT') THEN CAST(t.data2 AS UNSIGNED)"
          + "  WHEN t.event IN ('BLINDTRANSFER','ATTENDEDTRANSFER','TRANSFER') THEN CAST(t.data4 AS UNSIGNED)"
          + "  ELSE 0 END AS talk,"
          + " t.event IN (" + ANSWERED + ") AS answered"
          + " FROM " + TABLE + " e JOIN " + TABLE + " t ON t.callid = e.callid AND t.queuename = e.queuename"
          + "  AND t.event IN (" + TERMINAL + ")"
          + " WHERE e.event = 'ENTERQUEUE' AND e.time >= '1970-01-02' AND e.time < '2100-01-01'");
      out.add(String.format("stints joined in %.2f s", (System.nanoTime() - t0) / 1e9));
      query(s, out, "summary", "SELECT SUM(answered), SUM(NOT answered), MAX(pos),"
          + " SUM(IF(answered, talk, 0)), MIN(IF(answered, talk, NULL)), MAX(IF(answered, talk, NULL)),"
          + " SUM(IF(answered, wait, 0)), MIN(IF(answered, wait, NULL)), MAX(IF(answered, wait, NULL)),"
          + " SUM(IF(answered, 0, wait)), MIN(IF(answered, NULL, wait)), MAX(IF(answered, NULL, wait))"
          + " FROM bench_stints");
      query(s, out, "unfinished", "SELECT COUNT(*) FROM " + TABLE + " e WHERE e.event = 'ENTERQUEUE'"
          + " AND NOT EXISTS (SELECT 1 FROM " + TABLE + " t WHERE t.callid = e.callid AND t.queuename = e.queuename"
          + " AND t.event IN (" + TERMINAL + "))");
      query(s, out, "operators", "SELECT COUNT(*), SUM(n) FROM (SELECT agent, COUNT(*) n, SUM(wait), SUM(talk),"
          + " SUM(event = 'COMPLETECALLER'), SUM(event = 'COMPLETEAGENT'), SUM(event LIKE '%TRANSFER')"
          + " FROM bench_stints WHERE answered GROUP BY agent) x");
      query(s, out, "queues", "SELECT COUNT(*), SUM(a) FROM (SELECT queuename, SUM(answered) a, SUM(IF(answered,"
          + " wait, 0)), SUM(talk), SUM(NOT answered), SUM(IF(answered, 0, wait)) FROM bench_stints"
          + " GROUP BY queuename) x");
      query(s, out, "service level", "SELECT COUNT(*), SUM(n) FROM (SELECT answered, CASE WHEN wait <= 5 THEN 5"
          + " WHEN wait <= 10 THEN 10 WHEN wait <= 15 THEN 15 WHEN wait <= 30 THEN 30 WHEN wait <= 45 THEN 45"
          + " WHEN wait <= 60 THEN 60 WHEN wait <= 90 THEN 90 WHEN wait <= 120 THEN 120 WHEN wait <= 300 THEN 300"
          + " ELSE NULL END b, COUNT(*) n FROM bench_stints GROUP BY answered, b) x");
      query(s, out, "periods", "SELECT COUNT(*), SUM(o) FROM (SELECT DATE(entered + INTERVAL 3 HOUR) d, COUNT(*) o,"
          + " SUM(answered), AVG(IF(answered, wait, NULL)), AVG(IF(answered, talk, NULL)),"
          + " SUM(event LIKE '%TRANSFER'), AVG(IF(event LIKE '%TRANSFER', wait, NULL)),"
          + " SUM(NOT answered), AVG(IF(answered, NULL, wait)) FROM bench_stints GROUP BY d) x");
      query(s, out, "missed offers", "SELECT COUNT(*), SUM(n) FROM (SELECT agent, COUNT(*) n FROM " + TABLE
          + " WHERE event = 'RINGNOANSWER' GROUP BY agent) x");
      query(s, out, "sessions", "SELECT COUNT(DISTINCT agent), SUM(TIMESTAMPDIFF(SECOND, time, nxt)) FROM ("
          + " SELECT agent, event, time, LEAD(time) OVER w nxt, LEAD(event) OVER w nxt_ev FROM " + TABLE
          + " WHERE event IN ('ADDMEMBER','REMOVEMEMBER') WINDOW w AS (PARTITION BY agent, queuename ORDER BY id)"
          + ") x WHERE event = 'ADDMEMBER' AND nxt_ev = 'REMOVEMEMBER'");
      query(s, out, "pauses", "SELECT COUNT(DISTINCT data1), SUM(TIMESTAMPDIFF(SECOND, time, nxt)) FROM ("
          + " SELECT agent, data1, event, time, LEAD(time) OVER w nxt, LEAD(event) OVER w nxt_ev FROM " + TABLE
          + " WHERE event IN ('PAUSE','UNPAUSE') WINDOW w AS (PARTITION BY agent, queuename ORDER BY id)"
          + ") x WHERE event = 'PAUSE' AND nxt_ev = 'UNPAUSE'");
    }
    return out;
  }

  private static void query(Statement s, List<String> out, String name, String sql) throws SQLException {
    long t0 = System.nanoTime();
    StringBuilder sb = new StringBuilder(name).append(':');
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sb.append(' ').append(rs.getString(i));
        }
      }
    }
    out.add(sb.append(String.format(" (%.2f s)", (System.nanoTime() - t0) / 1e9)).toString());
  }

  static void load(Connection c, Path log) throws Exception {
    Path tsv = Files.createTempFile("queue_log", ".tsv");
    try {
      long t0 = System.nanoTime();
      try (BufferedWriter w = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
        QueueLogInput.path(log).read(new QueueLogSink() {
          @Override
          public void line(QueueLogLine l) {
            try {
              w.write(Long.toString(l.epochSecond()));
              for (int f = 1; f <= 4; f++) {
                w.write('\t');
                w.write(l.field(f));
              }
              for (int d = 1; d <= 5; d++) {
                w.write('\t');
                w.write(l.data(d));
              }
              w.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void problem(InputProblem problem) {}
        });
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + TABLE);
        s.execute("CREATE TABLE " + TABLE + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " time DATETIME NOT NULL, callid VARCHAR(80) NOT NULL, queuename VARCHAR(256) NOT NULL,"
            + " agent VARCHAR(80) NOT NULL, event VARCHAR(32) NOT NULL, data1 VARCHAR(100), data2 VARCHAR(100),"
            + " data3 VARCHAR(100), data4 VARCHAR(100), data5 VARCHAR(100)) ENGINE=InnoDB");
        s.execute("LOAD DATA LOCAL INFILE '" + tsv + "' INTO TABLE " + TABLE
            + " FIELDS TERMINATED BY '\\t' ESCAPED BY '' LINES TERMINATED BY '\\n'"
            + " (@epoch, callid, queuename, agent, event, data1, data2, data3, data4, data5)"
            + " SET time = FROM_UNIXTIME(@epoch)");
        s.execute("ALTER TABLE " + TABLE + " ADD KEY ev_time (event, time), ADD KEY call_queue (callid, queuename)");
        s.execute("ANALYZE TABLE " + TABLE);
      }
      System.out.printf("loaded and indexed %s in %.1f s%n", TABLE, (System.nanoTime() - t0) / 1e9);
    } finally {
      Files.deleteIfExists(tsv);
    }
  }
}
