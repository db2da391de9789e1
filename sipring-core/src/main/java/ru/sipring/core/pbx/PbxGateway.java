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

  /** Adds an interface to a queue, as a dynamic member. */
  void addMember(QueueMember member);

  /** Removes an interface from a queue. */
  void removeMember(String queue, String memberInterface);

  /**
   * Pauses or unpauses an interface, in one queue or, when {@code queue} is null, in every queue it is a
   * member of (Asterisk then logs PAUSEALL/UNPAUSEALL).
   */
  void setPaused(String memberInterface, @org.jspecify.annotations.Nullable String queue, boolean paused,
      @org.jspecify.annotations.Nullable String reason);

  /** Starts a call; the stage completes when the call is answered or has definitely failed. */
  CompletionStage<OriginateResult> originate(OriginateRequest request);

  @Override
  void close();
}
