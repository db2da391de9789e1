package ru.sipring.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Section 1: one answered stint. {@code enteredAt} is the ENTERQUEUE time (shown in the report's zone);
 * {@code waitTime} is the CONNECT holdtime, {@code talkTime} the terminal event's calltime, {@code position} the
 * original position. Names are empty strings when the directories do not know the queue or agent.
 *
 * <p>In the {@linkplain ReportView#CALLER caller view} a row is one caller call: {@code queue} is the queue of the
 * last (answering) stint, {@code firstQueue} the queue of the first, {@code enteredAt} and {@code position} are the
 * first stint's, {@code waitTime} is the sum of the stints' waits, {@code talkTime} the answering stint's, and
 * {@code stints} how many stints the caller went through. In the queue view {@code firstQueue} equals
 * {@code queue} and {@code stints} is 1.
 */
public record AnsweredCall(String queue, String queueName, String agent, String agentNumber, String agentName,
    Instant enteredAt, String caller, Duration waitTime, Duration talkTime, int position, EndedBy endedBy,
    String callId, String firstQueue, int stints) {

  /**
   * One stint (queue view).
   *
   * @param queue the queue name
   * @param queueName the queue's name from the directory, "" when unknown
   * @param agent the agent column value
   * @param agentNumber the operator's number
   * @param agentName the operator's name, "" when unknown
   * @param enteredAt the ENTERQUEUE time
   * @param caller the caller id number
   * @param waitTime the CONNECT holdtime
   * @param talkTime the calltime of the terminal event
   * @param position the original position in the queue
   * @param endedBy who ended the call
   * @param callId the queue_log callid
   */
  public AnsweredCall(String queue, String queueName, String agent, String agentNumber, String agentName,
      Instant enteredAt, String caller, Duration waitTime, Duration talkTime, int position, EndedBy endedBy,
      String callId) {
    this(queue, queueName, agent, agentNumber, agentName, enteredAt, caller, waitTime, talkTime, position, endedBy,
        callId, queue, 1);
  }
}
