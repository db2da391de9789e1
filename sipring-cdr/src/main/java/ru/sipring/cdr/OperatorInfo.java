package ru.sipring.cdr;

import java.util.List;
import java.util.Objects;
import ru.sipring.core.directory.Operator;

/**
 * An operator as the registry (Сервис → Пользователи) lists them: number, full name, whether active, whether
 * a PIN is set (never the PIN), and the other queue_log agent values that mean this operator. Immutable.
 */
public record OperatorInfo(String number, String name, boolean active, boolean hasPin, List<String> aliases) {
  /**
   * Checks and copies the components.
   *
   * @param number the number
   * @param name the name
   * @param active the active
   * @param hasPin the has pin
   * @param aliases the aliases
   */
  public OperatorInfo {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }

  /**
   * The operator as reports show them.
   *
   * @return the number and full name
   */
  public Operator operator() {
    return new Operator(number, name);
  }
}
