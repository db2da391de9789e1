package ru.sipring.survey;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Storage of survey responses. Implementations must be thread-safe; they pass
 * {@code ru.sipring.testkit.contract.ResponseRepositoryContract}.
 */
public interface ResponseRepository {
  /** Stores a response; an existing id is refused with {@link ru.sipring.core.RejectedException}. */
  void save(SurveyResponse response);

  Optional<SurveyResponse> find(String responseId);

  /** Responses recorded for one call (test runs included), oldest first. */
  List<SurveyResponse> forCall(String callId);

  /**
   * Responses matching the filter, ordered by start time then id. The stream may hold a database cursor:
   * close it (try-with-resources).
   */
  Stream<SurveyResponse> find(ResponseFilter filter);
}
