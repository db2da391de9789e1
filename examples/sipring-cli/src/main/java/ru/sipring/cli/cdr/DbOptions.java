package ru.sipring.cli.cdr;

import org.jspecify.annotations.Nullable;
import ru.sipring.cdr.DatabasePool;
import picocli.CommandLine.Option;
import ru.sipring.cdr.Databases;

/** {@code --db JDBC_URL [--db-user U --db-password P]}: where the database is. Picocli mixin. */
public final class DbOptions {
  @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
      description = "JDBC URL, such as jdbc:mariadb://pbx:3306/asteriskcdrdb")

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String url;

  @Option(names = "--db-user", paramLabel = "U", defaultValue = "${env:SIPRING_DB_USER}",
      description = "database user (default: $SIPRING_DB_USER)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String user;

  @Option(names = "--db-password", paramLabel = "P",
      description = "database password (visible in ps: prefer --db-password-file or $SIPRING_DB_PASSWORD)")
  @Nullable String password;

  @Option(names = "--db-password-file", paramLabel = "FILE", description = "file whose first line is the database password")
  java.nio.file.@Nullable Path passwordFile;

  /** A small pool for one command; the caller closes it. */
  public DatabasePool open() {
    return Databases.pooled(url, user, password());
  }

  /** The password from --db-password, --db-password-file or $SIPRING_DB_PASSWORD, or null. */
  public @Nullable String password() {
    return ru.sipring.cli.Secrets.resolve(password, passwordFile, "--db-password-file", "SIPRING_DB_PASSWORD");
  }
}
