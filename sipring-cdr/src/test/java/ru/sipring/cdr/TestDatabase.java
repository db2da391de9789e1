package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.fail;

import ru.sipring.cdr.DatabasePool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A private database on the test MariaDB server ({@code .ci/services.d/10-mariadb.sh} exports its address as
 * SIPRING_TEST_JDBC_URL / _DB_USER / _DB_PASSWORD), dropped on close, so parallel builds of several engineers
 * never see each other's tables. Without the server: fails under CI=true, skips with the reason otherwise.
 * Public because the fax store tests and the CLI tests (through this module's test-jar) use it too; one instance
 * belongs to one test class, its pool is thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/]+)/([^?]*)(\\?.*)?");
  private final String name;
  private final String jdbcUrl;
  private final String serverUrl;
  private final DatabasePool dataSource;
  private final @org.jspecify.annotations.Nullable Path embeddedDir;

  private TestDatabase(String name, String jdbcUrl, String serverUrl) {
    this.name = name;
    this.jdbcUrl = jdbcUrl;
    this.serverUrl = serverUrl;
    this.dataSource = Databases.pooled(jdbcUrl, user(), password());
    this.embeddedDir = null;
  }

  private TestDatabase(String name, Path embeddedDir) {
    this.name = name;
    this.jdbcUrl = Databases.embeddedUrl(embeddedDir);
    this.serverUrl = jdbcUrl;
    this.dataSource = Databases.embedded(embeddedDir);
    this.embeddedDir = embeddedDir;
  }

  /**
   * A fresh empty embedded database (H2 file in a temporary directory, {@link Databases#embedded}), deleted on
   * close: the same stores and migrations as on MariaDB, no server needed.
   */
  public static TestDatabase embedded(String purpose) {
    try {
      Path dir = Files.createTempDirectory("sipring-h2-" + purpose.replaceAll("[^a-z0-9_]", "_") + "-");
      return new TestDatabase("h2_" + purpose, dir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True for {@link #embedded(String)}. */
  public boolean isEmbedded() {
    return embeddedDir != null;
  }

  /** A fresh empty database named after {@code purpose}. */
  public static TestDatabase create(String purpose) {
    String url = serverJdbcUrl();
    if (url == null || url.isBlank()) {
      String reason = "SIPRING_TEST_JDBC_URL is not set and no Docker engine answers: start the test MariaDB "
          + "with 'source .ci/services.d/10-mariadb.sh'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalStateException("cannot parse SIPRING_TEST_JDBC_URL " + url);
    }
    String name = ("sipring_t_" + purpose + "_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36))
        .toLowerCase().replaceAll("[^a-z0-9_]", "_");
    String params = m.group(3) == null ? "" : m.group(3);
    try (Connection c = DriverManager.getConnection(m.group(1) + "/" + params, user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("test MariaDB at " + url + " unusable: " + e.getMessage(), e);
      }
      Assumptions.abort("test MariaDB at " + url + " unusable: " + e.getMessage());
    }
    return new TestDatabase(name, m.group(1) + "/" + name + params, m.group(1) + "/" + params);
  }

  public static String user() {
    if (System.getenv("SIPRING_TEST_JDBC_URL") == null && Container.server() != null) {
      return "root";
    }
    String u = System.getenv("SIPRING_TEST_DB_USER");
    return u == null ? "sipring" : u;
  }

  public static String password() {
    if (System.getenv("SIPRING_TEST_JDBC_URL") == null && Container.server() != null) {
      return Container.server().getPassword();
    }
    String p = System.getenv("SIPRING_TEST_DB_PASSWORD");
    return p == null ? "sipring" : p;
  }

  /**
   * The server to create test databases on: the one .ci/run starts (SIPRING_TEST_JDBC_URL), else — the extra
   * path for developers' machines with a Docker engine — a MariaDB container started once per test JVM.
   */
  private static String serverJdbcUrl() {
    String url = System.getenv("SIPRING_TEST_JDBC_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    org.testcontainers.mariadb.MariaDBContainer server = Container.server();
    return server == null ? null : server.getJdbcUrl();
  }

  /** Lazily started MariaDB container, shared by every test class of the JVM; Ryuk removes it at exit. */
  private static final class Container {
    private static final org.testcontainers.mariadb.@org.jspecify.annotations.Nullable MariaDBContainer SERVER = start();

    static org.testcontainers.mariadb.@org.jspecify.annotations.Nullable MariaDBContainer server() {
      return SERVER;
    }

    private static org.testcontainers.mariadb.@org.jspecify.annotations.Nullable MariaDBContainer start() {
      boolean docker;
      try {
        docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        docker = false;
      }
      if (!docker) {
        return null;
      }
      org.testcontainers.mariadb.MariaDBContainer c =
          new org.testcontainers.mariadb.MariaDBContainer("mariadb:10.11").withDatabaseName("asteriskcdrdb");
      c.start();
      return c;
    }
  }

  public DatabasePool dataSource() {
    return dataSource;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String name() {
    return name;
  }

  /** Runs SQL statements on a plain connection of this database (setup code). */
  public void execute(String... sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
    if (embeddedDir != null) {
      try (var files = Files.list(embeddedDir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
        Files.deleteIfExists(embeddedDir);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("could not delete test database " + embeddedDir, e);
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(serverUrl, user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name, e);
    }
  }

  /** The shared corpus ({@code sipring.corpus}, or /work/shared/corpus when that path does not exist). */
  public static Path corpus() {
    String property = System.getProperty("sipring.corpus");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    return Path.of("/work/shared/corpus");
  }
}
