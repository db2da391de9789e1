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
   * A store in memory, for tests and for hosts without a database (users are lost at restart).
   *
   * @return an empty store
   */
  static PanelUserStore inMemory() {
    return new InMemoryPanelUserStore();
  }
}
