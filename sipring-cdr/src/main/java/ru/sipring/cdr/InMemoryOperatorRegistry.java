package ru.sipring.cdr;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.directory.Operator;

/**
 * {@link OperatorRegistry} in memory, for tests and demos: the same rules as {@link JdbiOperatorRegistry}
 * (both run the contract suite {@code ru.sipring.testkit.contract.OperatorDirectoryContract}), nothing
 * persisted. PINs are kept only as {@link PinHasher} hashes here too. Thread-safe: every method is
 * synchronized.
 */
public final class InMemoryOperatorRegistry implements OperatorRegistry {
  private final PinHasher pins;
  private final PinPolicy policy;
  private final TreeMap<String, Row> operators = new TreeMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final List<Entry> log = new ArrayList<>();
  private @Nullable String servicePassword;

  private static final class Row {
    String name;
    boolean active = true;
    @Nullable ByteBuffer pin;

    Row(String name) {
      this.name = name;
    }
  }

  private InMemoryOperatorRegistry(PinHasher pins, PinPolicy policy) {
    this.pins = pins;
    this.policy = policy;
  }

  /**
   * @param pins the PIN hash
   * @return an empty registry with {@link PinPolicy#defaults()}
   */
  public static InMemoryOperatorRegistry of(PinHasher pins) {
    return of(pins, PinPolicy.defaults());
  }

  /**
   * @param pins the PIN hash
   * @param policy what a new PIN must be
   * @return an empty registry
   */
  public static InMemoryOperatorRegistry of(PinHasher pins, PinPolicy policy) {
    return new InMemoryOperatorRegistry(Objects.requireNonNull(pins), Objects.requireNonNull(policy));
  }

  private @Nullable String newPin(@Nullable String pin) {
    String p = OperatorRules.pin(pin);
    return p == null ? null : policy.check(p);
  }

  @Override
  public synchronized void setServicePassword(@Nullable String current, String next) {
    if (next == null || next.isEmpty()) {
      throw new BadInputException("service password", "must not be empty");
    }
    if (servicePassword != null && (current == null || !ServicePasswords.matches(current, servicePassword))) {
      throw new RejectedException("wrong service password");
    }
    servicePassword = ServicePasswords.hash(next);
  }

  @Override
  public synchronized boolean hasServicePassword() {
    return servicePassword != null;
  }

  @Override
  public synchronized OperatorInfo add(String number, String name, @Nullable String pin, String password) {
    String n = OperatorRules.number(number);
    String fullName = OperatorRules.name(name);
    ByteBuffer hash = hash(newPin(pin));
    String what = "adding operator " + n;
    check(what, password);
    if (operators.containsKey(n)) {
      throw new RejectedException(what + " rejected: an operator with this number already exists");
    }
    requireFreePin(what, hash, null);
    Row row = new Row(fullName);
    row.pin = hash;
    operators.put(n, row);
    return info(n);
  }

  @Override
  public synchronized OperatorInfo rename(String number, String name, String password) {
    String fullName = OperatorRules.name(name);
    Row row = editable("renaming", number, password);
    row.name = fullName;
    return info(number.strip());
  }

  @Override
  public synchronized OperatorInfo setPin(String number, String pin, String password) {
    ByteBuffer hash = hash(Objects.requireNonNull(newPin(pin), "pin"));
    Row row = editable("setting the PIN of", number, password);
    if (row.active) {
      requireFreePin("setting the PIN of operator " + number, hash, row);
    }
    row.pin = hash;
    return info(number.strip());
  }

  @Override
  public synchronized OperatorInfo resetPin(String number, String password) {
    editable("resetting the PIN of", number, password).pin = null;
    return info(number.strip());
  }

  @Override
  public synchronized OperatorInfo setActive(String number, boolean active, String password) {
    Row row = editable(active ? "enabling" : "disabling", number, password);
    if (active && !row.active) {
      requireFreePin("enabling operator " + number, row.pin, row);
    }
    row.active = active;
    return info(number.strip());
  }

