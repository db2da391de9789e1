package ru.sipring.cli.screenpop;

import java.util.Objects;

/**
 * An operator was connected to a queue caller: the facts of Asterisk's AMI {@code AgentConnect} event that a
 * screen pop needs. Immutable.
 *
 * @param callId the caller channel's uniqueid (= the queue_log callid)
 * @param queue the queue the caller waited in
 * @param callerNumber the caller id number as the PBX gave it ("" when withheld)
 * @param memberInterface the member's interface ({@code PJSIP/501}, {@code Local/501@from-queue/n})
 * @param memberName the member's name as the queue knows it ("" when none)
 */
public record AgentConnected(String callId, String queue, String callerNumber, String memberInterface,
    String memberName) {
  public AgentConnected {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(queue, "queue");
    callerNumber = callerNumber == null ? "" : callerNumber;
    memberInterface = memberInterface == null ? "" : memberInterface;
    memberName = memberName == null ? "" : memberName;
  }
}
