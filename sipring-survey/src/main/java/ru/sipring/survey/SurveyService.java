package ru.sipring.survey;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * The survey façade a host application wires once: scenario drafts and published versions, queue
 * assignments, runs on calls and test runs, stored responses. Thread-safe when the repositories are
 * (publishing the same scenario from two threads at once may make one of them fail with
 * {@link RejectedException} from the repository's unique version).
 */
public final class SurveyService {
  private final ScenarioRepository scenarios;
  private final QueueAssignmentRepository assignments;
  private final ResponseRepository responses;
  private final Clock clock;

  private SurveyService(ScenarioRepository scenarios, QueueAssignmentRepository assignments,
                        ResponseRepository responses, Clock clock) {
    this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    this.assignments = Objects.requireNonNull(assignments, "assignments");
    this.responses = Objects.requireNonNull(responses, "responses");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A service over these stores.
   *
   * @param scenarios drafts and published versions
   * @param assignments queue → scenario
   * @param responses stored responses
   * @param clock stamps publications and responses
   * @return the service
   */
  public static SurveyService of(ScenarioRepository scenarios, QueueAssignmentRepository assignments,
                                     ResponseRepository responses, Clock clock) {
    return new SurveyService(scenarios, assignments, responses, clock);
  }

  /**
   * Everything in memory, for tests, demos and the CLI.
   *
   * @param clock the clock
   * @return the survey service
   */
  public static SurveyService inMemory(Clock clock) {
    return of(new InMemoryScenarioRepository(), new InMemoryQueueAssignmentRepository(),
        new InMemoryResponseRepository(), clock);
  }

  /**
   * The scenario store.
   *
   * @return the store
   */
  public ScenarioRepository scenarios() {
    return scenarios;
  }

  /**
   * The response store.
   *
   * @return the store
   */
  public ResponseRepository responses() {
    return responses;
  }

  /**
   * The queue assignment store.
   *
   * @return the store
   */
  public QueueAssignmentRepository assignments() {
    return assignments;
  }

  /**
   * Saves a draft (invalid drafts are saved too: editing goes through invalid states) and validates it.
   *
   * @param draft the draft
   * @return the validation report
   */
  public ValidationReport saveDraft(Scenario draft) {
    scenarios.saveDraft(draft);
    return ScenarioValidator.validate(draft);
  }

  /**
   * The draft of a scenario.
   *
   * @param scenarioId the scenario id
   * @return the draft, or empty when there is none
   */
  public Optional<Scenario> draft(String scenarioId) {
    return scenarios.draft(scenarioId);
  }

  /**
   * Freezes the current draft as the next version. Refused with {@link RejectedException} (listing every
   * error, one per line) when the draft does not validate. When the draft equals the latest version, that
   * version is returned and no new one is made.
   *
   * @param scenarioId the scenario id
   * @return the published scenario
   */
  public PublishedScenario publish(String scenarioId) {
    Scenario draft = scenarios.draft(scenarioId)
        .orElseThrow(() -> new NotFoundException("no draft of scenario " + scenarioId));
    ValidationReport report = ScenarioValidator.validate(draft);
    if (!report.isValid()) {
      throw new RejectedException("scenario " + scenarioId + " is not valid:\n" + report.errorLines());
    }
    Optional<PublishedScenario> latest = scenarios.latest(scenarioId);
    if (latest.isPresent() && latest.get().scenario().equals(draft)) {
      return latest.get();
    }
    PublishedScenario p = new PublishedScenario(draft, latest.map(l -> l.version() + 1).orElse(1),
        clock.instant());
    scenarios.addVersion(p);
    return p;
  }

  /**
   * The highest published version of a scenario.
   *
   * @param scenarioId the scenario id
   * @return the version, or empty when it was never published
   */
  public Optional<PublishedScenario> latest(String scenarioId) {
    return scenarios.latest(scenarioId);
  }

  /**
   * Deletes a scenario's draft and versions. Refused while a queue is assigned to it. Responses stay: they
   * carry their own texts.
   *
   * @param scenarioId the scenario id
   * @return true when there was anything to delete
   */
  public boolean delete(String scenarioId) {
    List<String> queues = assignments.assignments().entrySet().stream()
        .filter(e -> e.getValue().equals(scenarioId)).map(java.util.Map.Entry::getKey).toList();
    if (!queues.isEmpty()) {
      throw new RejectedException("scenario " + scenarioId + " is assigned to queues " + queues
          + "; unassign them first");
    }
    return scenarios.delete(scenarioId);
  }

  /**
   * Assigns a published scenario to a queue ("Назначить"); calls then get its latest version.
   *
   * @param queue the queue number
   * @param scenarioId the scenario id
   */
  public void assign(String queue, String scenarioId) {
    if (scenarios.latest(scenarioId).isEmpty()) {
      throw new RejectedException("scenario " + scenarioId + " has no published version; publish it first");
    }
    assignments.assign(queue, scenarioId);
  }

  /**
   * Removes a queue's assignment.
   *
   * @param queue the queue number
   * @return whether the queue had one
   */
  public boolean unassign(String queue) {
    return assignments.unassign(queue);
  }

  /**
   * The scenario version a call on this queue gets now: the latest version of the assigned scenario.
   *
   * @param queue the queue number
   * @return the scenario version a call on this queue gets now, or empty when there is none
   */
  public Optional<PublishedScenario> scenarioForQueue(String queue) {
    return assignments.scenarioFor(queue).flatMap(scenarios::latest);
  }

  /**
   * Starts a run on a real call with the queue's scenario; empty when the queue has none.
   *
   * @param call the call the survey runs on
   * @return the survey run, or empty when there is none
   */
  public Optional<SurveyRun> startRun(CallContext call) {
    return scenarioForQueue(call.queue()).map(p -> startRun(p, call));
  }

  /**
   * Starts a run on a real call with a given version; the response is stored when it is finished.
   *
   * @param scenario the scenario
   * @param call the call the survey runs on
   * @return the survey run
   */
  public SurveyRun startRun(PublishedScenario scenario, CallContext call) {
    return SurveyRun.start(scenario, call, false, clock, responses::save);
  }

  /**
   * A test run of the latest published version; stored, marked as a test.
   *
   * @param scenarioId the scenario id
   * @param operator the operator (agent) name or number
   * @return a test run of the latest published version
   */
  public SurveyRun startTestRun(String scenarioId, @Nullable String operator) {
    PublishedScenario p = scenarios.latest(scenarioId)
        .orElseThrow(() -> new NotFoundException("scenario " + scenarioId + " has no published version"));
    return SurveyRun.start(p, testCall(operator), true, clock, responses::save);
  }

  /**
   * A test run of the current draft (recorded as version {@value PublishedScenario#DRAFT_VERSION}).
   *
   * @param scenarioId the scenario id
   * @param operator the operator (agent) name or number
   * @return a test run of the current draft
   */
  public SurveyRun startDraftTestRun(String scenarioId, @Nullable String operator) {
    Scenario d = scenarios.draft(scenarioId)
        .orElseThrow(() -> new NotFoundException("no draft of scenario " + scenarioId));
    return SurveyRun.start(new PublishedScenario(d, PublishedScenario.DRAFT_VERSION, clock.instant()),
        testCall(operator), true, clock, responses::save);
  }

  private static CallContext testCall(@Nullable String operator) {
    return new CallContext("test-" + UUID.randomUUID(), "", operator == null ? "" : operator, "");
  }
}
