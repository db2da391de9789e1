package ru.sipring.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Section 2: one lost stint: the queue, ENTERQUEUE time, caller, the wait the terminal event reports, the
 * original position and the cause. {@code agent} is the member named on an ABANDON after a member answered
 * but before the bridge, else empty.
 *
 * <p>In the {@linkplain ReportView#CALLER caller view} a row is one caller call whose last stint was lost:
 * {@code queue} and {@code cause} are the last stint's, {@code firstQueue} the first stint's queue, {@code
 * enteredAt} and {@code position} the first stint's, {@code waitTime} the sum of the stints' waits, {@code stints}
 * how many stints. In the queue view {@code firstQueue} equals {@code queue} and {@code stints} is 1.
 */
public record LostCall(String queue, String queueName, Instant enteredAt, String caller, Duration waitTime,
    int position, LostCause cause, String agent, String callId, String firstQueue, int stints) {

  /**
   * One stint (queue view).
   *
   * @param queue the queue name
   * @param queueName the queue's name from the directory, "" when unknown
   * @param enteredAt the ENTERQUEUE time
   * @param caller the caller id number
   * @param waitTime the wait the terminal event reports
   * @param position the original position in the queue
   * @param cause the terminal event
   * @param agent the member named on an ABANDON after an answer, else ""
   * @param callId the queue_log callid
   */
  public LostCall(String queue, String queueName, Instant enteredAt, String caller, Duration waitTime,
      int position, LostCause cause, String agent, String callId) {
    this(queue, queueName, enteredAt, caller, waitTime, position, cause, agent, callId, queue, 1);
  }
}
