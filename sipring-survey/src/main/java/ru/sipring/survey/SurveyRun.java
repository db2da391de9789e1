package ru.sipring.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.RejectedException;

/**
 * One pass through a scenario on one call — the engine behind both a real call and a test run ("Тест
 * скрипта"): the operator answers the {@link #current()} question (which moves on: "Далее"), may
 * {@link #skip()} it, go {@link #back()}, and {@link #finish()} at any time ("Завершить"). Answers are checked
 * against the question's type before they are recorded.
 *
 * <p>Only valid scenarios run (checked when the run starts), so a path always ends. Not thread-safe: one run
 * belongs to one operator's screen.
 */
public final class SurveyRun {
  private final PublishedScenario published;
  private final CallContext call;
  private final boolean test;
  private final Clock clock;
  private final Instant startedAt;
  private final String responseId;
  private final @Nullable Consumer<SurveyResponse> onFinish;
  private final List<Answer> path = new ArrayList<>();
  /** Answers taken back by {@link #back()}, kept so a screen can show them again. */
  private final Map<String, Answer> earlier = new HashMap<>();
  private @Nullable Question current;
  private @Nullable SurveyResponse finished;

  private SurveyRun(PublishedScenario published, CallContext call, boolean test, Clock clock,
                    @Nullable Consumer<SurveyResponse> onFinish) {
    ValidationReport report = ScenarioValidator.validate(published.scenario());
    if (!report.isValid()) {
      throw new RejectedException("scenario " + published.scenarioId() + " cannot run:\n" + report.errorLines());
    }
    this.published = published;
    this.call = call;
    this.test = test;
    this.clock = clock;
    this.onFinish = onFinish;
    this.startedAt = clock.instant();
    this.responseId = UUID.randomUUID().toString();
    String start = published.scenario().start();
    if (start == null) {
      // the validator reports an empty scenario as an error, so this is only reached if that rule changes
      throw new RejectedException("scenario " + published.scenarioId() + " cannot run: it has no questions");
    }
    this.current = published.scenario().requireQuestion(start);
  }

  /**
   * Starts a run. {@code onFinish} (may be null) receives the response on the thread that calls
   * {@link #finish()}; {@link SurveyService} uses it to store the response.
   *
   * @param scenario the scenario
   * @param call the call the survey runs on
   * @param test whether this is a test run (not counted in results)
   * @param clock the clock
   * @param onFinish receives the finished response, or null
   * @return the survey run
   * @throws RejectedException when the scenario does not validate
   */
  public static SurveyRun start(PublishedScenario scenario, CallContext call, boolean test, Clock clock,
                                @Nullable Consumer<SurveyResponse> onFinish) {
    return new SurveyRun(scenario, call, test, clock, onFinish);
  }

  /**
   * The question to ask now; empty when the path has reached the end (or the run is finished).
   *
   * @return the question to ask now, or empty when there is none
   */
  public Optional<Question> current() {
    return Optional.ofNullable(current);
  }

  /**
   * Whether the path reached the end of the scenario (only {@link #finish()} is left to do).
   *
   * @return true when the path reached the end of the scenario (only {@link #finish()} is left to do)
   */
  public boolean atEnd() {
    return current == null;
  }

  /**
   * Whether {@link #finish()} was called.
   *
   * @return true once finished
   */
  public boolean isFinished() {
    return finished != null;
  }

  /**
   * Whether this is a test run (not counted in results).
   *
   * @return true for a test run
   */
  public boolean isTest() {
    return test;
  }

  /**
   * The scenario version this run follows.
   *
   * @return the published scenario
   */
  public PublishedScenario scenario() {
    return published;
  }

  /**
   * The call the survey runs on.
   *
   * @return the call
   */
  public CallContext call() {
    return call;
  }

  /**
   * The questions reached so far with their answers, in order.
   *
   * @return the questions reached so far with their answers, in order
   */
  public List<Answer> path() {
    return List.copyOf(path);
  }

  /**
   * The answer given earlier to a question that {@link #back()} returned to, for pre-filling a screen.
   *
   * @param questionId the question id
   * @return the earlier answer, or empty when the question was not answered before
   */
  public Optional<Answer> earlierAnswer(String questionId) {
    return Optional.ofNullable(earlier.get(questionId));
  }

