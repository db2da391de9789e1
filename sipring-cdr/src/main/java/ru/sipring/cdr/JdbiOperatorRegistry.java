package ru.sipring.cdr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.directory.Operator;

/**
 * {@link OperatorRegistry} on SipRing's tables ({@code sipring_operator}, {@code sipring_operator_alias},
 * {@code sipring_operator_login}, {@code sipring_setting}; created by {@link SipRingSchema#migrate}). PINs are
 * stored as {@link PinHasher HMAC}s; a login is one lookup on the unique index of the active operators'
 * PIN hashes. Every edit runs in one transaction. Thread-safe: each call borrows a pooled connection.
 */
public final class JdbiOperatorRegistry implements OperatorRegistry {
  private static final String SERVICE_PASSWORD = "service_password";
  private static final String COLUMNS = "id, number, full_name, active, pin_hmac IS NOT NULL AS has_pin";
  private final Jdbi jdbi;
  private final PinHasher pins;
  private final PinPolicy policy;
  private final Clock clock;

  private JdbiOperatorRegistry(Jdbi jdbi, PinHasher pins, PinPolicy policy, Clock clock) {
    this.jdbi = jdbi;
    this.pins = pins;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * A registry on {@code dataSource}, whose schema must have been migrated ({@link SipRingSchema#migrate}), with the
   * default {@link PinPolicy}.
   *
   * @param dataSource the database
   * @param pins the PIN hash
   * @param clock time of edits and log entries
   * @return the registry
   */
  public static JdbiOperatorRegistry of(DataSource dataSource, PinHasher pins, Clock clock) {
    return of(dataSource, pins, PinPolicy.defaults(), clock);
  }

  /**
   * A registry on {@code dataSource} (schema migrated by {@link SipRingSchema#migrate}).
   *
   * @param dataSource the database
   * @param pins the PIN hash
   * @param policy what a new PIN must be
   * @param clock time of edits and log entries
   * @return the registry
   */
  public static JdbiOperatorRegistry of(DataSource dataSource, PinHasher pins, PinPolicy policy, Clock clock) {
    return new JdbiOperatorRegistry(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")),
        Objects.requireNonNull(pins, "pins"), Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(clock, "clock"));
  }

  private @Nullable String newPin(@Nullable String pin) {
    String p = OperatorRules.pin(pin);
    return p == null ? null : policy.check(p);
  }

  @Override
  public boolean hasServicePassword() {
    return call("reading the service password", h -> storedPassword(h) != null);
  }

  @Override
  public void setServicePassword(@Nullable String current, String next) {
    if (next == null || next.isEmpty()) {
      throw new ru.sipring.core.BadInputException("service password", "must not be empty");
    }
    String hash = ServicePasswords.hash(next);
    write("setting the service password", h -> {
      String stored = h.createQuery("SELECT value FROM sipring_setting WHERE name = ? FOR UPDATE")
          .bind(0, SERVICE_PASSWORD).mapTo(String.class).findOne().orElse(null);
      if (stored != null && (current == null || !ServicePasswords.matches(current, stored))) {
        throw new RejectedException("wrong service password");
      }
      return h.createUpdate("INSERT INTO sipring_setting (name, value, updated_utc) VALUES (?, ?, ?) "
              + "ON DUPLICATE KEY UPDATE value = VALUES(value), updated_utc = VALUES(updated_utc)")
          .bind(0, SERVICE_PASSWORD).bind(1, hash).bind(2, now()).execute();
    });
  }

  @Override
  public OperatorInfo add(String number, String name, @Nullable String pin, String servicePassword) {
    String n = OperatorRules.number(number);
    String fullName = OperatorRules.name(name);
    byte[] hash = hashOrNull(newPin(pin));
    return edit("adding operator " + n, servicePassword, h -> {
      LocalDateTime now = now();
      h.createUpdate("INSERT INTO sipring_operator (number, full_name, active, pin_hmac, created_utc, updated_utc)"
              + " VALUES (?, ?, 1, ?, ?, ?)")
          .bind(0, n).bind(1, fullName).bindByType(2, hash, byte[].class).bind(3, now).bind(4, now).execute();
      return load(h, n);
    });
  }

  @Override
  public OperatorInfo rename(String number, String name, String servicePassword) {
    String fullName = OperatorRules.name(name);
    return update(number, "renaming", servicePassword, "full_name = ?", fullName);
  }

  @Override
  public OperatorInfo setPin(String number, String pin, String servicePassword) {
    byte[] hash = hashOrNull(Objects.requireNonNull(newPin(pin), "pin"));
    return update(number, "setting the PIN of", servicePassword, "pin_hmac = ?", hash);
  }

  @Override
  public OperatorInfo resetPin(String number, String servicePassword) {
    return update(number, "resetting the PIN of", servicePassword, "pin_hmac = ?", null);
  }

  @Override
  public OperatorInfo setActive(String number, boolean active, String servicePassword) {
    return update(number, active ? "enabling" : "disabling", servicePassword, "active = ?", active ? 1 : 0);
  }

  @Override
  public OperatorInfo addAlias(String number, String agent, String servicePassword) {
    String n = OperatorRules.number(number);
    String a = OperatorRules.agent(agent);
    return edit("adding alias " + a + " to operator " + n, servicePassword, h -> {
      long id = idOf(h, n);
      h.createUpdate("INSERT INTO sipring_operator_alias (agent, operator_id) VALUES (?, ?)")
          .bind(0, a).bind(1, id).execute();
      return load(h, n);
    });
  }

  @Override
  public List<OperatorInfo> list() {
    return call("listing operators", h -> loadAll(h, "", null));
  }

  @Override
  public Optional<OperatorInfo> find(String number) {
    return call("finding operator " + number, h -> loadAll(h, " WHERE o.number = ?", number))
        .stream().findFirst();
  }

  @Override
  public ru.sipring.core.directory.AgentDirectory directorySnapshot() {
    return new AgentResolver(list());
  }

  /**
   * The operator registry stored in a database as a report's {@link ru.sipring.core.directory.AgentDirectory}:
   * read once, same resolution as {@link #directorySnapshot()}, without the PIN secret a full registry needs
   * (naming operators reads no PIN). A report host calls it when it is given a database and no other directory.
   *
   * @param dataSource the database that may hold SipRing's operator tables
   * @return the directory as it is now, or empty when the database has no operator tables (SipRing's schema
   *     was never migrated there, e.g. a bare asteriskcdrdb)
   * @throws ru.sipring.core.SipRingException when the database cannot be read for another reason
   */
  public static Optional<ru.sipring.core.directory.AgentDirectory> directoryIn(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(Objects.requireNonNull(dataSource, "dataSource"));
    try {
      return Optional.of(new AgentResolver(jdbi.withHandle(h -> loadAll(h, "", null))));
    } catch (RuntimeException e) {
      ru.sipring.core.SipRingException failure = DbFailures.translate("reading operators", e,
          JdbiOperatorRegistry::explain);
      if (failure instanceof NotFoundException) {
        return Optional.empty();
      }
      throw failure;
    }
  }

  @Override
  public Optional<Operator> authenticate(String pin) {
    String p;
    try {
      p = OperatorRules.pin(pin);
    } catch (ru.sipring.core.BadInputException e) {
      return Optional.empty(); // a mistyped PIN is simply not found
    }
    if (p == null) {
      return Optional.empty();
    }
    byte[] hash = pins.hash(p);
    return call("checking a PIN", h -> h.createQuery(
            "SELECT number, full_name FROM sipring_operator WHERE active_pin_hmac = ?")
        .bind(0, hash)
        .map((rs, ctx) -> new Operator(rs.getString(1), rs.getString(2)))
        .findOne());
  }

  @Override
  public Optional<Operator> operatorOf(String agent) {
    if (agent == null || agent.isBlank()) {
      return Optional.empty();
    }
    List<String> candidates = OperatorRules.candidates(agent);
    return call("resolving agent " + agent, h -> {
      Optional<Operator> found = h.createQuery("SELECT o.number, o.full_name FROM sipring_operator_alias a "
              + "JOIN sipring_operator o ON o.id = a.operator_id WHERE a.agent = ?")
          .bind(0, agent).map((rs, ctx) -> new Operator(rs.getString(1), rs.getString(2))).findOne();
      if (found.isEmpty()) {
        found = one(h, "number = ?", agent);
      }
      if (found.isEmpty()) {
        // the name is not unique by rule; prefer the active operator, then the lowest number
        found = h.createQuery("SELECT number, full_name FROM sipring_operator WHERE full_name = ? "
                + "ORDER BY active DESC, number LIMIT 1")
            .bind(0, agent).map((rs, ctx) -> new Operator(rs.getString(1), rs.getString(2))).findOne();
      }
      if (found.isEmpty() && candidates.size() > 1) {
        found = one(h, "number = ?", candidates.get(1));
      }
      return found;
    });
  }

  @Override
  public void record(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    write("recording a " + entry.action() + " of operator " + entry.operator().number(), h -> {
      Long id = h.createQuery("SELECT id FROM sipring_operator WHERE number = ?")
          .bind(0, entry.operator().number()).mapTo(Long.class).findOne().orElse(null);
      return h.createUpdate("INSERT INTO sipring_operator_login (operator_id, operator_number, operator_name, queue, "
              + "device, action, at_utc, by_whom) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, id).bind(1, entry.operator().number()).bind(2, entry.operator().name())
          .bind(3, entry.queue()).bind(4, entry.device()).bind(5, entry.action().name())
          .bind(6, LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC)).bind(7, entry.by()).execute();
    });
  }

  @Override
  public List<Entry> loginEntries(Instant from, Instant to) {
    return call("reading the login log", h -> h.createQuery(
            "SELECT operator_number, operator_name, queue, device, action, at_utc, by_whom "
                + "FROM sipring_operator_login WHERE at_utc >= ? AND at_utc < ? ORDER BY at_utc, id")
        .bind(0, LocalDateTime.ofInstant(from, ZoneOffset.UTC))
        .bind(1, LocalDateTime.ofInstant(to, ZoneOffset.UTC))
        .map((rs, ctx) -> new Entry(new Operator(rs.getString(1), rs.getString(2)), rs.getString(3),
            rs.getString(4), Action.valueOf(rs.getString(5)),
            rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(7)))
        .list());
  }

  // ---- internals

  private OperatorInfo update(String number, String verb, String servicePassword, String set,
      @Nullable Object value) {
    String n = OperatorRules.number(number);
    return edit(verb + " operator " + n, servicePassword, h -> {
      idOf(h, n);
      var update = h.createUpdate("UPDATE sipring_operator SET " + set + ", updated_utc = ? WHERE number = ?");
      if (value == null) {
        update.bindNull(0, java.sql.Types.BINARY);
      } else {
        update.bind(0, value);
      }
      update.bind(1, now()).bind(2, n).execute();
      return load(h, n);
    });
  }

  private byte @Nullable [] hashOrNull(@Nullable String pin) {
    return pin == null ? null : pins.hash(pin);
  }

  private OperatorInfo edit(String what, String servicePassword, Work<OperatorInfo> work) {
    return write(what, h -> {
      String stored = storedPassword(h);
      if (stored == null) {
        throw new RejectedException(what + ": no service password is set yet; set one first");
      }
      if (servicePassword == null || !ServicePasswords.matches(servicePassword, stored)) {
        throw new RejectedException(what + ": wrong service password");
      }
      return work.run(h);
    });
  }

  private static @Nullable String storedPassword(Handle h) {
    return h.createQuery("SELECT value FROM sipring_setting WHERE name = ?").bind(0, SERVICE_PASSWORD)
        .mapTo(String.class).findOne().orElse(null);
  }

  private static long idOf(Handle h, String number) {
    return h.createQuery("SELECT id FROM sipring_operator WHERE number = ?").bind(0, number)
        .mapTo(Long.class).findOne()
        .orElseThrow(() -> new NotFoundException("no operator with number " + number));
  }

  private static Optional<Operator> one(Handle h, String where, String value) {
    return h.createQuery("SELECT number, full_name FROM sipring_operator WHERE " + where).bind(0, value)
        .map((rs, ctx) -> new Operator(rs.getString(1), rs.getString(2))).findOne();
  }

  private static OperatorInfo load(Handle h, String number) {
    return loadAll(h, " WHERE o.number = ?", number).get(0);
  }

  private static List<OperatorInfo> loadAll(Handle h, String where, @Nullable String value) {
    var query = h.createQuery("SELECT o.number, o.full_name, o.active, o.pin_hmac IS NOT NULL, a.agent "
        + "FROM sipring_operator o LEFT JOIN sipring_operator_alias a ON a.operator_id = o.id" + where
        + " ORDER BY o.number, a.agent");
    if (value != null) {
      query.bind(0, value);
    }
    Map<String, Object[]> rows = new LinkedHashMap<>();
    query.map((rs, ctx) -> {
      Object[] row = rows.computeIfAbsent(rs.getString(1), k -> {
        try {
          return new Object[] {rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), new ArrayList<String>()};
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      String alias = rs.getString(5);
      if (alias != null) {
        @SuppressWarnings("unchecked")
        List<String> aliases = (List<String>) row[3];
        aliases.add(alias);
      }
      return 0;
    }).list();
    List<OperatorInfo> out = new ArrayList<>(rows.size());
    rows.forEach((number, row) -> {
      @SuppressWarnings("unchecked")
      List<String> aliases = (List<String>) row[3];
      out.add(new OperatorInfo(number, (String) row[0], (Boolean) row[1], (Boolean) row[2], aliases));
    });
    return out;
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Handle handle);
  }

  private <T> T call(String what, Work<T> work) {
    try {
      return jdbi.withHandle(work::run);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e, JdbiOperatorRegistry::explain);
    }
  }

  private <T> T write(String what, Work<T> work) {
    try {
      return jdbi.inTransaction(work::run);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e, JdbiOperatorRegistry::explain);
    }
  }

  /** Readable words for SipRing's own constraints (never echoing the PIN hash the server quotes). */
  private static @Nullable String explain(String serverMessage) {
    if (serverMessage.contains("uq_operator_active_pin")) {
      return "this PIN is already used by another active operator";
    }
    if (serverMessage.contains("uq_operator_number")) {
      return "an operator with this number already exists";
    }
    if (serverMessage.contains("PRIMARY") && serverMessage.contains("sipring_operator_alias")
        || serverMessage.contains("for key 'PRIMARY'")) {
      return "this agent value is already an alias of an operator";
    }
    return null;
  }
}
