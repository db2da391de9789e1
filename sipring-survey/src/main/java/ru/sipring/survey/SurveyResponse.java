package ru.sipring.survey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one survey run on one call: which scenario version, which call, the path taken and the
 * answers. Immutable.
 *
 * @param id unique response id
 * @param scenarioId the scenario
 * @param version the published version asked ({@link PublishedScenario#DRAFT_VERSION} for a draft test)
 * @param scenarioTitle the title when asked
 * @param call call id, queue, operator, client
 * @param test whether this was a test run ("Тест скрипта"); left out of results unless asked for
 * @param startedAt when the first question was shown
 * @param finishedAt when the run was finished
 * @param completed whether the path reached the end of the scenario (false: finished early)
 * @param answers every question reached, in the order asked
 */
public record SurveyResponse(String id, String scenarioId, int version, String scenarioTitle, CallContext call,
                             boolean test, Instant startedAt, Instant finishedAt, boolean completed,
                             List<Answer> answers) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param id unique response id
   * @param scenarioId the scenario
   * @param version the published version asked ({@link PublishedScenario#DRAFT_VERSION} for a draft test)
   * @param scenarioTitle the title when asked
   * @param call call id, queue, operator, client
   * @param test whether this was a test run ("Тест скрипта"); left out of results unless asked for
   * @param startedAt when the first question was shown
   * @param finishedAt when the run was finished
   * @param completed whether the path reached the end of the scenario (false: finished early)
   * @param answers every question reached, in the order asked
   */
  public SurveyResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(scenarioTitle, "scenarioTitle");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    answers = List.copyOf(answers);
  }
}
