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
  public Option {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
  }

  public static Option of(String id, String label) {
    return new Option(id, label, null);
  }

  public static Option of(String id, String label, @Nullable String next) {
    return new Option(id, label, next);
  }

  public Option withLabel(String newLabel) {
    return new Option(id, newLabel, next);
  }

  public Option withNext(@Nullable String newNext) {
    return new Option(id, label, newNext);
  }
}
