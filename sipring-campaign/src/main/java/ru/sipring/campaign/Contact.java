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
 * repository stores it. Immutable; the {@code with*} methods return changed copies.
 */
public record Contact(long id, long assignmentId, String phone, String phoneNormalized,
    Map<ContactField, String> fields, Map<String, String> custom, ContactStatus status, int attempts,
    @Nullable Instant lastAttemptAt, @Nullable CallOutcome lastOutcome) {

  public Contact {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(phoneNormalized, "phoneNormalized");
    Objects.requireNonNull(status, "status");
    EnumMap<ContactField, String> f = new EnumMap<>(ContactField.class);
    fields.forEach((k, v) -> {
      if (k != ContactField.PHONE && v != null && !v.isEmpty()) {
        f.put(k, v);
      }
    });
    fields = Collections.unmodifiableMap(f);
    custom = custom.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom));
  }

  /** A new card: the phone is normalised with {@link ru.sipring.core.text.PhoneNumber#normalize}. */
  public static Contact of(long assignmentId, String phone, Map<ContactField, String> fields,
      Map<String, String> custom) {
    return new Contact(0, assignmentId, phone, PhoneNumber.normalize(phone), fields, custom, ContactStatus.NEW, 0,
        null, null);
  }

  /** A field's value, the phone included; empty when blank. */
  public String get(ContactField f) {
    return f == ContactField.PHONE ? phone : fields.getOrDefault(f, "");
  }

  /** The client's own time zone when the card names one (a valid {@link ZoneId}), else null. */
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

  public Contact withId(long newId, long newAssignmentId) {
    return new Contact(newId, newAssignmentId, phone, phoneNormalized, fields, custom, status, attempts,
        lastAttemptAt, lastOutcome);
  }

  public Contact withStatus(ContactStatus s) {
    return new Contact(id, assignmentId, phone, phoneNormalized, fields, custom, s, attempts, lastAttemptAt,
        lastOutcome);
  }

  /** The card after one more call that ended with {@code outcome}. */
  public Contact afterAttempt(CallOutcome outcome, Instant at) {
    return new Contact(id, assignmentId, phone, phoneNormalized, fields, custom, ContactStatus.of(outcome),
        attempts + 1, at, outcome);
  }

  /** The card after a call whose outcome is unknown (lost in a dialer restart). */
  public Contact inDoubt(Instant at) {
    return new Contact(id, assignmentId, phone, phoneNormalized, fields, custom, ContactStatus.IN_DOUBT,
        attempts + 1, at, lastOutcome);
  }

  public Contact withField(ContactField f, String value) {
    Map<ContactField, String> m = new EnumMap<>(ContactField.class);
    m.putAll(fields);
    m.put(f, value);
    return new Contact(id, assignmentId, phone, phoneNormalized, m, custom, status, attempts, lastAttemptAt,
        lastOutcome);
  }
}
