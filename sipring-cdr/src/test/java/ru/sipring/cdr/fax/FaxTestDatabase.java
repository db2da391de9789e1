package ru.sipring.cdr.fax;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import ru.sipring.cdr.Databases;

/**
 * A private database on the test MariaDB ({@code .ci/services.d/10-mariadb.sh}: SIPRING_TEST_JDBC_URL,
 * _DB_USER, _DB_PASSWORD), dropped on close. Without the server: fails under CI=true, skips otherwise.
 */
final class FaxTestDatabase implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/]+)/([^?]*)(\\?.*)?");
  private final String name;
  private final String serverUrl;
  private final HikariDataSource dataSource;

  private FaxTestDatabase(String name, String jdbcUrl, String serverUrl) {
    this.name = name;
    this.serverUrl = serverUrl;
    this.dataSource = Databases.pooled(jdbcUrl, user(), password());
  }

  static FaxTestDatabase create(String purpose) {
    String url = System.getenv("SIPRING_TEST_JDBC_URL");
    if (url == null || url.isBlank()) {
      String reason = "SIPRING_TEST_JDBC_URL is not set: start the test MariaDB with 'source .ci/services.d/10-mariadb.sh'";
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
    return new FaxTestDatabase(name, m.group(1) + "/" + name + params, m.group(1) + "/" + params);
  }

  private static String user() {
    String u = System.getenv("SIPRING_TEST_DB_USER");
    return u == null ? "sipring" : u;
  }

  private static String password() {
    String p = System.getenv("SIPRING_TEST_DB_PASSWORD");
    return p == null ? "sipring" : p;
  }

  HikariDataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
    try (Connection c = DriverManager.getConnection(serverUrl, user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name, e);
    }
  }
}
