package ru.sipring.fax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * In-memory implementations of the fax SPIs, for tests, demos and hosts without a database. Each is
 * thread-safe (concurrent maps); data lives as long as the object.
 */
public final class InMemoryFaxStores {
  private InMemoryFaxStores() {}

  /**
   * A new empty in-memory user store.
   *
   * @return the store
   */
  public static FaxUserStore users() {
    return new Users();
  }

  /**
   * A new empty in-memory line store.
   *
   * @return the store
   */
  public static FaxLineStore lines() {
    return new Lines();
  }

  /**
   * A new empty in-memory store of received faxes.
   *
   * @return the store
   */
  public static ReceivedFaxStore received() {
    return new Received();
  }

  /**
   * A new empty in-memory contact store.
   *
   * @return the store
   */
  public static FaxContactStore contacts() {
    return new Contacts();
  }

  private static final class Users implements FaxUserStore {
    private final ConcurrentMap<String, FaxUser> byLogin = new ConcurrentHashMap<>();

    @Override public void save(FaxUser user) { byLogin.put(user.login(), user); }
    @Override public Optional<FaxUser> find(String login) { return Optional.ofNullable(byLogin.get(login)); }
    @Override public List<FaxUser> list() {
      List<FaxUser> l = new ArrayList<>(byLogin.values());
      l.sort(Comparator.comparing(FaxUser::login));
      return l;
    }
    @Override public boolean delete(String login) { return byLogin.remove(login) != null; }
  }

  private static final class Lines implements FaxLineStore {
    private final ConcurrentMap<String, FaxLine> byDevice = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<String> categories = new ConcurrentSkipListSet<>();

    @Override public void save(FaxLine line) { byDevice.put(line.device(), line); }
    @Override public Optional<FaxLine> find(String device) { return Optional.ofNullable(byDevice.get(device)); }
    @Override public List<FaxLine> list() {
      List<FaxLine> l = new ArrayList<>(byDevice.values());
      l.sort(Comparator.comparing(FaxLine::device));
      return l;
    }
    @Override public void addCategory(String category) { categories.add(category); }
    @Override public List<String> categories() { return List.copyOf(categories); }
  }

  private static final class Received implements ReceivedFaxStore {
    private final ConcurrentMap<String, InboxFax> byFile = new ConcurrentHashMap<>();

    @Override public void save(InboxFax fax) { byFile.put(fax.file(), fax); }
    @Override public Optional<InboxFax> find(String file) { return Optional.ofNullable(byFile.get(file)); }
    @Override public List<InboxFax> list() {
      List<InboxFax> l = new ArrayList<>(byFile.values());
      l.sort(Comparator.comparing(InboxFax::receivedAt).reversed().thenComparing(InboxFax::file));
      return l;
    }
    @Override public boolean delete(String file) { return byFile.remove(file) != null; }
  }

  private static final class Contacts implements FaxContactStore {
    private final ConcurrentMap<String, FaxContact> contacts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DistributionList> lists = new ConcurrentHashMap<>();

    @Override public void save(FaxContact c) { contacts.put(c.name(), c); }
    @Override public List<FaxContact> contacts() {
      List<FaxContact> l = new ArrayList<>(contacts.values());
      l.sort(Comparator.comparing(FaxContact::name));
      return l;
    }
    @Override public boolean deleteContact(String name) { return contacts.remove(name) != null; }
    @Override public void save(DistributionList list) { lists.put(list.name(), list); }
    @Override public Optional<DistributionList> list(String name) { return Optional.ofNullable(lists.get(name)); }
    @Override public List<DistributionList> lists() {
      List<DistributionList> l = new ArrayList<>(lists.values());
      l.sort(Comparator.comparing(DistributionList::name));
      return l;
    }
    @Override public boolean deleteList(String name) { return lists.remove(name) != null; }
  }
}
