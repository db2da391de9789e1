package ru.sipring.cdr.campaign.tariff;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.tariff.RateVersion;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.cdr.DbFailures;
import ru.sipring.cdr.SipRingSchema;

/**
 * {@link TariffRepository} on MariaDB/MySQL and the embedded H2. A version and its rates are written in one
 * transaction; the next version number is taken under a lock on the table's versions, so two imports at once get
 * two versions. Prices round-trip with their scale (stored as decimal text). Thread-safe: every call uses its own
 * pooled connection.
 */
public final class JdbiTariffRepository implements TariffRepository {
  private static final int BATCH = 1000;
  private final Jdbi jdbi;
  private final Clock clock;

  private JdbiTariffRepository(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * The repository over {@code dataSource}, whose schema is already migrated.
   *
   * @param dataSource the database
   * @param clock the clock of the versions' creation times
   * @return the repository
   */
  public static JdbiTariffRepository of(DataSource dataSource, Clock clock) {
    return new JdbiTariffRepository(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")),
        Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The repository over {@code dataSource}; runs the schema migrations first (idempotent).
   *
   * @param dataSource the database
   * @param clock the clock of the versions' creation times
   * @return the repository
   */
  public static JdbiTariffRepository migrateAndOpen(DataSource dataSource, Clock clock) {
    SipRingSchema.migrate(dataSource);
    return new JdbiTariffRepository(Jdbi.create(dataSource), Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public RateVersion addVersion(String table, Instant validFrom, String source, List<Tariff> rates) {
    RateVersion.checkName(table);
    Instant now = clock.instant();
    // checks names and lengths before touching the database
    new RateVersion(table, 1, validFrom, now, source, rates);
    return tx("storing a rate table version", h -> {
      List<Existing> existing = h.createQuery("SELECT table_name, version FROM "
          + "sipring_campaign_rate_version WHERE table_name = :t ORDER BY version DESC FOR UPDATE").bind("t", table)
          .map((rs, ctx) -> new Existing(rs.getString("table_name"), rs.getInt("version"))).list();
      // the name as first written: "основной" adds a version to "Основной"
      String name = existing.isEmpty() ? table : existing.get(existing.size() - 1).name();
      int version = existing.isEmpty() ? 1 : existing.get(0).version() + 1;
      h.createUpdate("INSERT INTO sipring_campaign_rate_version (table_name, version, valid_from, created_at, source) "
          + "VALUES (:t, :v, :f, :c, :s)").bind("t", name).bind("v", version).bind("f", validFrom.toEpochMilli())
          .bind("c", now.toEpochMilli()).bind("s", source).execute();
      for (int i = 0; i < rates.size(); i += BATCH) {
        var batch = h.prepareBatch("INSERT INTO sipring_campaign_rate (table_name, version, seq, prefix, name, "
            + "price_per_minute, initial_block, billing_block, connect_charge, free_seconds, minimal_cost, valid_from, "
            + "valid_to) VALUES (:t, :v, :q, :p, :n, :r, :ib, :bb, :cc, :fs, :mc, :vf, :vt)");
        for (int k = i; k < Math.min(rates.size(), i + BATCH); k++) {
          Tariff r = rates.get(k);
          batch.bind("t", name).bind("v", version).bind("q", k).bind("p", r.prefix()).bind("n", r.name())
              .bind("r", r.pricePerMinute().toPlainString()).bind("ib", r.initialBlock())
              .bind("bb", r.billingBlock()).bind("cc", r.connectCharge().toPlainString())
              .bind("fs", r.freeSeconds()).bind("mc", r.minimalCost().toPlainString())
              .bind("vf", ms(r.validFrom())).bind("vt", ms(r.validTo())).add();
        }
        batch.execute();
      }
      return new RateVersion(name, version, validFrom, Instant.ofEpochMilli(now.toEpochMilli()), source, rates);
    });
  }

  private record Existing(String name, int version) {}

  @Override
  public List<RateVersion> versions(String table) {
    return with("reading a rate table", h -> {
      Map<Integer, List<Tariff>> rates = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM sipring_campaign_rate WHERE table_name = :t ORDER BY version, seq")
          .bind("t", table).map((rs, ctx) -> {
            rates.computeIfAbsent(rs.getInt("version"), k -> new ArrayList<>()).add(rate(rs));
            return 0;
          }).list();
      return h.createQuery("SELECT * FROM sipring_campaign_rate_version WHERE table_name = :t ORDER BY version")
          .bind("t", table).map((rs, ctx) -> new RateVersion(rs.getString("table_name"), rs.getInt("version"),
              Instant.ofEpochMilli(rs.getLong("valid_from")), Instant.ofEpochMilli(rs.getLong("created_at")),
              rs.getString("source"), rates.getOrDefault(rs.getInt("version"), List.of()))).list();
    });
  }

  @Override
  public List<String> tables() {
    return with("listing rate tables", h -> h.createQuery("SELECT DISTINCT table_name FROM "
        + "sipring_campaign_rate_version").mapTo(String.class).list().stream().sorted().toList());
  }

  private static Tariff rate(ResultSet rs) throws SQLException {
    return new Tariff(rs.getString("prefix"), rs.getString("name"), new BigDecimal(rs.getString("price_per_minute")),
        rs.getInt("initial_block"), rs.getInt("billing_block"), new BigDecimal(rs.getString("connect_charge")),
        rs.getInt("free_seconds"), new BigDecimal(rs.getString("minimal_cost")), instant(rs, "valid_from"),
        instant(rs, "valid_to"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static @Nullable Long ms(@Nullable Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private <T> T with(String what, Function<Handle, T> work) {
    try {
      return jdbi.withHandle(work::apply);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e);
    }
  }

  private <T> T tx(String what, Function<Handle, T> work) {
    try {
      return jdbi.inTransaction(work::apply);
    } catch (RuntimeException e) {
      if (e instanceof ru.sipring.core.SipRingException s) {
        throw s;
      }
      throw DbFailures.translate(what, e);
    }
  }
}
