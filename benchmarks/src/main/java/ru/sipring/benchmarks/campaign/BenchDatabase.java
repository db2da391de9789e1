package ru.sipring.benchmarks.campaign;

import ru.sipring.cdr.DatabasePool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import ru.sipring.cdr.Databases;

/**
 * A fresh database for a campaign benchmark: {@code mariadb} (a database on the test MariaDB, dropped afterwards) or
 * {@code h2} (the embedded database in a temporary directory, deleted afterwards); both kept when
 * {@code SIPRING_BENCH_KEEP} is set. Not thread-safe; one per run.
 */
final class BenchDatabase implements AutoCloseable {
  private final String engine;
  private final DatabasePool dataSource;
  private final String server;
  private final String name;
  private final Path dir;

  private BenchDatabase(String engine, DatabasePool dataSource, String server, String name, Path dir) {
    this.engine = engine;
    this.dataSource = dataSource;
    this.server = server;
    this.name = name;
    this.dir = dir;
  }

  static BenchDatabase open(String engine, String name) throws SQLException, IOException {
    if (engine.equals("h2")) {
      Path dir = Files.createTempDirectory("sipring-bench-h2");
      return new BenchDatabase(engine, Databases.embedded(dir), "", name, dir);
    }
    if (!engine.equals("mariadb")) {
      throw new IllegalArgumentException("engine: mariadb or h2, was " + engine);
    }
    String url = System.getenv().getOrDefault("SIPRING_TEST_JDBC_URL", "jdbc:mariadb://127.0.0.1:3366/asteriskcdrdb");
    String server = url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()));
    try (Connection c = DriverManager.getConnection(server + "/", user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    }
    return new BenchDatabase(engine, Databases.pooled(server + "/" + name, user(), password()), server, name, null);
  }

  private static String user() {
    return System.getenv().getOrDefault("SIPRING_TEST_DB_USER", "sipring");
  }

  private static String password() {
    return System.getenv().getOrDefault("SIPRING_TEST_DB_PASSWORD", "sipring");
  }

  DatabasePool dataSource() {
    return dataSource;
  }

  String engine() {
    return engine.equals("h2") ? "H2 (embedded)" : "MariaDB";
  }

  @Override
  public void close() throws IOException {
    dataSource.close();
    if (System.getenv("SIPRING_BENCH_KEEP") != null) {
      System.err.println("kept " + (dir != null ? dir : name) + " (SIPRING_BENCH_KEEP), to EXPLAIN the queries by hand");
      return;
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(server + "/", user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      System.err.println("could not drop " + name + ": " + e.getMessage());
    }
  }
}
