package ru.sipring.cli.cdr;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import ru.sipring.cdr.Databases;

/**
 * A private database on the test MariaDB (SIPRING_TEST_JDBC_URL, from .ci/services.d/10-mariadb.sh), dropped
 * on close. Without the server: fails under CI=true, skips with the reason otherwise.
 */
final class CliDatabase implements AutoCloseable {
  final String url;
  final String server;
  final String name;
  final HikariDataSource dataSource;

  private CliDatabase(String server, String name) {
    this.server = server;
    this.name = name;
    this.url = server + "/" + name;
    this.dataSource = Databases.pooled(url, user(), password());
  }

  static CliDatabase create() {
    String env = System.getenv("SIPRING_TEST_JDBC_URL");
    if (env == null || env.isBlank()) {
      String reason = "SIPRING_TEST_JDBC_URL is not set: source .ci/services.d/10-mariadb.sh";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
    String server = env.replaceFirst("\\?.*$", "").replaceFirst("/[^/]*$", "");
    String name = "sipring_t_cli_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    try (Connection c = DriverManager.getConnection(server + "/", user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      throw new IllegalStateException("test MariaDB unusable: " + e.getMessage(), e);
    }
    return new CliDatabase(server, name);
  }

  static String user() {
    String u = System.getenv("SIPRING_TEST_DB_USER");
    return u == null ? "sipring" : u;
  }

  static String password() {
    String p = System.getenv("SIPRING_TEST_DB_PASSWORD");
    return p == null ? "sipring" : p;
  }

  void execute(String... sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
    try (Connection c = DriverManager.getConnection(server + "/", user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