  @Override
  public synchronized OperatorInfo addAlias(String number, String agent, String password) {
    String a = OperatorRules.agent(agent);
    editable("adding an alias to", number, password);
    if (aliases.containsKey(a)) {
      throw new RejectedException("adding alias " + a + " rejected: this agent value is already an alias");
    }
    aliases.put(a, number.strip());
    return info(number.strip());
  }

  @Override
  public synchronized List<OperatorInfo> list() {
    return operators.keySet().stream().map(this::info).toList();
  }

  @Override
  public synchronized Optional<OperatorInfo> find(String number) {
    return operators.containsKey(number) ? Optional.of(info(number)) : Optional.empty();
  }

  @Override
  public synchronized ru.sipring.core.directory.AgentDirectory directorySnapshot() {
    return new AgentResolver(list());
  }

  @Override
  public synchronized Optional<Operator> authenticate(String pin) {
    String p;
    try {
      p = OperatorRules.pin(pin);
    } catch (BadInputException e) {
      return Optional.empty();
    }
    if (p == null) {
      return Optional.empty();
    }
    ByteBuffer hash = ByteBuffer.wrap(pins.hash(p));
    return operators.entrySet().stream()
        .filter(e -> e.getValue().active && hash.equals(e.getValue().pin))
        .map(e -> new Operator(e.getKey(), e.getValue().name)).findFirst();
  }

  @Override
  public synchronized Optional<Operator> operatorOf(String agent) {
    if (agent == null || agent.isBlank()) {
      return Optional.empty();
    }
    String byAlias = aliases.get(agent);
    if (byAlias != null) {
      return Optional.of(operator(byAlias));
    }
    if (operators.containsKey(agent)) {
      return Optional.of(operator(agent));
    }
    Optional<Operator> byName = operators.entrySet().stream()
        .filter(e -> e.getValue().name.equals(agent))
        .sorted(Comparator.comparing((Map.Entry<String, Row> e) -> !e.getValue().active))
        .map(e -> new Operator(e.getKey(), e.getValue().name)).findFirst();
    if (byName.isPresent()) {
      return byName;
    }
    List<String> candidates = OperatorRules.candidates(agent);
    if (candidates.size() > 1 && operators.containsKey(candidates.get(1))) {
      return Optional.of(operator(candidates.get(1)));
    }
    return Optional.empty();
  }

  @Override
  public synchronized void record(Entry entry) {
    log.add(Objects.requireNonNull(entry, "entry"));
  }

  @Override
  public synchronized List<Entry> loginEntries(Instant from, Instant to) {
    return log.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
        .sorted(Comparator.comparing(Entry::at)).toList();
  }

  private Operator operator(String number) {
    return new Operator(number, existing(number).name);
  }

  /** The row of an operator the caller has just found or stored. */
  private Row existing(String number) {
    Row row = operators.get(number);
    if (row == null) {
      throw new NotFoundException("no operator with number " + number);
    }
    return row;
  }

  private Row editable(String verb, String number, String password) {
    String n = OperatorRules.number(number);
    check(verb + " operator " + n, password);
    Row row = operators.get(n);
    if (row == null) {
      throw new NotFoundException("no operator with number " + n);
    }
    return row;
  }

  private void check(String what, String password) {
    if (servicePassword == null) {
      throw new RejectedException(what + ": no service password is set yet; set one first");
    }
    if (password == null || !ServicePasswords.matches(password, servicePassword)) {
      throw new RejectedException(what + ": wrong service password");
    }
  }

  private void requireFreePin(String what, @Nullable ByteBuffer hash, @Nullable Row self) {
    if (hash == null) {
      return;
    }
    for (Row other : operators.values()) {
      if (other != self && other.active && hash.equals(other.pin)) {
        throw new RejectedException(what + " rejected: this PIN is already used by another active operator");
      }
    }
  }

  private @Nullable ByteBuffer hash(@Nullable String pin) {
    return pin == null ? null : ByteBuffer.wrap(pins.hash(pin));
  }

  private OperatorInfo info(String number) {
    Row row = existing(number);
    List<String> mine = aliases.entrySet().stream().filter(e -> e.getValue().equals(number))
        .map(Map.Entry::getKey).sorted().toList();
    return new OperatorInfo(number, row.name, row.active, row.pin != null, mine);
  }
}
