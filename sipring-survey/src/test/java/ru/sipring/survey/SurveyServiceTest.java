package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;

class SurveyServiceTest {
  private final Samples.TestClock clock = new Samples.TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final SurveyService service = SurveyService.inMemory(clock);

  @Test
  void publishingFreezesAVersionAndEditsMakeTheNext() {
    assertThat(service.saveDraft(Samples.carLoan()).isValid()).isTrue();
    PublishedScenario v1 = service.publish("car-loan");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(service.publish("car-loan")).isSameAs(v1); // unchanged draft: no new version

    Scenario edited = Samples.carLoan().withQuestion(
        Samples.carLoan().requireQuestion("brand").withText("Какая марка вам ближе?"));
    service.saveDraft(edited);
    clock.advance(Duration.ofDays(1));
    PublishedScenario v2 = service.publish("car-loan");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(service.scenarios().version("car-loan", 1).orElseThrow().scenario()
        .requireQuestion("brand").text()).isEqualTo("Какую марку авто вы предпочитаете?");
    assertThat(service.scenarios().versions("car-loan")).containsExactly(1, 2);
  }

  @Test
  void anInvalidDraftIsSavedButNotPublished() {
    Scenario guide = Samples.resource("guide-self-loop.json");
    assertThat(service.saveDraft(guide).isValid()).isFalse();
    assertThat(service.draft(guide.id())).hasValue(guide);
    assertThatThrownBy(() -> service.publish(guide.id())).isInstanceOf(RejectedException.class)
        .hasMessageContaining("brand: next action leads back to brand itself");
    assertThat(service.latest(guide.id())).isEmpty();
  }

  @Test
  void queueGetsTheLatestVersionOfItsScenario() {
    service.saveDraft(Samples.carLoan());
    assertThatThrownBy(() -> service.assign("sales", "car-loan")).isInstanceOf(RejectedException.class);
    service.publish("car-loan");
    service.assign("sales", "car-loan");
    service.assign("support", "car-loan");
    assertThat(service.scenarioForQueue("sales")).map(PublishedScenario::version).hasValue(1);
    assertThat(service.scenarioForQueue("billing")).isEmpty();
    assertThat(service.startRun(CallContext.of("c1", "billing", "101", ""))).isEmpty();

    SurveyRun onOldVersion = service.startRun(CallContext.of("c1", "sales", "101", "79161234567")).orElseThrow();
    service.saveDraft(Samples.carLoan().withTitle("Автокредит, весна"));
    service.publish("car-loan");
    onOldVersion.answerSingle("later");
    onOldVersion.answerText("позже");
    SurveyResponse r = onOldVersion.finish(); // a call that started on v1 finishes on v1
    assertThat(r.version()).isEqualTo(1);
    assertThat(service.responses().find(r.id())).hasValue(r);
    assertThat(service.scenarioForQueue("sales")).map(PublishedScenario::version).hasValue(2);

    assertThatThrownBy(() -> service.delete("car-loan")).isInstanceOf(RejectedException.class)
        .hasMessageContaining("sales");
    service.unassign("sales");
    service.unassign("support");
    assertThat(service.delete("car-loan")).isTrue();
    assertThat(service.responses().forCall("c1")).hasSize(1); // results outlive the scenario
  }

  @Test
  void testRunsAreStoredMarkedAndLeftOutOfResultsByDefault() {
    service.saveDraft(Samples.carLoan());
    SurveyRun draftTest = service.startDraftTestRun("car-loan", "101");
    draftTest.answerSingle("later");
    draftTest.answerText("тест");
    SurveyResponse t = draftTest.finish();
    assertThat(t.test()).isTrue();
    assertThat(t.version()).isEqualTo(PublishedScenario.DRAFT_VERSION);

    service.publish("car-loan");
    SurveyRun real = service.startRun(service.latest("car-loan").orElseThrow(),
        CallContext.of("c2", "sales", "102", ""));
    real.answerSingle("later");
    real.finish();
    SurveyRun publishedTest = service.startTestRun("car-loan", null);
    publishedTest.skip();
    publishedTest.finish();

    List<SurveyResponse> results = service.responses().find(ResponseFilter.forScenario("car-loan")).toList();
    assertThat(results).extracting(r -> r.call().callId()).containsExactly("c2");
    assertThat(service.responses().find(ResponseFilter.forScenario("car-loan").includingTests()).count())
        .isEqualTo(3);
  }
}
