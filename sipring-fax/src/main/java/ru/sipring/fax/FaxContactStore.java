package ru.sipring.fax;

import java.util.List;
import java.util.Optional;

/** SPI: address book and distribution lists. Thread-safe. */
public interface FaxContactStore {
  /**
   * Inserts or replaces the contact with this name.
   *
   * @param contact the contact
   */
  void save(FaxContact contact);

  /**
   * All contacts ordered by name.
   *
   * @return all contacts ordered by name
   */
  List<FaxContact> contacts();

  /**
   * Deletes a contact.
   *
   * @param name the contact's name
   * @return whether there was one
   */
  boolean deleteContact(String name);

  /**
   * Inserts or replaces the list with this name (its numbers in the given order).
   *
   * @param list the distribution list
   */
  void save(DistributionList list);

  /**
   * A distribution list.
   *
   * @param name the list's name
   * @return the list, or empty when there is none
   */
  Optional<DistributionList> list(String name);

  /**
   * All lists ordered by name.
   *
   * @return all lists ordered by name
   */
  List<DistributionList> lists();

  /**
   * Deletes a distribution list (its contacts stay).
   *
   * @param name the list's name
   * @return whether there was one
   */
  boolean deleteList(String name);
}
