package ru.sipring.campaign;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One call to a client: by an operator from the work form or by the dialer. While the call is in progress
 * {@code outcome} and {@code endedAt} are null (the dialer stores the attempt before it dials, so a restart
 * knows about it). {@code billsec} is the answered time (the CDR's billsec), {@code duration} includes ringing.
 * Immutable and thread-safe.
 *
 * @param id the store's id; 0 until stored
 * @param contactId the card called
 * @param assignmentId the assignment of the card
 * @param operator the operator's number or name; null for a dialer call nobody took
 * @param tag the dialer's identifier of the originate, unique; empty for operator calls
 * @param uniqueId the PBX channel's uniqueid, to find the CDR and the recording
 * @param number the number dialled
 * @param startedAt when the call was placed
 * @param endedAt when it ended; null while in progress
 * @param outcome how it ended; null while in progress
 * @param durationSeconds seconds from placing the call to its end, ringing included
 * @param billsec answered seconds (the CDR's billsec); 0 unless answered
 * @param note the operator's note, empty when none
 * @param recording the recording's file name, when the call was recorded
 * @param dialer true for a call the dialer placed
 */
public record CallAttempt(long id, long contactId, long assignmentId, @Nullable String operator, String number,
    Instant startedAt, @Nullable Instant endedAt, @Nullable CallOutcome outcome, long durationSeconds,
    long billsec, String note, @Nullable String uniqueId, @Nullable String recording, boolean dialer,
    String tag) {

  /**
   * Checks the attempt.
   *
   * @param id the store's id; 0 until stored
   * @param contactId the card called
   * @param assignmentId the assignment of the card
   * @param operator the operator's number or name; null for a dialer call nobody took
   * @param number the number dialled
   * @param startedAt when the call was placed
   * @param endedAt when it ended; null while in progress
   * @param outcome how it ended; null while in progress
   * @param durationSeconds seconds from placing the call to its end, ringing included
   * @param billsec answered seconds (the CDR's billsec); 0 unless answered
   * @param note the operator's note, empty when none
   * @param uniqueId the PBX channel's uniqueid, to find the CDR and the recording
   * @param recording the recording's file name, when the call was recorded
   * @param dialer true for a call the dialer placed
   * @param tag the dialer's identifier of the originate, unique; empty for operator calls
   * @throws IllegalArgumentException when the duration or billsec is negative
   */
  public CallAttempt {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(tag, "tag");
    if (durationSeconds < 0 || billsec < 0) {
      throw new IllegalArgumentException("duration and billsec must not be negative");
    }
  }

  /**
   * A finished operator call (billsec counts only when answered).
   *
   * @param contactId the card called
   * @param assignmentId the assignment of the card
   * @param operator the operator's number or name
   * @param number the number dialled
   * @param startedAt when the call was placed
   * @param outcome how it ended
   * @param durationSeconds seconds from placing the call to its end
   * @param billsec answered seconds
   * @param note the operator's note, empty when none
   * @return the attempt, not stored yet (id 0)
   */
  public static CallAttempt operatorCall(long contactId, long assignmentId, String operator, String number,
      Instant startedAt, CallOutcome outcome, long durationSeconds, long billsec, String note) {
    return new CallAttempt(0, contactId, assignmentId, operator, number, startedAt,
        startedAt.plusSeconds(durationSeconds), outcome, durationSeconds,
        outcome == CallOutcome.ANSWERED ? billsec : 0, note, null, null, false, "");
  }

  /**
   * Whether the call has not ended yet (no outcome).
   *
   * @return true while in progress
   */
  public boolean inProgress() {
    return outcome == null;
  }

  /**
   * Whether the client answered.
   *
   * @return true when the outcome is {@link CallOutcome#ANSWERED}
   */
  public boolean answered() {
    return outcome == CallOutcome.ANSWERED;
  }

  /**
   * This attempt with the id a store gave it.
   *
   * @param newId the id
   * @return a copy with {@code newId}
   */
  public CallAttempt withId(long newId) {
    return new CallAttempt(newId, contactId, assignmentId, operator, number, startedAt, endedAt, outcome,
        durationSeconds, billsec, note, uniqueId, recording, dialer, tag);
  }

  /**
   * The attempt once the PBX reported how it ended.
   *
   * @param o the outcome
   * @param at when the call ended
   * @param uid the channel's uniqueid, if the PBX reported it
   * @param billsecs answered seconds; kept only when {@code o} is {@link CallOutcome#ANSWERED}
   * @return the finished copy
   */
  public CallAttempt finished(CallOutcome o, Instant at, @Nullable String uid, long billsecs) {
    long duration = Math.max(0, at.getEpochSecond() - startedAt.getEpochSecond());
    return new CallAttempt(id, contactId, assignmentId, operator, number, startedAt, at, o, duration,
        o == CallOutcome.ANSWERED ? billsecs : 0, note, uid, recording, dialer, tag);
  }
}
