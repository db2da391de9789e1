package ru.sipring.cdr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.text.SecretText;

/**
 * Builds the pooled {@link DataSource} ({@link DatabasePool}) SipRing uses when the host application does not pass its own (a host
 * that already has a pool passes that {@code DataSource} to the repositories directly).
 *
 * <pre>{@code
 * try (DatabasePool db = Databases.pooled("jdbc:mariadb://pbx:3306/asteriskcdrdb", "freepbx", "fpbx")) {
 *   CdrRepository cdr = JdbiCdrRepository.of(db);
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

  /** Base name of the embedded database's file in its directory: {@code sipring.mv.db}. */
  public static final String EMBEDDED_NAME = "sipring";
  /** How long {@link #embedded(Path)} waits for another process to let go of the embedded database. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);
  /** H2's error code for "Database may be already in use" (the file is locked by another process). */
  private static final int H2_DATABASE_IN_USE = 90020;

  private Databases() {}

  /**
   * The embedded database in {@code directory} (file {@code sipring.mv.db}, created with the directory when
   * missing), waiting up to {@link #DEFAULT_LOCK_WAIT} for another process that has it open.
   *
   * @param directory where the database file lives, such as {@code ~/.sipring}
   * @return an open pool; closing it closes the database and lets other processes open it
   * @throws ConnectionException when another process keeps the database for longer than the wait, or the file
   *     cannot be opened
   * @see #embedded(Path, Duration)
   */
  public static DatabasePool embedded(Path directory) {
    return embedded(directory, DEFAULT_LOCK_WAIT);
  }

  /**
   * The embedded database in {@code directory}: H2 in file mode, in its MariaDB compatibility mode, so the very
   * same Jdbi stores and Flyway migrations as on MariaDB run on it. One process at a time has the file open
   * (H2's file lock): the returned pool keeps one connection open for its whole life, so the lock is held from
   * here until {@link DatabasePool#close()}. A second process asking meanwhile retries for up to
   * {@code lockWait} and is then refused with a {@link ConnectionException} that says so; it never writes
   * behind the first one's back. Inside one process the pool's connections share the database and H2's
   * row-level locks and transactions (MVCC, read committed) isolate them like InnoDB's; a row lock is waited
   * for up to 10 s.
   *
   * @param directory where the database file lives (created when missing)
   * @param lockWait how long to wait for another process that has the database open; zero refuses at once
   * @return an open pool (at most {@link #DEFAULT_POOL_SIZE} connections)
   * @throws ConnectionException when the database stays in use by another process for {@code lockWait}, or the
   *     file cannot be opened or created
   */
  public static DatabasePool embedded(Path directory, Duration lockWait) {
    Objects.requireNonNull(directory, "directory");
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new ConnectionException("cannot create the embedded database's directory " + dir + ": " + e, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(embeddedUrl(dir));
    config.setUsername("sa");
    config.setPassword("");
    config.setPoolName("sipring-embedded");
    config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
    // one connection stays open for the pool's life: H2 closes the database (and drops the file lock) when its
    // last connection closes, and another process could take the file between two commands of this one
    config.setMinimumIdle(1);
    config.setMaxLifetime(0);
    config.setIdleTimeout(0);
    // opening (or creating) the file can take seconds on a loaded machine; a wait that ends with no connection
    // and no H2 error is retried below until lockWait runs out, like a lock held by another process
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(-1);
    HikariDataSource pool = new HikariDataSource(config);
    long deadline = System.nanoTime() + lockWait.toNanos();
    Path file = dir.resolve(EMBEDDED_NAME + ".mv.db");
    while (true) {
      try (Connection first = pool.getConnection()) {
        return new HikariPool(pool);
      } catch (SQLException e) {
        if (!inUse(e) && !stillOpening(e)) {
          pool.close();
          throw new ConnectionException("cannot open the embedded database " + file + ": " + rootMessage(e), e);
        }
        if (System.nanoTime() - deadline >= 0 && !inUse(e)) {
          pool.close();
          throw new ConnectionException("the embedded database " + file + " did not open in time ("
              + rootMessage(e) + "); the machine may be overloaded", e);
        }
        if (System.nanoTime() - deadline >= 0) {
          pool.close();
          throw new ConnectionException("the embedded database " + file + " is in use by another process"
              + (lockWait.isZero() ? "" : " (waited " + lockWait.toSeconds() + " s)")
              + "; try again when it has finished, or use a MariaDB database for concurrent work", e);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          pool.close();
          throw new ConnectionException("interrupted while waiting for the embedded database " + file, ie);
        }
      }
    }
  }

  /**
   * The JDBC URL of the embedded database in {@code directory}, for tools (an H2 console, a backup with
   * {@code SCRIPT TO}) while no SipRing process has it open.
   *
   * @param directory the directory given to {@link #embedded(Path, Duration)}
   * @return {@code jdbc:h2:file:...} with the settings SipRing relies on
   */
  public static String embeddedUrl(Path directory) {
    // MODE=MariaDB + DATABASE_TO_LOWER: H2's documented MariaDB compatibility (names, INSERT IGNORE, REPLACE,
    // ON DUPLICATE KEY, ENGINE/CHARSET clauses); NON_KEYWORDS: SipRing's columns "day" and "value"
    // are reserved words in H2, not in MariaDB; LOCK_TIMEOUT: a row lock is waited for, not refused after 1 s;
    // CACHE_SIZE 64 MB (KB units): an import of a million cards commits its rows to five index maps at the end, and
    // with H2's default cache that commit re-read evicted pages from the file (300,000 rows: 5,400 -> 7,900 rows/s)
    return "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve(EMBEDDED_NAME)
        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE"
        + ";LOCK_TIMEOUT=10000;CACHE_SIZE=65536";
  }

  /** The pool's wait ended before H2 finished opening the file, without an error of its own: try again. */
  static boolean stillOpening(SQLException e) {
    return e instanceof SQLTransientConnectionException && e.getCause() == null;
  }

  /** True for an embedded database whose file another process holds (H2 error 90020), anywhere in the causes. */
  static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = String.valueOf(root.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * A pool of {@link #DEFAULT_POOL_SIZE} connections to a MariaDB/MySQL JDBC URL, waiting up to 5 s for a
   * connection; connecting happens on first use.
   *
   * @param jdbcUrl such as {@code jdbc:mariadb://pbx:3306/asteriskcdrdb}
   * @param user the database user, or null to take it from the URL
   * @param password the password, or null to take it from the URL
   * @return an open pool; close it when done
   * @throws ru.sipring.core.BadInputException when {@code jdbcUrl} is not a JDBC URL (the message masks any
   *     password in it)
   */
  public static DatabasePool pooled(String jdbcUrl, @Nullable String user, @Nullable String password) {
    return pooled(jdbcUrl, user, password, DEFAULT_POOL_SIZE, Duration.ofSeconds(5));
  }

  /**
   * A pool to {@code jdbcUrl} with at most {@code maxConnections}; {@code connectTimeout} bounds how long a
   * caller waits for a connection when the server is down or the pool is exhausted. Connecting happens
   * lazily, on first use, so building a pool for a server that is down does not throw.
   *
   * @param jdbcUrl such as {@code jdbc:mariadb://pbx:3306/asteriskcdrdb}
   * @param user the database user, or null to take it from the URL
   * @param password the password, or null to take it from the URL
   * @param maxConnections the most connections open at once
   * @param connectTimeout how long a caller waits for a connection (at least 250 ms is used)
   * @return an open pool; close it when done
   * @throws ru.sipring.core.BadInputException when {@code jdbcUrl} is not a JDBC URL (the message masks any
   *     password in it)
   */
  public static DatabasePool pooled(String jdbcUrl, @Nullable String user, @Nullable String password,
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
    return new HikariPool(new HikariDataSource(config));
  }
}
