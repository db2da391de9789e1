package ru.sipring.survey.pop;

import java.time.Instant;
import java.util.Objects;
import ru.sipring.core.BadInputException;

/**
 * A survey response taken on a screen pop, tied to the call, the operator and the client card the pop showed.
 * The response itself (scenario, answers) is in the {@link ru.sipring.survey.ResponseRepository}. Immutable.
 *
 * @param responseId the stored {@link ru.sipring.survey.SurveyResponse}'s id
 * @param callId the PBX's call id (the Asterisk uniqueid of the queue call)
 * @param queue the queue the call came in on
 * @param operator the operator who answered
 * @param clientCardId the client card the pop showed ({@code ClientCard.clientId()}); empty when the caller was not
 *     in the client base
 * @param callerNumber the caller's number in its normal form; empty when withheld
 * @param finishedAt when the response was finished
 */
public record PopResponse(String responseId, String callId, String queue, String operator, String clientCardId,
    String callerNumber, Instant finishedAt) {
  /** Longest id, queue, operator, card id or number a store keeps. */
  public static final int MAX_TEXT = 128;

  /**
   * Checks the values.
   *
   * @param responseId the response's id
   * @param callId the call id
   * @param queue the queue
   * @param operator the operator
   * @param clientCardId the client card's id, or empty
   * @param callerNumber the caller's normalised number
   * @param finishedAt when the response was finished
   * @throws BadInputException naming the field: a blank response or call id, or a value longer than
   *     {@value #MAX_TEXT}
   */
  public PopResponse {
    Objects.requireNonNull(finishedAt, "finishedAt");
    check("responseId", responseId, true);
    check("callId", callId, true);
    check("queue", queue, false);
    check("operator", operator, false);
    check("clientCardId", clientCardId, false);
    check("callerNumber", callerNumber, false);
  }

  private static void check(String field, String value, boolean required) {
    Objects.requireNonNull(value, field);
    if (required && value.isBlank()) {
      throw new BadInputException(field, "must not be blank");
    }
    if (value.length() > MAX_TEXT) {
      throw new BadInputException(field, "at most " + MAX_TEXT + " characters, was " + value.length());
    }
  }
}
