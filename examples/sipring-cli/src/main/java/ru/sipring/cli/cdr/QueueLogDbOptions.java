package ru.sipring.cli.cdr;

import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.cdr.DatabasePool;
import java.time.ZoneId;
import picocli.CommandLine.Option;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.core.queuelog.QueueLogSource;

/**
 * The options {@code report --db JDBC_URL [--db-user U --db-password P] [--table queue_log]} adds to the
 * report command, as a picocli mixin: {@code @Mixin
 @SuppressWarnings("NullAway.Init") // picocli injects it before call()
 QueueLogDbOptions db;} then, when {@link #given()},
 * {@code try (var opened = db.open(zone)) { report from opened.source() }}.
 */
public final class QueueLogDbOptions {
  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "read the realtime queue_log table of this database instead of a file")
  @Nullable String url;

  @Option(names = "--db-user", paramLabel = "U", defaultValue = "${env:SIPRING_DB_USER}")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String user;

  @Option(names = "--db-password", paramLabel = "P",
      description = "database password (visible in ps: prefer --db-password-file or $SIPRING_DB_PASSWORD)")
  @Nullable String password;

  @Option(names = "--db-password-file", paramLabel = "FILE", description = "file whose first line is the database password")
  java.nio.file.@Nullable Path passwordFile;

  @Option(names = "--table", paramLabel = "TABLE", defaultValue = "queue_log",
      description = "queue_log table (default: ${DEFAULT-VALUE}; FreePBX 16/17: queuelog)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String table;

  /** Whether {@code --db} was given. */
  public boolean given() {
    return url != null;
  }

  /** A source over the table, reading DATETIME/CHAR times in {@code zone} (the report's zone). */
  public Opened open(ZoneId zone) {
    String jdbcUrl = url;
    if (jdbcUrl == null) {
      throw new BadInputException("--db", "no database given");
    }
    DatabasePool pool = Databases.pooled(jdbcUrl, user,
        ru.sipring.cli.Secrets.resolve(password, passwordFile, "--db-password-file", "SIPRING_DB_PASSWORD"));
    return new Opened(pool, QueueLogTableSource.builder(pool).table(table).zone(zone).build());
  }

  /** The source and the pool behind it; closing closes the pool. */
  public record Opened(DatabasePool pool, QueueLogSource source) implements AutoCloseable {
    @Override
    public void close() {
      pool.close();
    }
  }
}
