package ru.sipring.campaign;

import ru.sipring.core.text.PhoneNumber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A client card in an assignment's base: the guide's fields, custom fields, the phone as written and
 * normalised, and the calling state (status, attempts so far, the last attempt). {@code id} is 0 until a
 * repository stores it. Immutable and thread-safe; the {@code with*} methods return changed copies.
 *
 * @param id the store's id; 0 until stored
 * @param assignmentId the assignment whose base holds the card
 * @param phone the phone as written in the base
 * @param phoneNormalized the phone in its normal form ({@code 7XXXXXXXXXX} for Russian numbers), empty when none
 * @param fields the guide's fields; blank values and {@link ContactField#PHONE} are dropped
 * @param custom columns that map to no guide field, by their header
 * @param status the calling state
 * @param attempts calls made so far
 * @param lastAttemptAt when the last call was placed; null before the first
 * @param lastOutcome how the last call ended; null before the first
 */
public record Contact(long id, long assignmentId, String phone, String phoneNormalized,
    Map<ContactField, String> fields, Map<String, String> custom, ContactStatus status, int attempts,
    @Nullable Instant lastAttemptAt, @Nullable CallOutcome lastOutcome) {

  /**
   * Copies the maps (unmodifiable) and drops blank fields.
   *
   * @param id the store's id; 0 until stored
   * @param assignmentId the assignment whose base holds the card
   * @param phone the phone as written in the base
   * @param phoneNormalized the phone in its normal form ({@code 7XXXXXXXXXX} for Russian numbers), empty when none
   * @param fields the guide's fields; blank values and {@link ContactField#PHONE} are dropped
   * @param custom columns that map to no guide field, by their header
   * @param status the calling state
   * @param attempts calls made so far
   * @param lastAttemptAt when the last call was placed; null before the first
   * @param lastOutcome how the last call ended; null before the first
   * @throws NullPointerException when the phone, its normal form or the status is null
   */
  public Contact {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(phoneNormalized, "phoneNormalized");
    Objects.requireNonNull(status, "status");
    EnumMap<ContactField, String> f = new EnumMap<>(ContactField.class);
    // by key, not by entry: an EnumMap's entry iterator allocates an object per field, for every card of an import
    for (ContactField k : fields.keySet()) {
      String v = fields.get(k);
      if (k != ContactField.PHONE && v != null && !v.isEmpty()) {
        f.put(k, v);
      }
    }
    fields = Collections.unmodifiableMap(f);
    custom = custom.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom));
  }

  /**
   * A new card: the phone is normalised with {@link ru.sipring.core.text.PhoneNumber#normalize}.
   *
   * @param assignmentId the assignment whose base holds the card
   * @param phone the phone as written
   * @param fields the guide's fields
   * @param custom other columns by header
   * @return the card, status {@code NEW}, not stored yet (id 0)
   */
  public static Contact of(long assignmentId, String phone, Map<ContactField, String> fields,
      Map<String, String> custom) {
    return new Contact(0, assignmentId, phone, PhoneNumber.normalize(phone), fields, custom, ContactStatus.NEW, 0,
        null, null);
  }

  /**
   * A field's value, the phone included.
   *
   * @param f the field
   * @return its value; empty when blank
   */
  public String get(ContactField f) {
    return f == ContactField.PHONE ? phone : fields.getOrDefault(f, "");
  }

  /**
   * The client's own time zone, when the card names a valid one.
   *
   * @return the zone, or null when the card names none or an unknown one
   */
  public @Nullable ZoneId zone() {
    String tz = fields.get(ContactField.TIME_ZONE);
    if (tz == null) {
      return null;
    }
    try {
      return ZoneId.of(tz);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * This card with the id a store gave it, or copied into another assignment.
   *
   * @param newId the id
   * @param newAssignmentId the assignment
   * @return the copy
   */
  public Contact withId(long newId, long newAssignmentId) {
    return new Contact(newId, newAssignmentId, phone, phoneNormalized, fields, custom, status, attempts,
        lastAttemptAt, lastOutcome);
  }

  /**
   * This card with another status (an operator's decision, a reset).
   *
   * @param s the status
   * @return the copy
   */
  public Contact withStatus(ContactStatus s) {
    return new Contact(id, assignmentId, phone, phoneNormalized, fields, custom, s, attempts, lastAttemptAt,
        lastOutcome);
  }

  /**
   * The card after one more call that ended with {@code outcome}.
   *
   * @param outcome how the call ended
   * @param at when it was placed
   * @return the copy, with the status the outcome leads to and one more attempt
   */
  public Contact afterAttempt(CallOutcome outcome, Instant at) {
    return new Contact(id, assignmentId, phone, phoneNormalized, fields, custom, ContactStatus.of(outcome),
        attempts + 1, at, outcome);
  }

  /**
   * The card after a call whose outcome is unknown (lost in a dialer restart).
   *
   * @param at when the call was placed
   * @return the copy, {@code IN_DOUBT} with one more attempt
   */
  public Contact inDoubt(Instant at) {
    return new Contact(id, assignmentId, phone, phoneNormalized, fields, custom, ContactStatus.IN_DOUBT,
        attempts + 1, at, lastOutcome);
  }

  /**
   * This card with one field set.
   *
   * @param f the field
   * @param value its value; empty removes it
   * @return the copy
   */
  public Contact withField(ContactField f, String value) {
    Map<ContactField, String> m = new EnumMap<>(ContactField.class);
    m.putAll(fields);
    m.put(f, value);
    return new Contact(id, assignmentId, phone, phoneNormalized, m, custom, status, attempts, lastAttemptAt,
        lastOutcome);
  }
}
