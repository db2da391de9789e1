package ru.sipring.cdr.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import ru.sipring.cdr.OperatorInfo;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.directory.OperatorLoginLog;

/**
 * The operator registry's edits as an administration panel makes them (the guide's Сервис → Пользователи): each
 * edit asks for the registry's service password, as the guide's form does, and is recorded in the
 * {@link AuditLog} with the acting user — {@code operator.add}, {@code operator.rename}, {@code operator.pin.set},
 * {@code operator.pin.reset}, {@code operator.enable}, {@code operator.disable}, {@code operator.service-password}
 * (target: the operator number). A refused edit (wrong service password, a PIN against the policy) is recorded
 * too, with {@code failed: ...}; no PIN or password ever goes into an entry.
 *
 * <p>Thread-safe when the registry and the log are (SipRing's are).
 */
public final class OperatorAdmin {
  private final OperatorRegistry registry;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * The edits of one registry.
   *
   * @param registry the operator registry
   * @param audit where each edit is recorded
   * @param clock the time of entries
   */
  public OperatorAdmin(OperatorRegistry registry, AuditLog audit, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The registry itself, for reading.
   *
   * @return the registry
   */
  public OperatorRegistry registry() {
    return registry;
  }

  /**
   * Every operator, active or not, ordered by number.
   *
   * @return the operators
   */
  public List<OperatorInfo> list() {
    return registry.list();
  }

  /**
   * Whether the service password has been set (edits are refused until it is).
   *
   * @return true once set
   */
  public boolean hasServicePassword() {
    return registry.hasServicePassword();
  }

  /**
   * Sets the service password: the first time {@code current} is ignored, later it must match.
   *
   * @param actor who does it
   * @param current the current service password (ignored the first time)
   * @param next the new one, not empty
   * @throws RejectedException for a wrong current password
   */
  public void setServicePassword(String actor, @Nullable String current, String next) {
    boolean first = !registry.hasServicePassword();
    run(actor, "operator.service-password", "registry", first ? "set" : "changed", () -> {
      registry.setServicePassword(current == null ? "" : current, next);
      return null;
    });
  }

  /**
   * Adds an active operator.
   *
   * @param actor who does it
   * @param number the operator number
   * @param name the full name
   * @param pin the PIN, or null to set it later
   * @param servicePassword the registry's service password
   * @return the operator
   */
  public OperatorInfo add(String actor, String number, String name, @Nullable String pin, String servicePassword) {
    return run(actor, "operator.add", number, name + (pin == null ? "" : " (with a PIN)"),
        () -> registry.add(number, name, pin, servicePassword));
  }

  /**
   * Changes the full name.
   *
   * @param actor who does it
   * @param number the operator number
   * @param name the new full name
   * @param servicePassword the registry's service password
   * @return the operator
   */
  public OperatorInfo rename(String actor, String number, String name, String servicePassword) {
    return run(actor, "operator.rename", number, name, () -> registry.rename(number, name, servicePassword));
  }

  /**
   * Sets or changes the PIN (checked by the registry's PIN policy).
   *
   * @param actor who does it
   * @param number the operator number
   * @param pin the new PIN
   * @param servicePassword the registry's service password
   * @return the operator
   */
  public OperatorInfo setPin(String actor, String number, String pin, String servicePassword) {
    return run(actor, "operator.pin.set", number, "", () -> registry.setPin(number, pin, servicePassword));
  }

  /**
   * Removes the PIN: the operator cannot log in by {@code *45} until a new one is set.
   *
   * @param actor who does it
   * @param number the operator number
   * @param servicePassword the registry's service password
   * @return the operator
   */
  public OperatorInfo resetPin(String actor, String number, String servicePassword) {
    return run(actor, "operator.pin.reset", number, "", () -> registry.resetPin(number, servicePassword));
  }

  /**
   * Enables or disables an operator.
   *
   * @param actor who does it
   * @param number the operator number
   * @param active the new state
   * @param servicePassword the registry's service password
   * @return the operator
   */
  public OperatorInfo setActive(String actor, String number, boolean active, String servicePassword) {
    return run(actor, active ? "operator.enable" : "operator.disable", number, "",
        () -> registry.setActive(number, active, servicePassword));
  }

  /**
   * The {@code *45} login log (and the panel's adds and removes), oldest first.
   *
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return the entries
   */
  public List<OperatorLoginLog.Entry> logins(Instant from, Instant to) {
    return registry.loginEntries(from, to);
  }

  private <T> T run(String actor, String action, String target, String detail, Supplier<T> edit) {
    T done;
    try {
      done = edit.get();
    } catch (RuntimeException e) {
      audit.record(new AuditEntry(clock.instant(), actor, action, target,
          (detail.isEmpty() ? "" : detail + "; ") + "failed: " + e.getMessage()));
      throw e;
    }
    audit.record(new AuditEntry(clock.instant(), actor, action, target, detail));
    return done;
  }
}
