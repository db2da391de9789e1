package ru.sipring.fax;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.text.TerminalText;

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

  /**
   * The numbers one send goes to: the numbers given, then each named contact's number, then each named list's
   * numbers, each number once, in that order. Numbers are taken as given (stripped of surrounding blanks); the
   * send request checks them and names the position of a bad one. The web panel's send form and
   * {@code sipring fax send --contact/--list} both expand recipients here, so they agree.
   *
   * @param numbers numbers as typed; blank ones are skipped
   * @param contactNames names of address-book contacts
   * @param listNames names of distribution lists
   * @return the numbers, possibly empty when nothing was given
   * @throws NotFoundException when a contact or a list does not exist (the name is escaped for a terminal or a
   *     log, being user-typed text)
   */
  default List<String> recipients(List<String> numbers, List<String> contactNames, List<String> listNames) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : numbers) {
      if (!n.isBlank()) {
        out.add(n.strip());
      }
    }
    if (!contactNames.isEmpty()) {
      Map<String, FaxContact> book = new HashMap<>();
      contacts().forEach(c -> book.put(c.name(), c));
      for (String name : contactNames) {
        FaxContact c = book.get(name);
        if (c == null) {
          throw new NotFoundException("no fax contact '" + TerminalText.escape(name) + "'");
        }
        out.add(c.number());
      }
    }
    for (String name : listNames) {
      out.addAll(list(name).orElseThrow(
          () -> new NotFoundException("no distribution list '" + TerminalText.escape(name) + "'")).numbers());
    }
    return List.copyOf(out);
  }
}
