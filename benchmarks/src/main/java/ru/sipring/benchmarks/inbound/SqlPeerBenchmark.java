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
import java.util.Map;
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
 *
 * <p>One-shot mode, what a user feels: {@code SqlPeerBenchmark QUEUE_LOG --cli bin/sipring [--runs N] [--sql-runs
 * M] [--variant LABEL:ENV=VALUE]... [--load]} runs {@code bin/sipring report --queue-log QUEUE_LOG --sections
 * summary,serviceLevel,operators --format json} N times (default 5) as a whole process, stdout drained to the
 * last byte, after one untimed run that builds the jar and the class-data archive if needed and puts the log in
 * the page cache; {@code bin/sipring --version} N times; each variant (an environment variable for bin/sipring,
 * e.g. {@code c2:SIPRING_JAVA_OPTS=-XX:TieredStopAtLevel=4} or {@code no-cds:SIPRING_CDS=0}) N times too; then
 * the same three sections by SQL ({@link #threeSections}) M times (default 2, the first warming the buffer pool);
 * it checks that both give the same answered / lost / unfinished counts and prints the ratio of the medians.
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
    if (own.contains("--cli")) {
      oneShot(log, own, load);
      return;
    }
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

  static Connection connect() throws SQLException {
    String url = env("SIPRING_TEST_JDBC_URL");
    Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true",
        env("SIPRING_TEST_DB_USER"), env("SIPRING_TEST_DB_PASSWORD"));
    try (Statement s = c.createStatement()) {
      s.execute("SET time_zone = '+00:00'");
    }
    return c;
  }

  static void oneShot(Path log, List<String> own, boolean load) throws Exception {
    String cli = null;
    int runs = 5;
    int sqlRuns = 2;
    List<String> variants = new ArrayList<>();
    for (int i = 1; i < own.size(); i++) {
      switch (own.get(i)) {
        case "--cli" -> cli = own.get(++i);
        case "--runs" -> runs = Integer.parseInt(own.get(++i));
        case "--sql-runs" -> sqlRuns = Integer.parseInt(own.get(++i));
        case "--variant" -> variants.add(own.get(++i));
        case "--load" -> { }
        default -> throw new IllegalArgumentException("unknown option " + own.get(i));
      }
    }
    List<String> report = List.of(cli, "report", "--queue-log", log.toString(), "--sections",
        "summary,serviceLevel,operators", "--format", "json");
    System.out.printf("log %s: %,d bytes, %,d lines%n", log, Files.size(log), lines(log));
    System.out.println("uptime before:" + uptime());
    try (Connection c = connect()) {
      if (load) {
        load(c, log);
      }
      Run warm = run(report, Map.of());
      System.out.printf("untimed first run (build/archive if needed, page cache): %.3f s%n", warm.seconds);
      long[] counts = counts(warm.stdout);
      System.out.printf("SipRing: answered %d, lost %d, unfinished %d%n", counts[0], counts[1], counts[2]);
      double version = series("bin/sipring --version", List.of(cli, "--version"), Map.of(), runs);
      double sipring = series("bin/sipring report (default)", report, Map.of(), runs);
      for (String v : variants) {
        int colon = v.indexOf(':');
        int eq = v.indexOf('=', colon + 1);
        if (colon < 1 || eq < 0) {
          throw new IllegalArgumentException("--variant LABEL:ENV=VALUE, got " + v);
        }
        series("bin/sipring report [" + v.substring(0, colon) + ": " + v.substring(colon + 1) + "]", report,
            Map.of(v.substring(colon + 1, eq), v.substring(eq + 1)), runs);
      }
      System.out.println("uptime between:" + uptime());
      List<Double> sql = new ArrayList<>();
      long[] sqlCounts = null;
      for (int r = 0; r < sqlRuns; r++) {
        List<String> out = new ArrayList<>();
        long t0 = System.nanoTime();
        sqlCounts = threeSections(c, out);
        double sec = (System.nanoTime() - t0) / 1e9;
        sql.add(sec);
        out.forEach(line -> System.out.println("  sql " + line));
        System.out.printf("MariaDB SQL, three sections, run %d: %.2f s%n", r + 1, sec);
      }
      System.out.println("uptime after:" + uptime());
      if (!java.util.Arrays.equals(counts, sqlCounts)) {
        throw new IllegalStateException("SipRing and SQL disagree: answered/lost/unfinished "
            + java.util.Arrays.toString(counts) + " vs " + java.util.Arrays.toString(sqlCounts));
      }
      double sqlMedian = median(sql);
      System.out.printf("same answered/lost/unfinished by both.%nmedians: SipRing whole process %.3f s (--version"
          + " %.3f s), MariaDB SQL %.2f s: SipRing is %.1fx faster%n", sipring, version, sqlMedian,
          sqlMedian / sipring);
    }
  }

  private record Run(double seconds, String stdout) {}

  private static Run run(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes(); // to the last byte printed
    int rc = p.waitFor();
    double sec = (System.nanoTime() - t0) / 1e9;
    if (rc != 0) {
      throw new IllegalStateException(cmd + " failed: exit " + rc);
    }
    return new Run(sec, new String(out, StandardCharsets.UTF_8));
  }

  private static double series(String label, List<String> cmd, Map<String, String> env, int runs) throws Exception {
    List<Double> t = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      t.add(run(cmd, env).seconds);
    }
    StringBuilder sb = new StringBuilder();
    t.forEach(x -> sb.append(String.format(" %.3f", x)));
    double m = median(t);
    System.out.printf("%s: median %.3f s, min %.3f s; runs:%s (load %s)%n", label, m,
        t.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), sb, loadNow());
    return m;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** answered, lost, unfinished of the report's summary (the first section of the JSON). */
  private static long[] counts(String json) {
    long[] c = new long[3];
    String[] keys = {"answered", "lost", "unfinished"};
    for (int i = 0; i < 3; i++) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + keys[i] + "\"\\s*:\\s*(\\d+)").matcher(json);
      if (!m.find()) {
        throw new IllegalStateException("no " + keys[i] + " in the report: " + json.substring(0,
            Math.min(200, json.length())));
      }
      c[i] = Long.parseLong(m.group(1));
    }
    return c;
  }

  private static long lines(Path log) throws IOException {
    long n = 0;
    try (java.io.InputStream in = Files.newInputStream(log)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static String uptime() {
    try {
      Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      return " " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return " (uptime: " + e.getMessage() + ")";
    }
  }

  private static String loadNow() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * The peer of {@code report --sections summary,serviceLevel,operators}: stints joined on callid + queue,
   * then grouped; the statements are printed by {@code docs/performance/inbound.md} verbatim.
   *
   * @return answered, lost, unfinished
   */
  static long[] threeSections(Connection c, List<String> out) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TEMPORARY TABLE IF EXISTS bench_stints");
      long t0 = System.nanoTime();
      s.execute(STINTS);
      out.add(String.format("stints joined in %.2f s", (System.nanoTime() - t0) / 1e9));
      String summary = query(s, out, "summary", SUMMARY);
      String unfinished = query(s, out, "unfinished", UNFINISHED);
      query(s, out, "service level", SERVICE_LEVEL);
      query(s, out, "operators", OPERATORS);
      String[] sum = summary.split(" ");
      return new long[] {Long.parseLong(sum[1]), Long.parseLong(sum[2]), Long.parseLong(unfinished.split(" ")[1])};
    }
  }

  static final String STINTS = "CREATE TEMPORARY TABLE bench_stints ENGINE=InnoDB AS"
      + " SELECT e.callid, e.queuename, e.time AS entered, CAST(e.data3 AS UNSIGNED) AS pos, t.event, t.agent,"
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
      + " WHERE e.event = 'ENTERQUEUE'";
  static final String SUMMARY = "SELECT SUM(answered), SUM(NOT answered), MAX(pos),"
      + " SUM(IF(answered, talk, 0)), MIN(IF(answered, talk, NULL)), MAX(IF(answered, talk, NULL)),"
      + " SUM(IF(answered, wait, 0)), MIN(IF(answered, wait, NULL)), MAX(IF(answered, wait, NULL)),"
      + " SUM(IF(answered, 0, wait)), MIN(IF(answered, NULL, wait)), MAX(IF(answered, NULL, wait))"
      + " FROM bench_stints";
  static final String UNFINISHED = "SELECT COUNT(*) FROM " + TABLE + " e WHERE e.event = 'ENTERQUEUE'"
      + " AND NOT EXISTS (SELECT 1 FROM " + TABLE + " t WHERE t.callid = e.callid AND t.queuename = e.queuename"
      + " AND t.event IN (" + TERMINAL + "))";
  static final String SERVICE_LEVEL = "SELECT answered, CASE WHEN wait <= 5 THEN 5"
      + " WHEN wait <= 10 THEN 10 WHEN wait <= 15 THEN 15 WHEN wait <= 30 THEN 30 WHEN wait <= 45 THEN 45"
      + " WHEN wait <= 60 THEN 60 WHEN wait <= 90 THEN 90 WHEN wait <= 120 THEN 120 WHEN wait <= 300 THEN 300"
      + " ELSE NULL END AS bucket, COUNT(*) FROM bench_stints GROUP BY answered, bucket";
  static final String OPERATORS = "SELECT agent, COUNT(*), SUM(wait), SUM(talk), MIN(talk), MAX(talk),"
      + " SUM(event = 'COMPLETECALLER'), SUM(event = 'COMPLETEAGENT'), SUM(event LIKE '%TRANSFER')"
      + " FROM bench_stints WHERE answered GROUP BY agent";

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

  /** Runs {@code sql}, fetching every row; records the first row and the row count. */
  private static String query(Statement s, List<String> out, String name, String sql) throws SQLException {
    long t0 = System.nanoTime();
    StringBuilder sb = new StringBuilder(name).append(':');
    int rows = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          String v = rs.getString(i);
          if (rows == 0) {
            sb.append(' ').append(v);
          }
        }
        rows++;
      }
    }
    String result = sb.toString();
    if (rows > 1) {
      sb.append(" ... (").append(rows).append(" rows)");
    }
    out.add(sb.append(String.format(" (%.2f s)", (System.nanoTime() - t0) / 1e9)).toString());
    return result;
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
