package ru.sipring.survey;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a response: a question that was reached, with the texts as they were asked, and the answer
 * given (none when the operator skipped it). Storing the texts is what keeps old results readable after the
 * scenario is edited. Immutable.
 *
 * @param questionId the question's stable id
 * @param type its type when asked
 * @param questionText the question text when asked
 * @param optionIds chosen option ids in display order (one for single, one or more for multiple)
 * @param optionLabels the chosen options' labels when asked, parallel to {@code optionIds}
 * @param text the free-text answer of a text question
 */
public record Answer(String questionId, QuestionType type, String questionText, List<String> optionIds,
                     List<String> optionLabels, @Nullable String text) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param questionId the question's stable id
   * @param type its type when asked
   * @param questionText the question text when asked
   * @param optionIds chosen option ids in display order (one for single, one or more for multiple)
   * @param optionLabels the chosen options' labels when asked, parallel to {@code optionIds}
   * @param text the free-text answer of a text question
   */
  public Answer {
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(questionText, "questionText");
    optionIds = List.copyOf(optionIds);
    optionLabels = List.copyOf(optionLabels);
    if (optionIds.size() != optionLabels.size()) {
      throw new IllegalArgumentException("option ids and labels differ in number: " + optionIds + " / "
          + optionLabels);
    }
  }

  /**
   * A question reached and skipped.
   *
   * @param q the question
   * @return a question reached and skipped
   */
  public static Answer skipped(Question q) {
    return new Answer(q.id(), q.type(), q.text(), List.of(), List.of(), null);
  }

  /**
   * Whether an answer was given.
   *
   * @return true when an answer was given
   */
  public boolean answered() {
    return !optionIds.isEmpty() || text != null;
  }
}
