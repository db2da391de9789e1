package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ru.sipring.cdr.survey.JdbiQueueAssignmentRepository;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.Option;
import ru.sipring.survey.Question;
import ru.sipring.survey.QueueAssignmentRepository;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.ResponseRepository;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioRepository;
import ru.sipring.survey.SurveyAnalyser;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.testkit.contract.QueueAssignmentRepositoryContract;
import ru.sipring.testkit.contract.ResponseRepositoryContract;
import ru.sipring.testkit.contract.ScenarioRepositoryContract;

/**
 * The survey repositories on MariaDB (package ru.sipring.cdr.survey) pass the same contracts as the in-memory
 * ones, plus an end-to-end run: publish, assign, answer on a call, analyse from the database.
 */
class JdbiSurveyRepositoriesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);
  static TestDatabase db; // EmbeddedXxxTest puts the embedded database here

  @BeforeAll
  static void database() {
    db = TestDatabase.create("surveys");
    SipRingSchema.migrate(db.dataSource());
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  private static void empty() {
    db.execute("DELETE FROM sipring_survey_answer_option", "DELETE FROM sipring_survey_answer",
        "DELETE FROM sipring_survey_response", "DELETE FROM sipring_survey_queue",
        "DELETE FROM sipring_survey_version", "DELETE FROM sipring_survey_draft");
  }

  @Nested
  class Scenarios extends ScenarioRepositoryContract {
    @Override
    protected ScenarioRepository createRepository() {
      empty();
      return JdbiScenarioRepository.of(db.dataSource(), CLOCK);
    }
  }

  @Nested
  class Assignments extends QueueAssignmentRepositoryContract {
    @Override
    protected QueueAssignmentRepository createRepository() {
      empty();
      return JdbiQueueAssignmentRepository.of(db.dataSource());
    }
  }

  @Nested
  class Responses extends ResponseRepositoryContract {
    @Override
    protected ResponseRepository createRepository() {
      empty();
      return JdbiResponseRepository.of(db.dataSource());
    }
  }

  @Test
  void idsAndQueuesAreCaseSensitiveAndSubMicrosecondsAreDropped() {
    empty();
    JdbiQueueAssignmentRepository queues = JdbiQueueAssignmentRepository.of(db.dataSource());
    queues.assign("Sales", "a");
    queues.assign("sales", "b");
    assertThat(queues.assignments()).containsOnlyKeys("Sales", "sales");

    SurveyService service = SurveyService.of(JdbiScenarioRepository.of(db.dataSource(), CLOCK), queues,
        JdbiResponseRepository.of(db.dataSource()),
        Clock.fixed(Instant.parse("2026-03-02T06:00:00.123456789Z"), ZoneOffset.UTC));
    service.saveDraft(Scenario.of("nps", "NPS", "score",
        Question.single("score", "Порекомендуете нас?", null, Option.of("yes", "Да"), Option.of("no", "Нет"))));
    service.publish("nps");
    service.assign("sales", "nps");
    SurveyRun run = service.startRun(CallContext.of("1700000000.7", "sales", "101", "79161234567")).orElseThrow();
    run.answerSingle("yes");
    SurveyResponse r = run.finish();
    SurveyResponse stored = service.responses().find(r.id()).orElseThrow();
    assertThat(stored.startedAt()).isEqualTo(Instant.parse("2026-03-02T06:00:00.123456Z"));
    assertThat(stored.answers()).isEqualTo(r.answers());
  }

  @Test
  void analysisStreamsResponsesFromTheDatabase() {
    empty();
    JdbiResponseRepository responses = JdbiResponseRepository.of(db.dataSource());
    Scenario s = Scenario.of("nps", "NPS", "score",
        Question.single("score", "Порекомендуете нас?", "why", Option.of("yes", "Да"), Option.of("no", "Нет")),
        Question.text("why", "Почему?", null));
    ru.sipring.survey.PublishedScenario p = new ru.sipring.survey.PublishedScenario(s, 1, CLOCK.instant());
    int n = 1200;
    for (int i = 0; i < n; i++) {
      Clock at = Clock.fixed(CLOCK.instant().plus(Duration.ofSeconds(i)), ZoneOffset.UTC);
      SurveyRun run = SurveyRun.start(p, CallContext.of("c" + i, i % 3 == 0 ? "support" : "sales", "10" + (i % 4),
          ""), false, at, responses::save);
      run.answerSingle(i % 5 == 0 ? "no" : "yes");
      if (i % 2 == 0) {
        run.answerText("ответ " + i);
      } else {
        run.skip();
      }
      run.finish();
    }
    try (Stream<SurveyResponse> all = responses.find(ResponseFilter.forScenario("nps").withQueues("sales"))) {
      var a = SurveyAnalyser.of(s).analyse(all, ResponseFilter.all());
      assertThat(a.responses()).isEqualTo(800);
      assertThat(a.requireQuestion("score").option("no").orElseThrow().count())
          .isEqualTo(countNo(n));
      assertThat(a.requireQuestion("why").reached()).isEqualTo(800);
      assertThat(a.requireQuestion("why").answered()).isEqualTo(400);
    }
  }

  /** Responses on queue sales (i % 3 != 0) that answered "no" (i % 5 == 0). */
  private static long countNo(int n) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      if (i % 3 != 0 && i % 5 == 0) {
        c++;
      }
    }
    return c;
  }
}
