package ru.sipring.fax;

import ru.sipring.core.BadInputException;

/**
 * An address book entry: a person or company with a fax number. {@code name} is unique. Immutable,
 * thread-safe.
 */
public record FaxContact(String name, String company, String number, String email) {

  /**
   * Checks the components.
   *
   * @param name the name
   * @param company the company
   * @param number the number
   * @param email the email
   */
  public FaxContact {
    if (name == null || name.isBlank()) {
      throw new BadInputException("contact name", "is empty");
    }
    number = FaxNumbers.check(number, "contact '" + name + "' number");
    company = company == null ? "" : company;
    email = email == null ? "" : email;
  }
}
