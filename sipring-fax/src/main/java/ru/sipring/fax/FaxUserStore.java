package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: fax users and their rights. Implementations are thread-safe. */
public interface FaxUserStore {
  /**
   * Inserts or replaces the user with this login.
   *
   * @param user the user; one with the same login is replaced
   */
  void save(FaxUser user);

  /**
   * A user by login.
   *
   * @param login the login
   * @return the user, or empty when there is none
   */
  Optional<FaxUser> find(String login);

  /**
   * All users ordered by login.
   *
   * @return all users ordered by login
   */
  List<FaxUser> list();

  /**
   * Removes the user; true when it existed.
   *
   * @param login the login
   * @return true when the user existed
   */
  boolean delete(String login);
}
