package ru.sipring.fax;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An outgoing fax job as listed from hfaxd's send or done queue. {@code status} is the server's last status
 * text: the failure reason for a failed job ("Job aborted by request", "Kill time expired", "Busy
 * signal detected"...), or why a queued job waits. Immutable, thread-safe.
 *
 * @param id job id
 * @param groupId job group id (hfaxd)
 * @param owner the hfaxd user that submitted it
 * @param number the number as the user gave it
 * @param state hfaxd state
 * @param pagesSent pages transmitted
 * @param pagesTotal pages to transmit (0 until the scheduler has prepared the documents)
 * @param dials dial attempts made
 * @param maxDials dial attempts allowed
 * @param tries transmit attempts made
 * @param maxTries transmit attempts allowed
 * @param modem the modem or class the job is bound to ({@code any})
 * @param sendAt when the job is (or was) due
 * @param tag SipRing's tag (hfaxd JOBINFO): the send this job belongs to
 * @param receiver cover page recipient, company: metadata kept by hfaxd
 */
public record FaxJob(
    String id,
    String groupId,
    String owner,
    String number,
    FaxJobState state,
    int pagesSent,
    int pagesTotal,
    int dials,
    int maxDials,
    int tries,
    int maxTries,
    String modem,
    @Nullable Instant sendAt,
    String tag,
    String receiver,
    String company,
    String status) {

  /**
   * {@code queued}, {@code suspended}, {@code sending}, {@code done} or {@code failed}.
   *
   * @return the phase: {@code queued}, {@code suspended}, {@code sending}, {@code done} or {@code failed}
   */
  public String phase() {
    return state.phase();
  }

  /**
   * The failure reason when the job failed, else empty.
   *
   * @return the failure reason when the job failed, else empty
   */
  public String failureReason() {
    return state == FaxJobState.FAILED ? status : "";
  }
}
