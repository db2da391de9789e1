package ru.sipring.survey;

import java.util.List;
import java.util.Optional;

/**
 * Results for one question. Because of branching, bases differ between questions: every percentage here is
 * of this question's own {@link #answered()} (or mentions), never of all responses. Immutable.
 *
 * @param questionId the question's stable id
 * @param type its type
 * @param text its text (from the reference scenario, else as last asked)
 * @param reached responses whose path came to this question
 * @param answered responses that answered it (reached − skipped)
 * @param mentions choices made in total (for multiple: more than answered; for single: equal)
 * @param options per-option counts in display order (empty for text)
 * @param texts text answers, in response order, up to the analyser's limit
 * @param textCount all text answers, including those past the limit
 */
public record QuestionStats(String questionId, QuestionType type, String text, long reached, long answered,
                            long mentions, List<OptionStats> options, List<TextAnswer> texts, long textCount) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param questionId the question's stable id
   * @param type its type
   * @param text its text (from the reference scenario, else as last asked)
   * @param reached responses whose path came to this question
   * @param answered responses that answered it (reached − skipped)
   * @param mentions choices made in total (for multiple: more than answered; for single: equal)
   * @param options per-option counts in display order (empty for text)
   * @param texts text answers, in response order, up to the analyser's limit
   * @param textCount all text answers, including those past the limit
   */
  public QuestionStats {
    options = List.copyOf(options);
    texts = List.copyOf(texts);
  }

  /**
   * Responses that reached the question and skipped it.
   *
   * @return reached − answered
   */
  public long skipped() {
    return reached - answered;
  }

  /**
   * The counts of one option.
   *
   * @param optionId the option id
   * @return its counts, or empty when the question has no such option
   */
  public Optional<OptionStats> option(String optionId) {
    return options.stream().filter(o -> o.optionId().equals(optionId)).findFirst();
  }
}
