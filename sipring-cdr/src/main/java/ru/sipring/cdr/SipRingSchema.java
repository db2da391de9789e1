package ru.sipring.cdr;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades SipRing's own tables (prefix {@code sipring_}) with Flyway, from the versioned SQL
 * migrations on the classpath under {@value #LOCATION}. Every module that owns tables adds its migrations
 * there, in its own version range: V1..V99 sipring-cdr (operators), V100+ campaigns, V200+ surveys, V300+
 * fax. The history is kept in {@value #HISTORY_TABLE}, so SipRing can share a database (even
 * {@code asteriskcdrdb}) with other applications that use Flyway.
 *
 * <pre>{@code
 * SipRingSchema.migrate(dataSource);   // idempotent: applies only what is missing
 * }</pre>
 *
 * <p>Flyway was chosen over hand-written "CREATE IF NOT EXISTS" because it records which versions ran, refuses
 * to run on a schema changed behind its back (checksums), and is the tool a host application most likely
 * already knows. Thread-safe (stateless); concurrent migrations are serialised by Flyway's lock.
 */
public final class SipRingSchema {
  /** Classpath folder of SipRing's migrations. */
  public static final String LOCATION = "classpath:db/sipring";
  /**
   * Classpath folder of the few migrations whose SQL no single text serves both engines, one subfolder per engine:
   * {@code mariadb} (MariaDB and MySQL) and {@code h2} (the embedded database, {@link Databases#embedded}). The
   * two files of one version create the same tables.
   */
  public static final String VENDOR_LOCATION = "classpath:db/sipring-vendor";
  /** Flyway's history table for SipRing's schema. */
  public static final String HISTORY_TABLE = "sipring_schema_history";

  /**
   * Serialises migrations within this JVM. Flyway's own lock serialises processes on MariaDB; on H2 two connections
   * of one process creating the history table at once race in Flyway's baseline step ("Unable to baseline schema
   * history table ... as it already exists, and is empty", seen with two concurrent CLI imports in one JVM), and only
   * one process can have an embedded H2 file open anyway.
   */
  private static final Object MIGRATING = new Object();

  private SipRingSchema() {}

  /** What a migration run did. Immutable (thread-safe). */
  public record Result(int applied, String version) {}

  /**
   * Applies every pending migration to the database behind {@code dataSource}. A database that already
   * holds other tables (a FreePBX {@code asteriskcdrdb}) is accepted: SipRing's history starts at version 0.
   *
   * @param dataSource the database (MariaDB/MySQL or the embedded H2)
   * @return how many migrations were applied and the schema version now
   * @throws ru.sipring.core.ConnectionException when the database cannot be reached
   * @throws ru.sipring.core.SipRingException when a migration fails or a applied one was changed
   */
  public static Result migrate(DataSource dataSource) {
    try {
      MigrateResult result;
      synchronized (MIGRATING) {
        result = flyway(dataSource).migrate();
      }
      return new Result(result.migrationsExecuted,
          result.targetSchemaVersion != null ? result.targetSchemaVersion : String.valueOf(result.initialSchemaVersion));
    } catch (RuntimeException e) {
      throw DbFailures.translate("migrating SipRing's schema", e);
    }
  }

  /**
   * The Flyway configuration SipRing uses, for hosts that want {@code info()} or {@code validate()}. Asks the
   * database which engine it is (H2 or MariaDB/MySQL) to add that engine's folder under {@link #VENDOR_LOCATION}.
   *
   * @param dataSource the database
   * @return a configured Flyway
   * @throws ru.sipring.core.ConnectionException when the database cannot be reached
   */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION, VENDOR_LOCATION + "/" + vendor(dataSource))
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .outOfOrder(true) // each module owns a version range (V1xx campaign, V2xx surveys, ...): V101 after V300
        .loggers("slf4j")
        .load();
  }

  /**
   * {@code h2} for H2, else {@code mariadb}. Flyway's own {@code {vendor}} placeholder would name MySQL
   * {@code mysql}, and SipRing serves MySQL with the MariaDB files.
   */
  static String vendor(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "h2" : "mariadb";
    } catch (SQLException | RuntimeException e) {
      throw DbFailures.translate("connecting to migrate SipRing's schema", e);
    }
  }
}
