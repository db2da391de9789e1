package ru.sipring.survey;

import java.util.Objects;

/**
 * The call a survey response belongs to. Immutable. Empty strings stand for "not known" (a test run has no
 * queue, a withheld number has no client).
 *
 * @param callId the PBX's call id (Asterisk uniqueid / queue_log callid); a test run gets a generated one
 * @param queue the queue the call came in on
 * @param operator the operator (agent) who answered
 * @param client the client: normally the caller's normalised number, or a client id from the client base
 */
public record CallContext(String callId, String queue, String operator, String client) {
  /**
   * Checks the components.
   *
   * @param callId the PBX's call id (Asterisk uniqueid / queue_log callid); a test run gets a generated one
   * @param queue the queue the call came in on
   * @param operator the operator (agent) who answered
   * @param client the client: normally the caller's normalised number, or a client id from the client base
   */
  public CallContext {
    Objects.requireNonNull(callId, "callId");
    queue = queue == null ? "" : queue;
    operator = operator == null ? "" : operator;
    client = client == null ? "" : client;
  }

  /**
   * The call a survey runs on.
   *
   * @param callId Asterisk's unique id of the call
   * @param queue the queue the call came through
   * @param operator the operator (agent) who answered
   * @param client the client: normally the caller's normalised number
   * @return the call context
   */
  public static CallContext of(String callId, String queue, String operator, String client) {
    return new CallContext(callId, queue, operator, client);
  }
}
