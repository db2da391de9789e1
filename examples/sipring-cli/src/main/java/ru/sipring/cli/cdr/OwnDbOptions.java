package ru.sipring.cli.cdr;

import ru.sipring.cdr.DatabasePool;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.cdr.Databases;
import ru.sipring.cli.campaign.EmbeddedDatabase;

/**
 * {@code [--db JDBC_URL --db-user U --db-password P]} for commands on SipRing's own tables (operators): the database
 * given, or else the embedded one under {@code $SIPRING_HOME} ({@link EmbeddedDatabase}). Picocli mixin.
 */
public final class OwnDbOptions {
  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "MariaDB/MySQL, such as jdbc:mariadb://pbx:3306/asteriskcdrdb (default: the embedded database "
          + "in $SIPRING_HOME, ~/.sipring)")
  @Nullable String url;

  @Option(names = "--db-user", paramLabel = "U", defaultValue = "${env:SIPRING_DB_USER}",
      description = "database user (default: $SIPRING_DB_USER)")
  @Nullable String user;

  @Option(names = "--db-password", paramLabel = "P", defaultValue = "${env:SIPRING_DB_PASSWORD}",
      description = "database password (default: $SIPRING_DB_PASSWORD)")
  @Nullable String password;

  /** A small pool for one command; the caller closes it. */
  public DatabasePool open() {
    if (url != null) {
      return Databases.pooled(url, user, password);
    }
    PrintWriter err = mixee != null && mixee.commandLine() != null ? mixee.commandLine().getErr()
        : new PrintWriter(System.err, true);
    return EmbeddedDatabase.open(EmbeddedDatabase.home(), err);
  }
}
