package ru.sipring.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * The edit steps of a survey editor screen (web panel, CRM): each step loads the draft, changes one thing, saves
 * the draft (invalid drafts are saved: editing passes through invalid states) and returns the validator's report,
 * so the screen can show every problem next to the question it concerns ({@link #bySubject}). Form values come
 * as strings; blank optional values mean "none". Thread-safe as far as the service's repositories are; two
 * editors changing the same draft at once lose one change (last write wins).
 */
public final class SurveyEditor {
  private final SurveyService service;

  private SurveyEditor(SurveyService service) {
    this.service = service;
  }

  /**
   * An editor over a survey service.
   *
   * @param service the service whose drafts are edited
   * @return the editor
   */
  public static SurveyEditor of(SurveyService service) {
    return new SurveyEditor(Objects.requireNonNull(service, "service"));
  }

  /**
   * Starts a new, empty draft.
   *
   * @param scenarioId the new scenario's id
   * @param title its title
   * @return the validation report of the empty draft
   * @throws RejectedException when a scenario with this id exists already
   * @throws BadInputException when the id is not a valid id
   */
  public ValidationReport create(String scenarioId, String title) {
    String id = checkedId(scenarioId);
    if (service.draft(id).isPresent() || service.latest(id).isPresent()) {
      throw new RejectedException("scenario " + id + " exists already");
    }
    return service.saveDraft(new Scenario(id, title.strip(), null, List.of()));
  }

  /**
   * Replaces a whole draft by a scenario in schema-v1 JSON (an API's "save draft"), or starts a new one. The draft
   * is saved even when it does not validate; the report says what is wrong.
   *
   * @param scenarioId the scenario id the caller addresses; the JSON's {@code id} must be the same
   * @param json the scenario as {@link ScenarioJson} reads it
   * @return the validation report of the saved draft
   * @throws BadInputException when the JSON cannot be read (naming line and column), the id is not a valid id,
   *     or the JSON names another scenario
   */
  public ValidationReport putJson(String scenarioId, String json) {
    String id = checkedId(scenarioId);
    Scenario s = ScenarioJson.parse(json);
    if (!s.id().equals(id)) {
      throw new BadInputException("id", "the scenario's id '" + s.id() + "' is not " + id);
    }
    return service.saveDraft(s);
  }

  private static String checkedId(String scenarioId) {
    String id = scenarioId.strip();
    if (id.isEmpty() || id.length() > ScenarioValidator.MAX_ID_LENGTH || !id.matches("[A-Za-z0-9_.-]+")) {
      throw new BadInputException("scenario id", "use 1-" + ScenarioValidator.MAX_ID_LENGTH
          + " letters, digits, '_', '.', '-'");
    }
    return id;
  }

  /**
   * Adds a question at the end, or replaces the question with the same id (keeping its options).
   *
   * @param scenarioId the scenario id
   * @param questionId the question id
   * @param type {@code single}, {@code multiple} or {@code text}
   * @param text the question text
   * @param next the default next question id, {@link Scenario#END}, or blank for "end"
   * @return the validation report after the change
   * @throws BadInputException when the type is unknown
   * @throws NotFoundException when there is no draft
   */
  public ValidationReport putQuestion(String scenarioId, String questionId, String type, String text,
      @Nullable String next) {
    QuestionType t = QuestionType.fromJsonName(type.strip())
        .orElseThrow(() -> new BadInputException("question type", "'" + type + "' is not single, multiple or text"));
    Scenario s = draft(scenarioId);
    String id = questionId.strip();
    List<Option> options = s.question(id).map(Question::options).orElse(List.of());
    Question old = s.question(id).orElse(null);
    Question q = new Question(id, t, text, old == null ? "" : old.hint(), t.hasOptions() ? options : List.of(),
        blankToNull(next));
    return service.saveDraft(s.withQuestion(q));
  }

  /**
   * Adds an option at the end of a question's options, or replaces the option with the same id.
   *
   * @param scenarioId the scenario id
   * @param questionId the question id
   * @param optionId the option id
   * @param label the label
   * @param next for single-choice questions the question this option leads to; blank follows the question's next
   * @return the validation report after the change
   * @throws NotFoundException when there is no draft or no such question
   */
  public ValidationReport putOption(String scenarioId, String questionId, String optionId, String label,
      @Nullable String next) {
    Scenario s = draft(scenarioId);
    Question q = s.requireQuestion(questionId);
    return service.saveDraft(s.withQuestion(q.withOption(new Option(optionId.strip(), label, blankToNull(next)))));
  }

  /**
   * Deletes a question; references to it become "end of survey".
   *
   * @param scenarioId the scenario id
   * @param questionId the question id
   * @return the validation report after the change
   * @throws NotFoundException when there is no draft or no such question
   */
  public ValidationReport removeQuestion(String scenarioId, String questionId) {
    return service.saveDraft(draft(scenarioId).withoutQuestionUnlinking(questionId));
  }

  /**
   * Deletes an option of a question.
   *
   * @param scenarioId the scenario id
   * @param questionId the question id
   * @param optionId the option id
   * @return the validation report after the change
   * @throws NotFoundException when there is no draft or no such question
   */
  public ValidationReport removeOption(String scenarioId, String questionId, String optionId) {
    Scenario s = draft(scenarioId);
    return service.saveDraft(s.withQuestion(s.requireQuestion(questionId).withoutOption(optionId)));
  }

  /**
   * Sets the title and the first question.
   *
   * @param scenarioId the scenario id
   * @param title the title
   * @param start the first question id (blank: none)
   * @return the validation report after the change
   * @throws NotFoundException when there is no draft
   */
  public ValidationReport putHeader(String scenarioId, String title, @Nullable String start) {
    return service.saveDraft(draft(scenarioId).withTitle(title.strip()).withStart(blankToNull(start)));
  }

  /**
   * Validates the current draft without changing it.
   *
   * @param scenarioId the scenario id
   * @return the validation report
   * @throws NotFoundException when there is no draft
   */
  public ValidationReport validate(String scenarioId) {
    return ScenarioValidator.validate(draft(scenarioId));
  }

  /**
   * The queues a scenario is bound to, sorted.
   *
   * @param scenarioId the scenario id
   * @return the queue names
   */
  public List<String> queuesOf(String scenarioId) {
    List<String> out = new ArrayList<>();
    service.assignments().assignments().forEach((queue, id) -> {
      if (id.equals(scenarioId)) {
        out.add(queue);
      }
    });
    return out;
  }

  /**
   * Groups a report's problems by the question they concern ({@link ValidationProblem#SCENARIO} for the whole
   * scenario), in the report's order, so a screen shows each beside its field.
   *
   * @param report the validation report
   * @return subject to problems; a subject without problems is absent
   */
  public static Map<String, List<ValidationProblem>> bySubject(ValidationReport report) {
    Map<String, List<ValidationProblem>> out = new LinkedHashMap<>();
    for (ValidationProblem p : report.problems()) {
      out.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p);
    }
    return out;
  }

  private Scenario draft(String scenarioId) {
    return service.draft(scenarioId)
        .or(() -> service.latest(scenarioId).map(PublishedScenario::scenario))
        .orElseThrow(() -> new NotFoundException("no scenario " + scenarioId));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
