package ru.sipring.campaign;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * The sizes a client card must fit in every store, taken from the MariaDB columns of
 * {@code sipring_campaign_contact} (Flyway migration {@code V100__campaign.sql}): {@code phone VARCHAR(255)},
 * {@code phone_normalized VARCHAR(32)}, and {@code fields_json}/{@code custom_json MEDIUMTEXT} (16 MiB - 1 bytes
 * of JSON each). The in-memory, JSON-file and JDBC stores all check a card here before they store it, and the
 * CSV import checks each row here, so a card that one store takes is taken by every store and a row that does not
 * fit is rejected with its line and field instead of aborting a whole import. Stateless and thread-safe.
 */
public final class ContactLimits {
  /** {@code sipring_campaign_contact.phone VARCHAR(255)}, in characters. */
  public static final int PHONE_CHARS = 255;
  /** {@code sipring_campaign_contact.phone_normalized VARCHAR(32)}, in characters. */
  public static final int PHONE_NORMALIZED_CHARS = 32;
  /** {@code fields_json} and {@code custom_json MEDIUMTEXT}: 2^24 - 1 bytes of JSON each. */
  public static final long JSON_BYTES = (1L << 24) - 1;

  private ContactLimits() {}

  /**
   * What in {@code c} does not fit, naming the field, or null when it all fits.
   *
   * @param c the card
   * @return a one-line reason such as {@code "phone: 300 characters, at most 255"}, or null
   */
  public static @Nullable String problem(Contact c) {
    if (c.phone().length() > PHONE_CHARS) {
      return "phone: " + c.phone().length() + " characters, at most " + PHONE_CHARS;
    }
    if (c.phoneNormalized().length() > PHONE_NORMALIZED_CHARS) {
      return "phone: " + c.phoneNormalized().length() + " digits, at most " + PHONE_NORMALIZED_CHARS;
    }
    // every card is checked (by the import and again by the store), so the exact count below runs only when a
    // bound from the lengths alone (6 bytes per character, the longest escape) does not already show that it fits
    if (roughBytes(c.fields()) <= JSON_BYTES && roughBytes(c.custom()) <= JSON_BYTES) {
      return null;
    }
    long fields = 2;
    for (Map.Entry<ContactField, String> e : c.fields().entrySet()) {
      fields += jsonBytes(e.getKey().key()) + jsonBytes(e.getValue()) + 2;
    }
    if (fields > JSON_BYTES) {
      return "the card's fields take " + fields + " bytes, at most " + JSON_BYTES;
    }
    long custom = 2;
    for (Map.Entry<String, String> e : c.custom().entrySet()) {
      custom += jsonBytes(e.getKey()) + jsonBytes(e.getValue()) + 2;
    }
    if (custom > JSON_BYTES) {
      return "the card's custom fields take " + custom + " bytes, at most " + JSON_BYTES;
    }
    return null;
  }

  /**
   * Throws when {@code c} does not fit ({@link #problem}).
   *
   * @param c the card
   * @throws BadInputException naming the card by its phone and the field that does not fit
   */
  public static void check(Contact c) {
    String p = problem(c);
    if (p != null) {
      String phone = c.phone().length() > 40 ? c.phone().substring(0, 40) + "..." : c.phone();
      throw new BadInputException("client card " + phone.replaceAll("\\p{Cntrl}", "?"), p);
    }
  }

  /** An upper bound of what {@link #problem} counts for a map: each character at its longest escape. */
  private static long roughBytes(Map<?, String> m) {
    // keys and values walked apart: the entry iterators of the unmodifiable EnumMap allocate an object per entry,
    // and every imported card passes here twice (docs/performance/campaign.md, fifth round)
    if (m.isEmpty()) {
      return 2; // most cards have no custom columns, and iterating even an empty Map.of() allocates
    }
    long chars = 0;
    for (Object k : m.keySet()) {
      chars += (k instanceof ContactField f ? f.key() : k.toString()).length() + 1;
    }
    for (String v : m.values()) {
      chars += v.length();
    }
    return 2 + 6 * chars;
  }

  /** An upper bound of the UTF-8 bytes of {@code s} as a quoted JSON string (escapes at their longest). */
  private static long jsonBytes(String s) {
    long n = 2;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20) {
        n += 6;
      } else if (ch == '"' || ch == '\\') {
        n += 2;
      } else if (ch < 0x80) {
        n += 1;
      } else if (ch < 0x800 || Character.isSurrogate(ch)) {
        n += 2; // a surrogate pair is 4 bytes, 2 per char
      } else {
        n += 3;
      }
    }
    return n;
  }
}
