package ru.sipring.core.admin;

import java.util.List;
import java.util.Optional;

/**
 * Where a panel's users are kept. Implementations are thread-safe: the in-memory one ({@link #inMemory()}) and
 * {@code ru.sipring.cdr.admin.JdbiPanelUserStore} in SipRing's database. Users are never deleted, only disabled,
 * so the audit log's names keep meaning someone.
 */
public interface PanelUserStore {
  /**
   * One user by name (names compare exactly).
   *
   * @param name the sign-in name
   * @return the user, or empty
   */
  Optional<PanelUser> find(String name);

  /**
   * Every user, ordered by name.
   *
   * @return the users
   */
  List<PanelUser> list();

  /**
   * Adds a user.
   *
   * @param user the new user
   * @throws ru.sipring.core.RejectedException when a user of that name exists
   */
  void insert(PanelUser user);

  /**
   * Replaces the stored user of the same name.
   *
   * @param user the changed user
   * @throws ru.sipring.core.NotFoundException when there is no user of that name
   */
  void update(PanelUser user);

  /**
   * Sets or removes the hash of a user's API token (a service account's credential for the REST API).
   *
   * @param name the user
   * @param tokenHash the SHA-256 of the token in lower-case hex, or null to revoke it
   * @throws ru.sipring.core.NotFoundException when there is no user of that name
   */
  void setTokenHash(String name, @org.jspecify.annotations.Nullable String tokenHash);

  /**
   * The user whose API token has this hash.
   *
   * @param tokenHash the SHA-256 of a token in lower-case hex
   * @return the user, or empty
   */
  Optional<PanelUser> findByTokenHash(String tokenHash);

  /**
   * A store in memory, for tests and for hosts without a database (users are lost at restart).
   *
   * @return an empty store
   */
  static PanelUserStore inMemory() {
    return new InMemoryPanelUserStore();
  }
}
