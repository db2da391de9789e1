package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: fax lines (modem device to name and default category) and the category list. Thread-safe. */
public interface FaxLineStore {
  /**
   * Inserts or replaces the line with this device.
   *
   * @param line the line
   */
  void save(FaxLine line);

  /**
   * A line by its modem.
   *
   * @param device the modem (device) name, such as {@code ttyIAX0}
   * @return the line, or empty when there is none
   */
  Optional<FaxLine> find(String device);

  /**
   * All lines ordered by device.
   *
   * @return all lines ordered by device
   */
  List<FaxLine> list();

  /**
   * Adds a category name; adding one twice is harmless.
   *
   * @param category the category
   */
  void addCategory(String category);

  /**
   * All categories ordered by name.
   *
   * @return all categories ordered by name
   */
  List<String> categories();
}
