package ru.sipring.cdr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.text.SecretText;

/**
 * Builds the pooled {@link DataSource} SipRing uses when the host application does not pass its own (a host
 * that already has a pool passes that {@code DataSource} to the repositories directly).
 *
 * <pre>{@code
 * try (HikariDataSource db = Databases.pooled("jdbc:mariadb://pbx:3306/asteriskcdrdb", "freepbx", "fpbx")) {
 *   CdrRepository cdr = JdbiCdrRepository.create(db);
 * }
 * }</pre>
 *
 * <p>HikariCP is used because it is the pool the Java ecosystem settled on (small, fast, well maintained);
 * the pool fails fast (5 s connection timeout) so a database that is down surfaces as a
 * {@link ru.sipring.core.ConnectionException} instead of a hang. Thread-safe (stateless).
 */
public final class Databases {
  /** Pool size when not given: SipRing's own work is a few short statements and one stream at a time. */
  public static final int DEFAULT_POOL_SIZE = 4;

  private Databases() {}

  /** A pool of {@link #DEFAULT_POOL_SIZE} connections to a MariaDB/MySQL JDBC URL. */
  public static HikariDataSource pooled(String jdbcUrl, @Nullable String user, @Nullable String password) {
    return pooled(jdbcUrl, user, password, DEFAULT_POOL_SIZE, Duration.ofSeconds(5));
  }

  /**
   * A pool to {@code jdbcUrl} with at most {@code maxConnections}; {@code connectTimeout} bounds how long a
   * caller waits for a connection when the server is down or the pool is exhausted. Connecting happens
   * lazily, on first use, so building a pool for a server that is down does not throw.
   */
  public static HikariDataSource pooled(String jdbcUrl, @Nullable String user, @Nullable String password,
      int maxConnections, Duration connectTimeout) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new ru.sipring.core.BadInputException("jdbcUrl", "not a JDBC URL: " + SecretText.maskUrl(jdbcUrl)
          + " (expected jdbc:mariadb://host:port/database)");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("sipring");
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
    config.setValidationTimeout(Math.max(250, Math.min(connectTimeout.toMillis(), 5_000)));
    // -1: do not try to connect while building the pool; the first statement reports the failure
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
