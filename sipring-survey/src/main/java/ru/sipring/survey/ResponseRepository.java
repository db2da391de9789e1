package ru.sipring.survey;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Storage of survey responses. Implementations must be thread-safe; they pass
 * {@code ru.sipring.testkit.contract.ResponseRepositoryContract}.
 */
public interface ResponseRepository {
  /**
   * Stores a response; an existing id is refused with {@link ru.sipring.core.RejectedException}.
   *
   * @param response the response
   */
  void save(SurveyResponse response);

  /**
   * A stored response.
   *
   * @param responseId the response id
   * @return the response, or empty when there is none with this id
   */
  Optional<SurveyResponse> find(String responseId);

  /**
   * Responses recorded for one call (test runs included), oldest first.
   *
   * @param callId the call id
   * @return responses recorded for one call
   */
  List<SurveyResponse> forCall(String callId);

  /**
   * Responses matching the filter, ordered by start time then id. The stream may hold a database cursor:
   * close it (try-with-resources).
   *
   * @param filter which responses
   * @return responses matching the filter, ordered by start time then id
   */
  Stream<SurveyResponse> find(ResponseFilter filter);
}
