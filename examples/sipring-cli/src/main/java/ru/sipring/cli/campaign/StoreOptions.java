package ru.sipring.cli.campaign;

import ru.sipring.cdr.DatabasePool;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.campaign.JdbiCampaignStore;

/**
 * Where campaign commands keep their data: a MariaDB/MySQL database ({@code --db}), or else the embedded database
 * ({@code --store DIR}, default {@code $SIPRING_HOME}, where {@code SIPRING_HOME} defaults to {@code ~/.sipring}).
 * Both run the same store ({@link JdbiCampaignStore}); every change is committed when it is made.
 */
public final class StoreOptions {
  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "MariaDB/MySQL database, e.g. jdbc:mariadb://127.0.0.1:3306/asteriskcdrdb "
          + "(SipRing's tables are created on first use). Without it the embedded database is used.")
  @Nullable String db;

  @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: $SIPRING_DB_USER)")
  @Nullable String dbUser;

  @Option(names = "--db-password", paramLabel = "PASSWORD",
      description = "database password (default: $SIPRING_DB_PASSWORD)")
  @Nullable String dbPassword;

  @Option(names = "--store", paramLabel = "DIR",
      description = "directory of the embedded database (default: $SIPRING_HOME, SIPRING_HOME = ~/.sipring)")
  @Nullable Path store;

  /** An open store; {@link Opened#close()} closes its pool (and so lets other processes open the embedded one). */
  public Opened open() {
    DatabasePool ds;
    if (db != null) {
      String user = dbUser != null ? dbUser : System.getenv("SIPRING_DB_USER");
      String password = dbPassword != null ? dbPassword : System.getenv("SIPRING_DB_PASSWORD");
      ds = Databases.pooled(db, user, password);
    } else {
      PrintWriter err = mixee != null && mixee.commandLine() != null ? mixee.commandLine().getErr()
        : new PrintWriter(System.err, true);
      ds = EmbeddedDatabase.open(storeDir(), err);
    }
    try {
      return new Opened(JdbiCampaignStore.migrateAndOpen(ds), ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  Path storeDir() {
    return store != null ? store : EmbeddedDatabase.home();
  }

  /** An open store and its pool. */
  public static final class Opened implements AutoCloseable {
    private final JdbiCampaignStore store;
    private final DatabasePool dataSource;

    Opened(JdbiCampaignStore store, DatabasePool dataSource) {
      this.store = store;
      this.dataSource = dataSource;
    }

    public CampaignStore store() {
      return store;
    }

    JdbiCampaignStore jdbiStore() {
      return store;
    }

    @Override
    public void close() {
      dataSource.close();
    }
  }
}
