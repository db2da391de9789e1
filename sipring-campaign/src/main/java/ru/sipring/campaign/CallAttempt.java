package ru.sipring.campaign;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One call to a client: by an operator from the work form or by the dialer. While the call is in progress
 * {@code outcome} and {@code endedAt} are null (the dialer stores the attempt before it dials, so a restart
 * knows about it). {@code billsec} is the answered time (the CDR's billsec), {@code duration} includes ringing.
 * Immutable.
 *
 * @param operator the operator's number or name; null for a dialer call nobody took
 * @param tag the dialer's identifier of the originate, unique; empty for operator calls
 * @param uniqueId the PBX channel's uniqueid, to find the CDR and the recording
 */
public record CallAttempt(long id, long contactId, long assignmentId, @Nullable String operator, String number,
    Instant startedAt, @Nullable Instant endedAt, @Nullable CallOutcome outcome, long durationSeconds,
    long billsec, String note, @Nullable String uniqueId, @Nullable String recording, boolean dialer,
    String tag) {

  public CallAttempt {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(tag, "tag");
    if (durationSeconds < 0 || billsec < 0) {
      throw new IllegalArgumentException("duration and billsec must not be negative");
    }
  }

  /** A finished operator call. */
  public static CallAttempt operatorCall(long contactId, long assignmentId, String operator, String number,
      Instant startedAt, CallOutcome outcome, long durationSeconds, long billsec, String note) {
    return new CallAttempt(0, contactId, assignmentId, operator, number, startedAt,
        startedAt.plusSeconds(durationSeconds), outcome, durationSeconds,
        outcome == CallOutcome.ANSWERED ? billsec : 0, note, null, null, false, "");
  }

  public boolean inProgress() {
    return outcome == null;
  }

  public boolean answered() {
    return outcome == CallOutcome.ANSWERED;
  }

  public CallAttempt withId(long newId) {
    return new CallAttempt(newId, contactId, assignmentId, operator, number, startedAt, endedAt, outcome,
        durationSeconds, billsec, note, uniqueId, recording, dialer, tag);
  }

  /** The attempt once the PBX reported how it ended. */
  public CallAttempt finished(CallOutcome o, Instant at, @Nullable String uid, long billsecs) {
    long duration = Math.max(0, at.getEpochSecond() - startedAt.getEpochSecond());
    return new CallAttempt(id, contactId, assignmentId, operator, number, startedAt, at, o, duration,
        o == CallOutcome.ANSWERED ? billsecs : 0, note, uid, recording, dialer, tag);
  }
}