  /**
   * Answers the current single-choice question with one option id and moves on.
   *
   * @param optionId the option id
   * @return the question, or empty when there is none
   */
  public Optional<Question> answerSingle(String optionId) {
    Question q = requireCurrent(QuestionType.SINGLE);
    Option o = q.option(optionId).orElseThrow(() -> new BadInputException(q.id(),
        "no option '" + optionId + "'; expected one of " + optionIds(q)));
    return record(new Answer(q.id(), q.type(), q.text(), List.of(o.id()), List.of(o.label()), null), o);
  }

  /**
   * Answers the current multiple-choice question with one or more option ids and moves on.
   *
   * @param optionIds the option ids
   * @return the question, or empty when there is none
   */
  public Optional<Question> answerMultiple(Collection<String> optionIds) {
    Question q = requireCurrent(QuestionType.MULTIPLE);
    if (optionIds.isEmpty()) {
      throw new BadInputException(q.id(), "choose at least one option, or skip the question");
    }
    Set<String> chosen = new LinkedHashSet<>(optionIds);
    for (String id : chosen) {
      if (q.option(id).isEmpty()) {
        throw new BadInputException(q.id(), "no option '" + id + "'; expected some of " + optionIds(q));
      }
    }
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Option o : q.options()) { // display order, whatever order they were clicked in
      if (chosen.contains(o.id())) {
        ids.add(o.id());
        labels.add(o.label());
      }
    }
    return record(new Answer(q.id(), q.type(), q.text(), ids, labels, null), null);
  }

  /**
   * Answers the current text question and moves on; surrounding blanks are trimmed.
   *
   * @param text the text
   * @return the question, or empty when there is none
   */
  public Optional<Question> answerText(String text) {
    Question q = requireCurrent(QuestionType.TEXT);
    String t = text.strip();
    if (t.isEmpty()) {
      throw new BadInputException(q.id(), "the answer is blank; type an answer or skip the question");
    }
    return record(new Answer(q.id(), q.type(), q.text(), List.of(), List.of(), t), null);
  }

  /**
   * Records the current question as reached but not answered and follows its own next action.
   *
   * @return the question, or empty when there is none
   */
  public Optional<Question> skip() {
    Question q = requireCurrent(null);
    return record(Answer.skipped(q), null);
  }

  /**
   * Whether {@link #back()} can go back: a question was answered and the run is not finished.
   *
   * @return true when it can go back
   */
  public boolean canGoBack() {
    return !path.isEmpty() && finished == null;
  }

  /**
   * Goes back to the previous question; its answer is withdrawn (and kept in {@link #earlierAnswer}) and the
   * path after it is recomputed from the new answer.
   *
   * @return the question
   */
  public Question back() {
    requireOpen();
    if (path.isEmpty()) {
      throw new RejectedException("already at the first question");
    }
    Answer last = path.remove(path.size() - 1);
    earlier.put(last.questionId(), last);
    current = published.scenario().requireQuestion(last.questionId());
    return current;
  }

  /**
   * Ends the run — at the end of the path or early — and returns the response (also handed to the
   * {@code onFinish} consumer). {@code completed} says whether the end was reached.
   *
   * @return the survey response
   */
  public SurveyResponse finish() {
    requireOpen();
    Scenario s = published.scenario();
    finished = new SurveyResponse(responseId, s.id(), published.version(), s.title(), call, test, startedAt,
        clock.instant(), current == null, path);
    current = null;
    if (onFinish != null) {
      onFinish.accept(finished);
    }
    return finished;
  }

  private Optional<Question> record(Answer answer, @Nullable Option chosen) {
    // every caller got its question from requireCurrent, so this only re-reads it as non-null
    Question q = requireCurrent(null);
    path.add(answer);
    earlier.remove(answer.questionId());
    String next = q.nextAfter(chosen);
    current = next == null ? null : published.scenario().requireQuestion(next);
    return Optional.ofNullable(current);
  }

  private Question requireCurrent(@Nullable QuestionType type) {
    requireOpen();
    Question q = current;
    if (q == null) {
      throw new RejectedException("the survey has reached its end; finish it");
    }
    if (type != null && q.type() != type) {
      throw new BadInputException(q.id(), "is a " + q.type().jsonName() + " question, not "
          + type.jsonName());
    }
    return q;
  }

  private void requireOpen() {
    if (finished != null) {
      throw new RejectedException("response " + responseId + " is already finished");
    }
  }

  private static String optionIds(Question q) {
    return q.options().stream().map(Option::id).toList().toString();
  }
}
