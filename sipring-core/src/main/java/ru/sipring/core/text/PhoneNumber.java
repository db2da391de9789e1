package ru.sipring.core.text;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone number in the one normal form every SipRing module matches on (client import, search, DNC, screen
 * pop, dialer, rating): the number's digits with the default country's trunk prefix replaced by its country
 * code, and the extension kept apart. {@code 8 (916) 000-11-22 доб. 5}, {@code +7 916 000 11 22 ext 5},
 * {@code 9160001122 x5} and {@code 89160001122#5} are all {@code 79160001122} with extension {@code 5}.
 *
 * <p>Rules under a {@link Plan} (Russia by default): every character but digits is dropped; a number of
 * national length plus one that starts with the trunk prefix ({@code 8XXXXXXXXXX}) gets the country code
 * instead ({@code 7XXXXXXXXXX}); a number of national length that starts with one of the plan's leading digits
 * ({@code 9XXXXXXXXX}, {@code 495XXXXXXX}) gets the country code in front (caller ids often arrive in national
 * form); anything else (internal extensions, foreign numbers, ten-digit numbers that could be either) keeps its
 * digits. The rules are idempotent: a normal form normalises
 * to itself, so stored normal forms can be re-normalised safely. Immutable and thread-safe.
 *
 * @param digits the normalised digits, empty for a withheld or empty number
 * @param extension the extension's digits, empty when there is none
 */
public record PhoneNumber(String digits, String extension) {
  /** An extension written after the number: {@code доб. 5}, {@code доб 5}, {@code ext 5}, {@code x5}, {@code #5}. */
  private static final Pattern EXTENSION = Pattern.compile(
      "(?iu)(?:[\\s,;]*(?:доб(?:авочный)?|ext(?:ension)?|вн(?:утр(?:енний)?)?)\\.?\\s*|\\s*[x#]\\s*)(\\d{1,8})\\s*$");

  /**
   * A country's number plan, enough to tell a national number from an international one.
   *
   * @param countryCode the country calling code, {@code 7} for Russia
   * @param trunkPrefix the national trunk prefix, {@code 8} in Russia
   * @param nationalDigits the length of a national number without prefix, 10 in Russia
   * @param nationalLeading the first digits (any one of them) of a number of national length written without its
   *     trunk prefix that gets the country code: in Russia {@code 349} (area codes 3xx and 4xx, mobiles 9xx; a
   *     ten-digit number starting with 8 is left alone, it could as well be a trunk prefix and nine digits);
   *     empty for none
   */
  public record Plan(String countryCode, String trunkPrefix, int nationalDigits, String nationalLeading) {
    /** Russia (and Kazakhstan): +7, trunk prefix 8, ten national digits, bare national numbers start 3, 4, 9. */
    public static final Plan RUSSIA = new Plan("7", "8", 10, "349");

    /**
     * Checks the plan.
     *
     * @param countryCode the country calling code, {@code 7} for Russia
     * @param trunkPrefix the national trunk prefix, {@code 8} in Russia
     * @param nationalDigits the length of a national number without prefix, 10 in Russia
     * @param nationalLeading the first digits (any one of them) of a number of national length written without its
     *     trunk prefix that gets the country code: in Russia {@code 349} (area codes 3xx and 4xx, mobiles 9xx; a
     *     ten-digit number starting with 8 is left alone, it could as well be a trunk prefix and nine digits); empty
     *     for none
     * @throws IllegalArgumentException when the country code is not digits or the national length is below 1
     */
    public Plan {
      Objects.requireNonNull(countryCode, "countryCode");
      Objects.requireNonNull(trunkPrefix, "trunkPrefix");
      Objects.requireNonNull(nationalLeading, "nationalLeading");
      if (!countryCode.chars().allMatch(Character::isDigit) || countryCode.isEmpty() || nationalDigits < 1) {
        throw new IllegalArgumentException("a plan needs a digit country code and a national length");
      }
    }
  }

  /**
   * Checks both parts.
   *
   * @param digits the normalised digits, empty for a withheld or empty number
   * @param extension the extension's digits, empty when there is none
   */
  public PhoneNumber {
    Objects.requireNonNull(digits, "digits");
    Objects.requireNonNull(extension, "extension");
  }

  /**
   * Parses {@code raw} under the Russian plan.
   *
   * @param raw the number as written (a CSV cell, a caller id); null is an empty number
   * @return the normal form
   */
  public static PhoneNumber parse(String raw) {
    return parse(raw, Plan.RUSSIA);
  }

  /**
   * Parses {@code raw} under {@code plan}.
   *
   * @param raw the number as written; null is an empty number
   * @param plan the default country's plan
   * @return the normal form
   */
  public static PhoneNumber parse(String raw, Plan plan) {
    if (raw == null || raw.isEmpty()) {
      return new PhoneNumber("", "");
    }
    String number = raw;
    String ext = "";
    // every extension marker holds a letter or '#': a number written without either (most of them, "8 (916) 123-45-67")
    // is not run through the pattern, whose matcher was the largest allocation of a big import
    if (mayHaveExtension(raw)) {
      Matcher m = EXTENSION.matcher(raw);
      // the extension marker must follow some digits: "#5" alone is a short number, not an extension
      if (m.find() && hasDigit(raw, m.start())) {
        number = raw.substring(0, m.start());
        ext = m.group(1);
      }
    }
    StringBuilder d = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      }
    }
    int national = plan.nationalDigits();
    if (d.length() == national + plan.trunkPrefix().length() && !plan.trunkPrefix().isEmpty()
        && d.indexOf(plan.trunkPrefix()) == 0) {
      d.replace(0, plan.trunkPrefix().length(), plan.countryCode());
    } else if (d.length() == national && plan.nationalLeading().indexOf(d.charAt(0)) >= 0) {
      d.insert(0, plan.countryCode());
    }
    return new PhoneNumber(d.toString(), ext);
  }

  /**
   * The normalised digits of {@code raw} under the Russian plan, the extension dropped: the key to match on.
   *
   * @param raw the number as written; null is an empty number
   * @return the digits, empty for a withheld or empty number
   */
  public static String normalize(String raw) {
    return parse(raw).digits();
  }

  /**
   * Whether there is no number.
   *
   * @return true when there are no digits
   */
  public boolean isEmpty() {
    return digits.isEmpty();
  }

  private static boolean mayHaveExtension(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#' || Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDigit(String s, int end) {
    for (int i = 0; i < end; i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return extension.isEmpty() ? digits : digits + " ext " + extension;
  }
}
