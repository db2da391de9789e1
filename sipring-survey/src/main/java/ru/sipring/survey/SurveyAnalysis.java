package ru.sipring.survey;

import java.util.List;
import java.util.Optional;
import ru.sipring.core.NotFoundException;

/**
 * The analysis of a set of responses ("Анализ"). Immutable.
 *
 * @param scenarioId the scenario analysed ({@code ""} when the filter spans several)
 * @param title its title
 * @param filter the filter applied
 * @param responses responses counted
 * @param completed of which reached the end of the scenario
 * @param questions per-question results, in the reference scenario's display order, then questions found
 *     only in older versions
 */
public record SurveyAnalysis(String scenarioId, String title, ResponseFilter filter, long responses,
                             long completed, List<QuestionStats> questions) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param scenarioId the scenario analysed ({@code ""} when the filter spans several)
   * @param title its title
   * @param filter the filter applied
   * @param responses responses counted
   * @param completed of which reached the end of the scenario
   * @param questions per-question results, in the reference scenario's display order, then questions found only in older versions
   */
  public SurveyAnalysis {
    questions = List.copyOf(questions);
  }

  /**
   * The statistics of one question.
   *
   * @param questionId the question id
   * @return its statistics, or empty when no response reached it
   */
  public Optional<QuestionStats> question(String questionId) {
    return questions.stream().filter(q -> q.questionId().equals(questionId)).findFirst();
  }

  /**
   * The statistics of one question.
   *
   * @param questionId the question id
   * @return its statistics
   * @throws ru.sipring.core.NotFoundException when no response reached it
   */
  public QuestionStats requireQuestion(String questionId) {
    return question(questionId).orElseThrow(() -> new NotFoundException("no results for question " + questionId));
  }
}
