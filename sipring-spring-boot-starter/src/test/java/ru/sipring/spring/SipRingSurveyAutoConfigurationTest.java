package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.cdr.survey.pop.JdbiPopResponseRepository;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.InMemoryScenarioRepository;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.SurveyEditor;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.InMemoryPopResponseRepository;
import ru.sipring.survey.pop.PopResponse;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.survey.pop.PopSurveys;

class SipRingSurveyAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SipRingDatabaseAutoConfiguration.class,
          SipRingSurveyAutoConfiguration.class));

  /** A one-question survey bound to queue 6000, as the editor pages build it. */
  private static void publishedOnQueue(SurveyService service) {
    SurveyEditor editor = SurveyEditor.of(service);
    editor.create("callback", "Обратный звонок");
    editor.putQuestion("callback", "ok", "single", "Удобно говорить?", null);
    editor.putOption("callback", "ok", "yes", "Да", null);
    editor.putOption("callback", "ok", "no", "Нет", null);
    service.publish("callback");
    service.assign("6000", "callback");
  }

  /** A pop on queue 6000 answered by operator 501 for client card 42; the operator answers "Да". */
  private static SurveyResponse answerOnPop(SurveyService service, PopSurveys pops, String callId) {
    ScreenPop pop = new ScreenPop(CallContext.of(callId, "6000", "501", "79160000001"), "+7 916 000-00-01",
        Optional.of(new ClientCard("42", "Клиент", "79160000001", Map.of())), service.scenarioForQueue("6000"));
    SurveyRun run = pops.start(pop).orElseThrow();
    run.answerSingle("yes");
    return run.finish();
  }

  /** The ids of the stored responses; the stream is closed (on a database it holds a connection). */
  private static java.util.List<String> ids(SurveyService service) {
    try (java.util.stream.Stream<SurveyResponse> rs = service.responses().find(ResponseFilter.forScenario("callback"))) {
      return rs.map(SurveyResponse::id).toList();
    }
  }

  @Test
  void withoutADatabaseSurveysAndPopLinksAreInMemoryAndPopAnswersAreTheServicesResponses() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(SurveyService.class).hasSingleBean(PopSurveys.class)
          .hasSingleBean(InMemoryPopResponseRepository.class).doesNotHaveBean(DataSource.class);
      SurveyService service = ctx.getBean(SurveyService.class);
      assertThat(service.scenarios()).isInstanceOf(InMemoryScenarioRepository.class);
      publishedOnQueue(service);
      SurveyResponse r = answerOnPop(service, ctx.getBean(PopSurveys.class), "1700000000.1");
      // the pop's answers are in the same response store the results pages read
      assertThat(ids(service))
          .containsExactly(r.id());
      assertThat(ctx.getBean(PopResponseRepository.class).forClientCard("42")).extracting(PopResponse::responseId)
          .containsExactly(r.id());
    });
  }

  @Test
  void withADatabaseSurveysAndPopLinksAreKeptInSipRingsTablesAcrossRestarts() {
    try (TestDatabase db = TestDatabase.embedded("starter_survey")) {
      // the database outlives each context (a context closes an AutoCloseable DataSource bean): a proxy has no close
      DataSource unclosable = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.invoke(db.dataSource(), args));
      ApplicationContextRunner onDb = runner.withBean(DataSource.class, () -> unclosable)
          .withPropertyValues("sipring.database.migrate=true");
      String[] id = new String[1];
      onDb.run(ctx -> {
        assertThat(ctx).hasNotFailed().hasSingleBean(SurveyService.class).hasSingleBean(PopSurveys.class)
            .hasSingleBean(JdbiPopResponseRepository.class).hasSingleBean(SipRingSchemaReady.class);
        SurveyService service = ctx.getBean(SurveyService.class);
        assertThat(service.scenarios()).isInstanceOf(JdbiScenarioRepository.class);
        assertThat(service.responses()).isInstanceOf(JdbiResponseRepository.class);
        publishedOnQueue(service);
        id[0] = answerOnPop(service, ctx.getBean(PopSurveys.class), "1700000000.2").id();
      });
      // a second start of the application on the same database: the survey, its binding, the answers and the link
      onDb.run(ctx -> {
        SurveyService service = ctx.getBean(SurveyService.class);
        assertThat(service.latest("callback")).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(1));
        assertThat(service.assignments().scenarioFor("6000")).contains("callback");
        assertThat(ids(service))
            .containsExactly(id[0]);
        assertThat(ctx.getBean(PopResponseRepository.class).forCall("1700000000.2"))
            .singleElement().satisfies(l -> {
              assertThat(l.responseId()).isEqualTo(id[0]);
              assertThat(l.clientCardId()).isEqualTo("42");
              assertThat(l.operator()).isEqualTo("501");
            });
        assertThat(ctx.getBean(PopResponseRepository.class)
            .forOperator("501", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).hasSize(1);
      });
      // store=memory keeps them out of the database even when there is one
      onDb.withPropertyValues("sipring.survey.store=memory").run(ctx -> {
        assertThat(ctx).hasNotFailed().hasSingleBean(InMemoryPopResponseRepository.class);
        assertThat(ctx.getBean(SurveyService.class).latest("callback")).isEmpty();
      });
    }
  }

  @Test
  void storeDatabaseWithoutADatabaseIsRefusedAtStartUpWithOneClearLine() {
    runner.withPropertyValues("sipring.survey.store=database").run(ctx -> assertThat(ctx).hasFailed()
        .getFailure().rootCause().hasMessageContaining("sipring.survey.store=database, but there is no DataSource"));
  }

  @Test
  void backsOffWhenTheHostDefinesItsOwnBeansAndPopSurveysUseThem() {
    SurveyService own = SurveyService.inMemory(java.time.Clock.systemUTC());
    InMemoryPopResponseRepository ownLinks = new InMemoryPopResponseRepository();
    runner.withBean(SurveyService.class, () -> own).withBean(PopResponseRepository.class, () -> ownLinks)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(SurveyService.class).hasSingleBean(PopResponseRepository.class);
          assertThat(ctx.getBean(SurveyService.class)).isSameAs(own);
          publishedOnQueue(own);
          SurveyResponse r = answerOnPop(own, ctx.getBean(PopSurveys.class), "1700000000.3");
          assertThat(ownLinks.forCall("1700000000.3")).extracting(PopResponse::responseId).containsExactly(r.id());
        });
  }
}
