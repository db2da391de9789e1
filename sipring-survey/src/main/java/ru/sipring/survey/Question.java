package ru.sipring.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One question of a scenario. Immutable; the {@code with...} methods return edited copies.
 *
 * @param id stable id, unique within the scenario; branches and answers refer to it
 * @param type single, multiple or text
 * @param text the question as read out
 * @param hint the explanation shown to the operator ("Пояснение"); may be empty
 * @param options the options in display order (empty for text questions)
 * @param next the default next question; {@code null} or {@link Scenario#END} ends the survey
 */
public record Question(String id, QuestionType type, String text, String hint, List<Option> options,
                       @Nullable String next) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param id stable id, unique within the scenario; branches and answers refer to it
   * @param type single, multiple or text
   * @param text the question as read out
   * @param hint the explanation shown to the operator ("Пояснение"); may be empty
   * @param options the options in display order (empty for text questions)
   * @param next the default next question; {@code null} or {@link Scenario#END} ends the survey
   */
  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    hint = hint == null ? "" : hint;
    options = List.copyOf(options);
  }

  /**
   * A single-choice question; an option may lead to its own next question.
   *
   * @param id the question id
   * @param text the question text
   * @param next the default next question; {@code null} or {@link Scenario#END} ends the survey
   * @param options the options in display order
   * @return the question
   */
  public static Question single(String id, String text, @Nullable String next, Option... options) {
    return new Question(id, QuestionType.SINGLE, text, "", List.of(options), next);
  }

  /**
   * A multiple-choice question.
   *
   * @param id the question id
   * @param text the question text
   * @param next the next question; {@code null} or {@link Scenario#END} ends the survey
   * @param options the options in display order
   * @return the question
   */
  public static Question multiple(String id, String text, @Nullable String next, Option... options) {
    return new Question(id, QuestionType.MULTIPLE, text, "", List.of(options), next);
  }

  /**
   * A free-text question.
   *
   * @param id the question id
   * @param text the question text
   * @param next the next question; {@code null} or {@link Scenario#END} ends the survey
   * @return the question
   */
  public static Question text(String id, String text, @Nullable String next) {
    return new Question(id, QuestionType.TEXT, text, "", List.of(), next);
  }

  /**
   * The option with this id.
   *
   * @param optionId the option id
   * @return the option with this id, or empty when there is none
   */
  public Optional<Option> option(String optionId) {
    for (Option o : options) {
      if (o.id().equals(optionId)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /**
   * Where the survey goes after this question when {@code chosen} was the answer ({@code null}: skipped, or
   * a multiple/text question). Returns the next question id, or {@code null} for the end.
   *
   * @param chosen the chosen
   * @return where the survey goes after this question when {@code chosen} was the answer
   */
  public @Nullable String nextAfter(@Nullable Option chosen) {
    String target = next;
    if (type == QuestionType.SINGLE && chosen != null && chosen.next() != null) {
      target = chosen.next();
    }
    return Scenario.isEnd(target) ? null : target;
  }

  /**
   * A copy with another text.
   *
   * @param newText the question text
   * @return the copy
   */
  public Question withText(String newText) {
    return new Question(id, type, newText, hint, options, next);
  }

  /**
   * A copy with another hint.
   *
   * @param newHint the explanation shown to the operator
   * @return the copy
   */
  public Question withHint(String newHint) {
    return new Question(id, type, text, newHint, options, next);
  }

  /**
   * A copy with another default next question.
   *
   * @param newNext the next question id; {@code null} or {@link Scenario#END} ends the survey
   * @return the copy
   */
  public Question withNext(@Nullable String newNext) {
    return new Question(id, type, text, hint, options, newNext);
  }

  /**
   * Replaces the option with the same id, or appends it.
   *
   * @param option the option
   * @return the copy
   */
  public Question withOption(Option option) {
    List<Option> copy = new ArrayList<>(options);
    int i = indexOf(option.id());
    if (i >= 0) {
      copy.set(i, option);
    } else {
      copy.add(option);
    }
    return new Question(id, type, text, hint, copy, next);
  }

  /**
   * Removes an option; answers already recorded keep its label, since they store the text as asked.
   *
   * @param optionId the option id
   * @return the copy
   */
  public Question withoutOption(String optionId) {
    List<Option> copy = new ArrayList<>(options);
    copy.removeIf(o -> o.id().equals(optionId));
    return new Question(id, type, text, hint, copy, next);
  }

  /**
   * Moves an option to {@code index} (0-based, clamped) in display order.
   *
   * @param optionId the option id
   * @param index the new position, 0 first
   * @return the copy
   */
  public Question withOptionMoved(String optionId, int index) {
    int from = indexOf(optionId);
    if (from < 0) {
      throw new ru.sipring.core.NotFoundException("question " + id + " has no option " + optionId);
    }
    List<Option> copy = new ArrayList<>(options);
    Option o = copy.remove(from);
    copy.add(Math.max(0, Math.min(index, copy.size())), o);
    return new Question(id, type, text, hint, copy, next);
  }

  private int indexOf(String optionId) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).id().equals(optionId)) {
        return i;
      }
    }
    return -1;
  }
}
