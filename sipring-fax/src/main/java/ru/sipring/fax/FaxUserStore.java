package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: fax users and their rights. Implementations are thread-safe. */
public interface FaxUserStore {
  /** Inserts or replaces the user with this login. */
  void save(FaxUser user);

  Optional<FaxUser> find(String login);

  /** All users ordered by login. */
  List<FaxUser> list();

  /** Removes the user; true when it existed. */
  boolean delete(String login);
}
