package ru.sipring.cdr.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import ru.sipring.cdr.DbFailures;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.admin.PanelRole;
import ru.sipring.core.admin.PanelUser;
import ru.sipring.core.admin.PanelUserStore;

/**
 * {@link PanelUserStore} in SipRing's table {@code sipring_panel_user} (created by
 * {@link ru.sipring.cdr.SipRingSchema#migrate}). Only encoded passwords are stored. Thread-safe: each call borrows
 * a pooled connection. API tokens are kept as their SHA-256 only.
 */
public final class JdbiPanelUserStore implements PanelUserStore {
  private static final RowMapper<PanelUser> ROW = (rs, ctx) -> new PanelUser(rs.getString(1),
      PanelRole.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4), rs.getString(5));
  private static final String COLUMNS = "SELECT name, role, password_hash, enabled, operator FROM sipring_panel_user";
  private final Jdbi jdbi;
  private final Clock clock;

  private JdbiPanelUserStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * A user store on a migrated database.
   *
   * @param dataSource the database, migrated by {@link ru.sipring.cdr.SipRingSchema#migrate}
   * @param clock the time of the rows' created/updated columns
   * @return the store
   */
  public static JdbiPanelUserStore of(DataSource dataSource, Clock clock) {
    return new JdbiPanelUserStore(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")),
        Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public Optional<PanelUser> find(String name) {
    return run("finding panel user " + name, () -> jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE name = ?")
        .bind(0, name).map(ROW).findOne()));
  }

  @Override
  public List<PanelUser> list() {
    return run("listing panel users", () -> jdbi.withHandle(h -> h.createQuery(COLUMNS + " ORDER BY name")
        .map(ROW).list()));
  }

  @Override
  public void insert(PanelUser user) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    run("adding panel user " + user.name(), () -> jdbi.withHandle(h -> h.createUpdate(
            "INSERT INTO sipring_panel_user (name, role, password_hash, enabled, operator, created_utc, updated_utc)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(0, user.name()).bind(1, user.role().name()).bind(2, user.passwordHash())
        .bind(3, user.enabled() ? 1 : 0).bind(4, user.operator()).bind(5, now).bind(6, now).execute()));
  }

  @Override
  public void update(PanelUser user) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int n = run("changing panel user " + user.name(), () -> jdbi.withHandle(h -> h.createUpdate(
            "UPDATE sipring_panel_user SET role = ?, password_hash = ?, enabled = ?, operator = ?, updated_utc = ?"
                + " WHERE name = ?")
        .bind(0, user.role().name()).bind(1, user.passwordHash()).bind(2, user.enabled() ? 1 : 0)
        .bind(3, user.operator()).bind(4, now).bind(5, user.name()).execute()));
    if (n == 0) {
      throw new NotFoundException("no panel user named " + user.name());
    }
  }

  @Override
  public void setTokenHash(String name, @org.jspecify.annotations.Nullable String tokenHash) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int n = run("changing the API token of panel user " + name, () -> jdbi.withHandle(h -> h.createUpdate(
            "UPDATE sipring_panel_user SET token_sha256 = ?, updated_utc = ? WHERE name = ?")
        .bind(0, tokenHash).bind(1, now).bind(2, name).execute()));
    if (n == 0) {
      throw new NotFoundException("no panel user named " + name);
    }
  }

  @Override
  public Optional<PanelUser> findByTokenHash(String tokenHash) {
    return run("checking an API token", () -> jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE token_sha256 = ?")
        .bind(0, tokenHash).map(ROW).findOne()));
  }

  private static <T> T run(String what, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      SipRingException failure = DbFailures.translate(what, e);
      if (failure instanceof RejectedException) {
        // the primary key is the name: the only constraint an insert can break besides the role check
        throw new RejectedException(what + ": a user of that name exists already", e);
      }
      throw failure;
    }
  }
}
