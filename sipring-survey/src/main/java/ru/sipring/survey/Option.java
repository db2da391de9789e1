package ru.sipring.survey;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One answer option of a {@link QuestionType#SINGLE} or {@link QuestionType#MULTIPLE} question. Immutable.
 *
 * @param id stable id, unique within its question; answers refer to it, so it survives edits of the label
 * @param label the text the operator sees and reads out
 * @param next for single-choice questions, the question to go to when this option is chosen
 *     ({@link Scenario#END} ends the survey); {@code null} means "the question's own next"
 */
public record Option(String id, String label, @Nullable String next) {
  /**
   * Checks the components.
   *
   * @param id stable id, unique within its question; answers refer to it, so it survives edits of the label
   * @param label the text the operator sees and reads out
   * @param next for single-choice questions, the question to go to when this option is chosen ({@link Scenario#END} ends the survey); {@code null} means "the question's own next"
   */
  public Option {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
  }

  /**
   * An option that follows the question's own next.
   *
   * @param id the option id, stable across versions
   * @param label the label shown to the operator
   * @return the option
   */
  public static Option of(String id, String label) {
    return new Option(id, label, null);
  }

  /**
   * An option that leads to its own next question.
   *
   * @param id the option id, stable across versions
   * @param label the label shown to the operator
   * @param next the question this option leads to; {@code null} follows the question's own next
   * @return the option
   */
  public static Option of(String id, String label, @Nullable String next) {
    return new Option(id, label, next);
  }

  /**
   * A copy with another label.
   *
   * @param newLabel the label shown to the operator
   * @return the copy
   */
  public Option withLabel(String newLabel) {
    return new Option(id, newLabel, next);
  }

  /**
   * A copy with another next question.
   *
   * @param newNext the question this option leads to; {@code null} follows the question's own next
   * @return the copy
   */
  public Option withNext(@Nullable String newNext) {
    return new Option(id, label, newNext);
  }
}
