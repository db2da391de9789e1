package ru.sipring.survey;

import java.util.Locale;
import java.util.Optional;

/**
 * The three kinds of question of the admin guide (§9): one of a list, several of a list, free text.
 * Only {@link #SINGLE} questions may branch on the answer. Immutable (thread-safe).
 */
public enum QuestionType {
  /** "Один из списка": exactly one option; each option may name its own next question. */
  SINGLE("single"),
  /** "Несколько из списка": one or more options; the question's own {@code next} is always used. */
  MULTIPLE("multiple"),
  /** "Текст": a free-text answer. */
  TEXT("text");

  private final String jsonName;

  QuestionType(String jsonName) {
    this.jsonName = jsonName;
  }

  /**
   * The name used in scenario JSON: {@code single}, {@code multiple} or {@code text}.
   *
   * @return the name used in scenario JSON
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Whether answers choose among options.
   *
   * @return true when answers choose among options
   */
  public boolean hasOptions() {
    return this != TEXT;
  }

  /**
   * Parses a JSON name (case-insensitive); empty when it is not one of the three.
   *
   * @param name the name
   * @return the question type, or empty when there is none
   */
  public static Optional<QuestionType> fromJsonName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (QuestionType t : values()) {
      if (t.jsonName.equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
