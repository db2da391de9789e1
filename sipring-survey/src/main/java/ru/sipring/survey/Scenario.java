package ru.sipring.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * A survey scenario ("Сценарий"): a graph of questions. Immutable; the {@code with...} methods return
 * edited copies, so a published version can never change under a running call.
 *
 * <p>The list order of {@link #questions()} is the editor's display order only; the flow follows
 * {@link #start()} and each question's {@code next} (or, for single-choice questions, the chosen option's
 * {@code next}). {@code null} or {@link #END} as a target ends the survey. A scenario may be invalid while it
 * is edited; {@link ScenarioValidator} says what is wrong before it is published or run.
 *
 * @param id stable id of the scenario
 * @param title the title shown to operators
 * @param start id of the first question ({@code null} while the scenario is empty)
 * @param questions questions in display order
 */
public record Scenario(String id, String title, @Nullable String start, List<Question> questions) {
  /**
   * The explicit "end of survey" target. Needed on options: an option's {@code null} next means "use the
   * question's next", so an option that must end the survey while the others go on says {@code "#end"}.
   * Question ids cannot start with {@code #}.
   */
  public static final String END = "#end";

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param id stable id of the scenario
   * @param title the title shown to operators
   * @param start id of the first question ({@code null} while the scenario is empty)
   * @param questions questions in display order
   */
  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    questions = List.copyOf(questions);
  }

  /**
   * A scenario with these questions.
   *
   * @param id the scenario id
   * @param title the title
   * @param start the first question id; {@code null} while the scenario is empty
   * @param questions the questions
   * @return the scenario
   */
  public static Scenario of(String id, String title, @Nullable String start, Question... questions) {
    return new Scenario(id, title, start, List.of(questions));
  }

  /**
   * Whether {@code target} means "the survey ends here".
   *
   * @param target the availability target, such as 0.9999
   * @return true when {@code target} means "the survey ends here"
   */
  public static boolean isEnd(@Nullable String target) {
    return target == null || END.equals(target);
  }

  /**
   * The first question with this id.
   *
   * @param questionId the question id
   * @return the first question with this id, or empty when there is none
   */
  public Optional<Question> question(String questionId) {
    for (Question q : questions) {
      if (q.id().equals(questionId)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /**
   * The question with this id, or {@link NotFoundException}.
   *
   * @param questionId the question id
   * @return the question with this id, or {@link NotFoundException}
   */
  public Question requireQuestion(String questionId) {
    return question(questionId).orElseThrow(
        () -> new NotFoundException("scenario " + id + " has no question " + questionId));
  }

  /**
   * A copy with another title.
   *
   * @param newTitle the title
   * @return the copy
   */
  public Scenario withTitle(String newTitle) {
    return new Scenario(id, newTitle, start, questions);
  }

  /**
   * A copy with another first question.
   *
   * @param newStart the first question id; {@code null} while the scenario is empty
   * @return the copy
   */
  public Scenario withStart(@Nullable String newStart) {
    return new Scenario(id, title, newStart, questions);
  }

  /**
   * Replaces the question with the same id, or appends it; an empty scenario gets it as its start.
   *
   * @param question the question
   * @return the copy
   */
  public Scenario withQuestion(Question question) {
    List<Question> copy = new ArrayList<>(questions);
    int i = indexOf(question.id());
    if (i >= 0) {
      copy.set(i, question);
    } else {
      copy.add(question);
    }
    return new Scenario(id, title, start == null && questions.isEmpty() ? question.id() : start, copy);
  }

  /**
   * Deletes a question that nothing refers to. A question that is the start or the target of another
   * question or option is refused with {@link RejectedException} naming the referrers; use
   * {@link #withoutQuestionUnlinking} to delete it anyway.
   *
   * @param questionId the question id
   * @return the copy
   */
  public Scenario withoutQuestion(String questionId) {
    requireQuestion(questionId);
    Set<String> referrers = referrersOf(questionId);
    referrers.remove(questionId); // a self-loop goes away with the question
    if (!referrers.isEmpty()) {
      throw new RejectedException("question " + questionId + " is still the next action of "
          + String.join(", ", referrers) + "; re-link them first or delete with unlinking");
    }
    List<Question> copy = new ArrayList<>(questions);
    copy.removeIf(q -> q.id().equals(questionId));
    return new Scenario(id, title, start, copy);
  }

  /**
   * Deletes a question and turns every reference to it into "end of survey" (and clears the start if it
   * was the start). The result should be validated again: questions after it may become unreachable.
   *
   * @param questionId the question id
   * @return the copy
   */
  public Scenario withoutQuestionUnlinking(String questionId) {
    requireQuestion(questionId);
    List<Question> copy = new ArrayList<>();
    for (Question q : questions) {
      if (q.id().equals(questionId)) {
        continue;
      }
      Question edited = questionId.equals(q.next()) ? q.withNext(null) : q;
      for (Option o : q.options()) {
        if (questionId.equals(o.next())) {
          edited = edited.withOption(o.withNext(END));
        }
      }
      copy.add(edited);
    }
    return new Scenario(id, title, questionId.equals(start) ? null : start, copy);
  }

  /**
   * Moves a question to {@code index} (0-based, clamped) in display order; the flow is unchanged.
   *
   * @param questionId the question id
   * @param index the new position, 0 first
   * @return the copy
   */
  public Scenario withQuestionMoved(String questionId, int index) {
    int from = indexOf(questionId);
    if (from < 0) {
      throw new NotFoundException("scenario " + id + " has no question " + questionId);
    }
    List<Question> copy = new ArrayList<>(questions);
    Question q = copy.remove(from);
    copy.add(Math.max(0, Math.min(index, copy.size())), q);
    return new Scenario(id, title, start, copy);
  }

  /**
   * Ids of the questions (and "start") that lead to {@code questionId}, in display order.
   *
   * @param questionId the question id
   * @return the ids of the questions that lead to it
   */
  public Set<String> referrersOf(String questionId) {
    Set<String> out = new LinkedHashSet<>();
    if (questionId.equals(start)) {
      out.add("start");
    }
    for (Question q : questions) {
      if (questionId.equals(q.next())) {
        out.add(q.id());
      }
      for (Option o : q.options()) {
        if (questionId.equals(o.next())) {
          out.add(q.id());
        }
      }
    }
    return out;
  }

  private int indexOf(String questionId) {
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).id().equals(questionId)) {
        return i;
      }
    }
    return -1;
  }
}
