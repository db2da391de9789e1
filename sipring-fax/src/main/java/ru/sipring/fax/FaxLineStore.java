package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: fax lines (modem device to name and default category) and the category list. Thread-safe. */
public interface FaxLineStore {
  /** Inserts or replaces the line with this device. */
  void save(FaxLine line);

  Optional<FaxLine> find(String device);

  /** All lines ordered by device. */
  List<FaxLine> list();

  /** Adds a category name; adding one twice is harmless. */
  void addCategory(String category);

  /** All categories ordered by name. */
  List<String> categories();
}
