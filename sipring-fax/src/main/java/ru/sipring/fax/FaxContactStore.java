package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: address book and distribution lists. Thread-safe. */
public interface FaxContactStore {
  /** Inserts or replaces the contact with this name. */
  void save(FaxContact contact);

  /** All contacts ordered by name. */
  List<FaxContact> contacts();

  boolean deleteContact(String name);

  /** Inserts or replaces the list with this name (its numbers in the given order). */
  void save(DistributionList list);

  Optional<DistributionList> list(String name);

  /** All lists ordered by name. */
  List<DistributionList> lists();

  boolean deleteList(String name);
}
