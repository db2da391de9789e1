package ru.sipring.cdr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.core.directory.LoginFailureLedger;

/**
 * {@link LoginFailureLedger} in SipRing's database ({@code sipring_login_failure}, and the {@code sipring_setting}
 * row {@code agi_login_locked_until}; created by {@link SipRingSchema#migrate}), so the {@code *45} login server
 * keeps per-device lockouts and the overall wrong-PIN budget across restarts, and several login servers on one
 * database share them. Only devices and instants are stored, never a PIN.
 *
 * <p>Thread-safe: each call borrows a pooled connection.
 */
public final class JdbiLoginFailureLedger implements LoginFailureLedger {
  static final String LOCK_SETTING = "agi_login_locked_until";
  private final Jdbi jdbi;
  private final Clock clock;

  private JdbiLoginFailureLedger(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * @param dataSource the registry database, migrated by {@link SipRingSchema#migrate}
   * @param clock time of the lock setting's {@code updated_utc}
   * @return the ledger
   */
  public static JdbiLoginFailureLedger of(DataSource dataSource, Clock clock) {
    return new JdbiLoginFailureLedger(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")),
        Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public void recordFailure(String device, Instant at) {
    String d = device.length() > 128 ? device.substring(0, 128) : device;
    run("recording a wrong PIN", h -> h.createUpdate("INSERT INTO sipring_login_failure (device, at_utc) VALUES (?, ?)")
        .bind(0, d).bind(1, utc(at)).execute());
  }

  @Override
  public int failuresSince(String device, Instant since) {
    return run("counting wrong PINs", h -> h.createQuery(
            "SELECT COUNT(*) FROM sipring_login_failure WHERE device = ? AND at_utc >= ?")
        .bind(0, device.length() > 128 ? device.substring(0, 128) : device).bind(1, utc(since))
        .mapTo(Integer.class).one());
  }

  @Override
  public int failuresSince(Instant since) {
    return run("counting wrong PINs", h -> h.createQuery("SELECT COUNT(*) FROM sipring_login_failure WHERE at_utc >= ?")
        .bind(0, utc(since)).mapTo(Integer.class).one());
  }

  @Override
  public void clearDevice(String device) {
    run("clearing wrong PINs", h -> h.createUpdate("DELETE FROM sipring_login_failure WHERE device = ?")
        .bind(0, device.length() > 128 ? device.substring(0, 128) : device).execute());
  }

  @Override
  public void lockAll(Instant until) {
    try {
      jdbi.useTransaction(h -> {
        Optional<Instant> stored = lockedUntil(h);
        if (stored.isPresent() && !until.isAfter(stored.get())) {
          return;
        }
        h.createUpdate("INSERT INTO sipring_setting (name, value, updated_utc) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE value = VALUES(value), updated_utc = VALUES(updated_utc)")
            .bind(0, LOCK_SETTING).bind(1, until.toString()).bind(2, utc(clock.instant())).execute();
      });
    } catch (RuntimeException e) {
      throw DbFailures.translate("locking the *45 login", e);
    }
  }

  @Override
  public Optional<Instant> lockedUntil() {
    return run("reading the *45 login lock", JdbiLoginFailureLedger::lockedUntil);
  }

  @Override
  public void forgetBefore(Instant before) {
    run("forgetting old wrong PINs", h -> h.createUpdate("DELETE FROM sipring_login_failure WHERE at_utc < ?")
        .bind(0, utc(before)).execute());
  }

  private static Optional<Instant> lockedUntil(Handle h) {
    Optional<String> v = h.createQuery("SELECT value FROM sipring_setting WHERE name = ?").bind(0, LOCK_SETTING)
        .mapTo(String.class).findOne();
    try {
      return v.map(Instant::parse);
    } catch (DateTimeParseException e) {
      // a hand-edited row must not silently unlock logins: it is reported, naming the row to fix
      throw new ru.sipring.core.BadInputException("sipring_setting." + LOCK_SETTING,
          "not an ISO-8601 instant; delete the row to unlock *45 logins", e);
    }
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Handle handle);
  }

  private <T> T run(String what, Work<T> work) {
    try {
      return jdbi.withHandle(work::run);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e);
    }
  }
}
