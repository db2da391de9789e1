package ru.sipring.core.pbx;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A moment in the life of one queue call that a host's UI reacts to: an operator answered (the screen pop), the
 * call ended after talking, or the caller hung up while waiting. Built from Asterisk's AMI {@code AgentConnect},
 * {@code AgentComplete} and {@code QueueCallerAbandon}. Immutable.
 *
 * <p>{@link #callId()} is the caller channel's {@code Uniqueid}, which is also the queue_log callid, so a pop can
 * be joined with the reports. Text fields are never null: what the PBX did not send is {@code ""}.
 */
public sealed interface QueueCallEvent {

  /**
   * The caller channel's uniqueid (= queue_log callid).
   *
   * @return the uniqueid, never empty
   */
  String callId();

  /**
   * The queue the caller waited in.
   *
   * @return the queue name, as the PBX names it
   */
  String queue();

  /**
   * When SipRing received the event, from the gateway's clock.
   *
   * @return the receive time
   */
  Instant at();

  /**
   * An operator answered a queue caller (AMI {@code AgentConnect}).
   *
   * @param callerNumber the caller id number ("" when withheld)
   * @param callerName the caller id name ("" when none; Asterisk's {@code <unknown>} becomes "")
   * @param memberInterface the member's interface ({@code PJSIP/501}, {@code Local/501@from-queue/n})
   * @param memberName the member's name as the queue knows it ("" when none)
   * @param holdTime how long the caller waited in the queue
   * @param ringTime how long the member's phone rang before it answered
   */
  record AgentConnected(String callId, String queue, String callerNumber, String callerName,
      String memberInterface, String memberName, Duration holdTime, Duration ringTime, Instant at)
      implements QueueCallEvent {
    /**
     * Checks the required fields; a missing text field becomes {@code ""}.
     *
     * @param callId the caller channel's uniqueid (= queue_log callid)
     * @param queue the queue the caller waited in
     * @param callerNumber the caller id number ("" when withheld)
     * @param callerName the caller id name ("" when none; Asterisk's {@code <unknown>} becomes "")
     * @param memberInterface the member's interface ({@code PJSIP/501}, {@code Local/501@from-queue/n})
     * @param memberName the member's name as the queue knows it ("" when none)
     * @param holdTime how long the caller waited in the queue
     * @param ringTime how long the member's phone rang before it answered
     * @param at when SipRing received the event
     */
    public AgentConnected {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(queue, "queue");
      callerNumber = text(callerNumber);
      callerName = text(callerName);
      memberInterface = text(memberInterface);
      memberName = text(memberName);
      Objects.requireNonNull(holdTime, "holdTime");
      Objects.requireNonNull(ringTime, "ringTime");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Who ended a bridged queue call, as AMI {@code AgentComplete}'s {@code Reason} says. */
  enum CompletedBy {
    /** The caller hung up. */
    CALLER,
    /** The operator hung up. */
    AGENT,
    /** The call was transferred. */
    TRANSFER,
    /** Asterisk did not say, or said something else. */
    UNKNOWN;

    /**
     * {@code caller}, {@code agent}, {@code transfer}; anything else is {@link #UNKNOWN}.
     *
     * @param reason the {@code Reason} header, or null when absent
     * @return who ended the call
     */
    public static CompletedBy of(@org.jspecify.annotations.Nullable String reason) {
      if (reason == null) {
        return UNKNOWN;
      }
      return switch (reason.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "caller" -> CALLER;
        case "agent" -> AGENT;
        case "transfer" -> TRANSFER;
        default -> UNKNOWN;
      };
    }
  }

  /**
   * An answered queue call ended (AMI {@code AgentComplete}).
   *
   * @param holdTime how long the caller had waited before the answer
   * @param talkTime how long the caller and the operator talked
   */
  record AgentCompleted(String callId, String queue, String callerNumber, String memberInterface,
      String memberName, Duration holdTime, Duration talkTime, CompletedBy by, Instant at)
      implements QueueCallEvent {
    /**
     * Checks the required fields; a missing text field becomes {@code ""}.
     *
     * @param callId the caller channel's uniqueid (= queue_log callid)
     * @param queue the queue the caller waited in
     * @param callerNumber the caller id number ("" when withheld)
     * @param memberInterface the member's interface
     * @param memberName the member's name as the queue knows it ("" when none)
     * @param holdTime how long the caller had waited before the answer
     * @param talkTime how long the caller and the operator talked
     * @param by who ended the call
     * @param at when SipRing received the event
     */
    public AgentCompleted {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(queue, "queue");
      callerNumber = text(callerNumber);
      memberInterface = text(memberInterface);
      memberName = text(memberName);
      Objects.requireNonNull(holdTime, "holdTime");
      Objects.requireNonNull(talkTime, "talkTime");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The caller hung up while waiting (AMI {@code QueueCallerAbandon}).
   *
   * @param position the caller's position when hanging up (1 = first)
   * @param originalPosition the position on joining
   * @param holdTime how long the caller waited
   */
  record CallerAbandoned(String callId, String queue, String callerNumber, int position, int originalPosition,
      Duration holdTime, Instant at) implements QueueCallEvent {
    /**
     * Checks the required fields; a missing text field becomes {@code ""}.
     *
     * @param callId the caller channel's uniqueid (= queue_log callid)
     * @param queue the queue the caller waited in
     * @param callerNumber the caller id number ("" when withheld)
     * @param position the caller's position when hanging up (1 = first)
     * @param originalPosition the position on joining
     * @param holdTime how long the caller waited
     * @param at when SipRing received the event
     */
    public CallerAbandoned {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(queue, "queue");
      callerNumber = text(callerNumber);
      Objects.requireNonNull(holdTime, "holdTime");
      Objects.requireNonNull(at, "at");
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
