package ru.sipring.cdr.campaign;

import static org.junit.jupiter.api.Assertions.fail;

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
 * A private database on the test MariaDB ({@code .ci/services.d/10-mariadb.sh} exports SIPRING_TEST_JDBC_URL,
 * SIPRING_TEST_DB_USER, SIPRING_TEST_DB_PASSWORD), dropped on close. Without the server: fails under CI=true,
 * skips with the reason otherwise.
 */
final class CampaignTestDatabase implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/]+)/([^?]*)(\\?.*)?");
  private final String name;
  private final String serverUrl;
  private final String jdbcUrl;
  private final HikariDataSource dataSource;

  private CampaignTestDatabase(String name, String serverUrl, String jdbcUrl) {
    this.name = name;
    this.serverUrl = serverUrl;
    this.jdbcUrl = jdbcUrl;
    this.dataSource = Databases.pooled(jdbcUrl, user(), password());
  }

  static CampaignTestDatabase create(String purpose) {
    String url = System.getenv("SIPRING_TEST_JDBC_URL");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (url == null || url.isBlank()) {
      String reason = "SIPRING_TEST_JDBC_URL is not set: start the test MariaDB with "
          + "'source .ci/services.d/10-mariadb.sh'";
      if (ci) {
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
      if (ci) {
        fail("test MariaDB at " + url + " unusable: " + e.getMessage(), e);
      }
      Assumptions.abort("test MariaDB at " + url + " unusable: " + e.getMessage());
    }
    return new CampaignTestDatabase(name, m.group(1) + "/" + params, m.group(1) + "/" + name + params);
  }

  static String user() {
    String u = System.getenv("SIPRING_TEST_DB_USER");
    return u == null ? "sipring" : u;
  }

  static String password() {
    String p = System.getenv("SIPRING_TEST_DB_PASSWORD");
    return p == null ? "sipring" : p;
  }

  HikariDataSource dataSource() {
    return dataSource;
  }

  String jdbcUrl() {
    return jdbcUrl;
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
