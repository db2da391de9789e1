package ru.sipring.cli.campaign;

import ru.sipring.cdr.DatabasePool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/**
 * The CLI's embedded database: {@code $SIPRING_HOME/sipring.mv.db} ({@code SIPRING_HOME} defaults to
 * {@code ~/.sipring}), the store of every command run without {@code --db}. Opening it migrates SipRing's schema
 * and, once, moves the JSON campaign store of an older SipRing ({@code campaign.json} in the same directory) into it.
 * Stateless; each open is independent (the database itself admits one process at a time, see
 * {@link Databases#embedded(Path, java.time.Duration)}).
 */
public final class EmbeddedDatabase {
  /** The JSON store file older SipRing versions kept in {@code $SIPRING_HOME}. */
  public static final String OLD_JSON_STORE = "campaign.json";

  private EmbeddedDatabase() {}

  /**
   * The system property {@code sipring.home} (for hosts and tests), else {@code $SIPRING_HOME}, else
   * {@code ~/.sipring}.
   *
   * @return the directory of the embedded database
   */
  public static Path home() {
    String property = System.getProperty("sipring.home");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String home = System.getenv("SIPRING_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".sipring");
  }

  /**
   * Opens the embedded database in {@code dir} (waiting up to {@code $SIPRING_LOCK_WAIT} seconds, default 30, for
   * another SipRing process that has it open),
   * migrates the schema, and moves an old {@code campaign.json} of {@code dir} into it when the database holds no
   * campaign yet; {@code err} gets one line saying what was moved, or why it was not.
   *
   * @param dir the database's directory
   * @param err where the one-line notes go
   * @return an open pool; the caller closes it
   * @throws BadInputException when {@code dir} is a file (the {@code --store FILE} of older versions)
   * @throws ru.sipring.core.ConnectionException when another process keeps the database, or it cannot be opened
   */
  public static DatabasePool open(Path dir, PrintWriter err) {
    if (Files.isRegularFile(dir)) {
      throw new BadInputException("--store", dir + " is a file; --store names the embedded database's directory "
          + "now (to bring in a JSON store of an older SipRing: sipring campaign migrate-json " + dir + ")");
    }
    DatabasePool ds = Databases.embedded(dir, lockWait());
    try {
      SipRingSchema.migrate(ds);
      Path json = dir.resolve(OLD_JSON_STORE);
      if (Files.isRegularFile(json)) {
        moveJsonStore(json, JdbiCampaignStore.migrateAndOpen(ds), err);
      }
      return ds;
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** {@code $SIPRING_LOCK_WAIT} seconds, default 30: how long a command waits for another one that has the database. */
  static Duration lockWait() {
    String v = System.getenv("SIPRING_LOCK_WAIT");
    if (v == null || v.isBlank()) {
      return Databases.DEFAULT_LOCK_WAIT;
    }
    try {
      long seconds = Long.parseLong(v.trim());
      if (seconds >= 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException("SIPRING_LOCK_WAIT", "expected whole seconds (0 or more), was '" + v + "'");
  }

  /**
   * Copies the JSON store {@code json} into {@code store} (which must hold no campaign), then renames the file to
   * {@code <name>.migrated} so it is not copied twice. Without campaigns in the database it is the one-time move on
   * first open; with campaigns, nothing is copied and {@code err} says so (nothing of either is lost).
   *
   * @param json the old store's file
   * @param store the database's campaign store
   * @param err where the one-line note goes
   * @return what was copied, or null when the database already held campaigns
   */
  static JdbiCampaignStore.@org.jspecify.annotations.Nullable Copied moveJsonStore(Path json, JdbiCampaignStore store,
      PrintWriter err) {
    if (!store.campaigns().projects().isEmpty()) {
      err.println("sipring: " + json + " (the JSON store of an older SipRing) was not moved into the embedded "
          + "database because it already holds campaigns; both are kept");
      err.flush();
      return null;
    }
    JdbiCampaignStore.Copied c = store.copyFrom(InMemoryCampaignStore.load(json));
    Path done = json.resolveSibling(json.getFileName() + ".migrated");
    try {
      Files.move(json, done);
    } catch (IOException e) {
      throw new SipRingException("copied " + json + " into the database but could not rename it to " + done
          + ": " + e.getMessage() + "; rename or remove it before the next command", e);
    }
    err.println("sipring: moved " + json + " into the embedded database: " + c.projects() + " projects, "
        + c.assignments() + " assignments, " + c.contacts() + " client cards, " + c.attempts() + " calls, "
        + c.sessions() + " work sessions (the file is kept as " + done.getFileName() + ")");
    err.flush();
    return c;
  }
}
