package ru.sipring.fax;

import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * A fax line: the modem device HylaFAX receives on (for example {@code ttyIAX0}), the name people see
 * ("Управление 1") and the category a fax received on it gets. Immutable, thread-safe.
 */
public record FaxLine(String device, String name, @Nullable String defaultCategory) {

  /**
   * Checks the components.
   *
   * @param device the device
   * @param name the name
   * @param defaultCategory the default category
   */
  public FaxLine {
    if (device == null || device.isBlank()) {
      throw new BadInputException("fax line device", "is empty");
    }
    name = name == null || name.isBlank() ? device : name;
  }
}
