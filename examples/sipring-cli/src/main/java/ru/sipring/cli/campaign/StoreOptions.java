package ru.sipring.cli.campaign;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.campaign.JdbiCampaignStore;

/**
 * Where campaign commands keep their data: a MariaDB/MySQL database ({@code --db}), or else the embedded
 * default store, a JSON file ({@code --store}, default {@code $SIPRING_HOME/campaign.json}, where
 * {@code SIPRING_HOME} defaults to {@code ~/.sipring}).
 */
public final class StoreOptions {
  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "MariaDB/MySQL database, e.g. jdbc:mariadb://127.0.0.1:3306/asteriskcdrdb "
          + "(SipRing's tables are created on first use). Without it the embedded JSON store is used.")
  @Nullable String db;

  @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: $SIPRING_DB_USER)")
  @Nullable String dbUser;

  @Option(names = "--db-password", paramLabel = "PASSWORD",
      description = "database password (default: $SIPRING_DB_PASSWORD)")
  @Nullable String dbPassword;

  @Option(names = "--store", paramLabel = "FILE",
      description = "embedded store file (default: $SIPRING_HOME/campaign.json, SIPRING_HOME = ~/.sipring)")
  @Nullable Path store;

  /** An open store; {@link Opened#close()} saves the embedded one and closes the pool. */
  public Opened open() {
    if (db != null) {
      String user = dbUser != null ? dbUser : System.getenv("SIPRING_DB_USER");
      String password = dbPassword != null ? dbPassword : System.getenv("SIPRING_DB_PASSWORD");
      HikariDataSource ds = Databases.pooled(db, user, password);
      try {
        return new Opened(JdbiCampaignStore.migrateAndOpen(ds), null, ds);
      } catch (RuntimeException e) {
        ds.close();
        throw e;
      }
    }
    Path file = storeFile();
    return new Opened(InMemoryCampaignStore.load(file), file, null);
  }

  Path storeFile() {
    if (store != null) {
      return store;
    }
    String home = System.getenv("SIPRING_HOME");
    Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".sipring");
    return dir.resolve("campaign.json");
  }

  /** An open store and what to do when the command is done. */
  public static final class Opened implements AutoCloseable {
    private final CampaignStore store;
    private final @Nullable Path file;
    private final @Nullable HikariDataSource dataSource;
    private boolean dirty;

    Opened(CampaignStore store, @Nullable Path file, @Nullable HikariDataSource dataSource) {
      this.store = store;
      this.file = file;
      this.dataSource = dataSource;
    }

    public CampaignStore store() {
      return store;
    }

    /** Marks the embedded store as changed, to be saved on close. */
    public void changed() {
      dirty = true;
    }

    @Override
    public void close() {
      if (file != null && dirty) {
        ((InMemoryCampaignStore) store).save(file);
      }
      if (dataSource != null) {
        dataSource.close();
      }
    }
  }
}
