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
  private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

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

  @Override
  public synchronized void setTokenHash(String name, @org.jspecify.annotations.Nullable String tokenHash) {
    if (!users.containsKey(name)) {
      throw new NotFoundException("no user named " + name);
    }
    tokens.values().remove(name);
    if (tokenHash != null) {
      tokens.put(tokenHash, name);
    }
  }

  @Override
  public synchronized Optional<PanelUser> findByTokenHash(String tokenHash) {
    String name = tokens.get(tokenHash);
    return name == null ? Optional.empty() : Optional.ofNullable(users.get(name));
  }
}
