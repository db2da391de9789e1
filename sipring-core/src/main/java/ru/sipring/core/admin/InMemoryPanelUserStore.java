package ru.sipring.core.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/** {@link PanelUserStore#inMemory()}: a sorted map under a lock. */
final class InMemoryPanelUserStore implements PanelUserStore {
  private final TreeMap<String, PanelUser> users = new TreeMap<>();

  @Override
  public synchronized Optional<PanelUser> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  @Override
  public synchronized List<PanelUser> list() {
    return new ArrayList<>(users.values());
  }

  @Override
  public synchronized void insert(PanelUser user) {
    if (users.putIfAbsent(user.name(), user) != null) {
      throw new RejectedException("a user named " + user.name() + " exists already");
    }
  }

  @Override
  public synchronized void update(PanelUser user) {
    if (users.replace(user.name(), user) == null) {
      throw new NotFoundException("no user named " + user.name());
    }
  }
}
