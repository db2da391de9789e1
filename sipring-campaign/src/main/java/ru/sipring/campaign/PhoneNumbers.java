package ru.sipring.campaign;

/**
 * Phone number normalisation for matching, deduplication, DNC and rating: every non-digit is dropped and a
 * Russian trunk-prefixed number {@code 8XXXXXXXXXX} (11 digits) becomes {@code 7XXXXXXXXXX}. Short internal
 * numbers are kept as they are. Stateless and thread-safe.
 */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  /** The digits of {@code raw}, with a leading Russian {@code 8} of an 11-digit number replaced by {@code 7}. */
  public static String normalize(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    if (sb.length() == 11 && sb.charAt(0) == '8') {
      sb.setCharAt(0, '7');
    }
    return sb.toString();
  }
}
