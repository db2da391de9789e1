package ru.sipring.core.pbx;

import java.util.concurrent.CompletionStage;

/**
 * What SipRing asks of the PBX: queue membership (agent login, pause) and originating calls (click-to-call,
 * the auto-dialer). The production implementation is {@code ru.sipring.ami.AmiPbxGateway}; tests and demos
 * use an in-memory one.
 *
 * <p>Implementations are thread-safe. Member actions block until the PBX answers and throw
 * {@link ru.sipring.core.RejectedException} with the PBX's own message when it refuses (no such queue, not a
 * member), {@link ru.sipring.core.ConnectionException} when it cannot be reached. {@link #originate} never
 * retries by itself: the caller (the dialer) decides.
 */
public interface PbxGateway extends AutoCloseable {

  /**
   * Adds an interface to a queue, as a dynamic member.
   *
   * @param member the queue, interface, name, penalty and initial pause state
   * @throws ru.sipring.core.RejectedException when the PBX refuses (no such queue, already a member)
   */
  void addMember(QueueMember member);

  /**
   * Removes an interface from a queue.
   *
   * @param queue the queue name
   * @param memberInterface the interface to remove, such as {@code PJSIP/501}
   * @throws ru.sipring.core.RejectedException when the PBX refuses (not a member)
   */
  void removeMember(String queue, String memberInterface);

  /**
   * Pauses or unpauses an interface, in one queue or, when {@code queue} is null, in every queue it is a
   * member of (Asterisk then logs PAUSEALL/UNPAUSEALL).
   *
   * @param memberInterface the member's interface
   * @param queue the queue, or null for every queue of the member
   * @param paused true to pause, false to unpause
   * @param reason the pause reason shown in queue_log and live state, or null for none
   * @throws ru.sipring.core.RejectedException when the PBX refuses (not a member)
   */
  void setPaused(String memberInterface, @org.jspecify.annotations.Nullable String queue, boolean paused,
      @org.jspecify.annotations.Nullable String reason);

  /**
   * Starts a call; the stage completes when the call is answered or has definitely failed.
   *
   * @param request what to dial and where to connect it
   * @return completes with the outcome (a busy or unanswered call is an outcome, not a failure); completes
   *     exceptionally with a {@link ru.sipring.core.ConnectionException} only when the PBX cannot be reached or
   *     does not answer
   */
  CompletionStage<OriginateResult> originate(OriginateRequest request);

  @Override
  void close();
}
