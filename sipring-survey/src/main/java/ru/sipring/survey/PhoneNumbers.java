package ru.sipring.survey;

/** Caller-number normalisation for client look-ups. Stateless and thread-safe. */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  /**
   * Digits only; a Russian number written {@code 8XXXXXXXXXX}, {@code +7XXXXXXXXXX} or as the bare ten-digit
   * {@code 9XXXXXXXXX} becomes {@code 7XXXXXXXXXX}; anything else (internal extensions, foreign numbers)
   * keeps its digits. Returns {@code ""} for a withheld or empty caller id.
   */
  public static String normalise(String raw) {
    StringBuilder d = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      }
    }
    String digits = d.toString();
    if (digits.length() == 11 && digits.charAt(0) == '8') {
      return "7" + digits.substring(1);
    }
    if (digits.length() == 10 && digits.charAt(0) == '9') {
      return "7" + digits;
    }
    return digits;
  }
}
