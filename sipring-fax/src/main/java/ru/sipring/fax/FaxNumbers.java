package ru.sipring.fax;

import java.util.regex.Pattern;
import ru.sipring.core.BadInputException;

/** Checks fax numbers before they reach hfaxd. Stateless, thread-safe. */
final class FaxNumbers {
  // Digits with the separators people write; a leading '+'. Letters are refused: HylaFAX's dial rules would
  // silently turn "ABC" into "222", which is never what a fax user meant.
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ()\\-.]*");

  private FaxNumbers() {}

  /**
   * Returns the number trimmed, or throws {@link BadInputException} naming {@code location} when it is empty,
   * contains letters or other characters, or has fewer than 3 digits.
   */
  static String check(String number, String location) {
    if (number == null || number.isBlank()) {
      throw new BadInputException(location, "fax number is empty");
    }
    String n = number.trim();
    if (!NUMBER.matcher(n).matches()) {
      throw new BadInputException(location, "fax number '" + n
          + "' may contain only digits, a leading '+', spaces, '-', '.', '(' and ')'");
    }
    long digits = n.chars().filter(Character::isDigit).count();
    if (digits < 3) {
      throw new BadInputException(location, "fax number '" + n + "' has fewer than 3 digits");
    }
    return n;
  }
}
