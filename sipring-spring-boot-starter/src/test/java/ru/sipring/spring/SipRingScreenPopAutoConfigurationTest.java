package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.survey.SurveyEditor;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.Eventually;

class SipRingScreenPopAutoConfigurationTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SipRingAutoConfiguration.class, SipRingCampaignAutoConfiguration.class,
          SipRingSurveyAutoConfiguration.class, SipRingScreenPopAutoConfiguration.class))
      .withPropertyValues("sipring.zone=Europe/Moscow");

  /** The operator numbers of the agents (queue members' interfaces). */
  private static AgentDirectory operators() {
    return AgentDirectory.of(Map.of("PJSIP/501", new Operator("501", "Иванов"),
        "PJSIP/502", new Operator("502", "Петров")));
  }

  private static Contact card(CampaignStore store, String phone) {
    long task = store.campaigns().createTask(store.campaigns().createProject("Проект").id(), "Задача").id();
    Assignment a = store.campaigns().createAssignment(task, "Задание", AssignmentSettings.defaults(ZONE));
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), phone, Map.of(), Map.of())));
    return store.contacts().byAssignment(a.id()).get(0);
  }

  private static void surveyOnQueue(SurveyService service) {
    SurveyEditor editor = SurveyEditor.of(service);
    editor.create("callback", "Обратный звонок");
    editor.putQuestion("callback", "ok", "single", "Удобно говорить?", null);
    editor.putOption("callback", "ok", "yes", "Да", null);
    editor.putOption("callback", "ok", "no", "Нет", null);
    service.publish("callback");
    service.assign("6000", "callback");
  }

  private static QueueCallEvent.AgentConnected connect(String callId, String caller, String member) {
    return new QueueCallEvent.AgentConnected(callId, "6000", caller, "", member, "", Duration.ofSeconds(3),
        Duration.ofSeconds(2), Instant.parse("2026-12-01T09:00:00Z"));
  }

  /** What a listener of one operator's screen gets: the pops of that operator only. */
  private static final class OperatorScreen implements ScreenPopDesk.Listener {
    final String operator;
    final List<ScreenPopDesk.PopView> got = new CopyOnWriteArrayList<>();

    OperatorScreen(String operator) {
      this.operator = operator;
    }

    @Override
    public void onPop(String to, ScreenPopDesk.PopView pop) {
      if (to.equals(operator)) {
        got.add(pop);
      }
    }
  }

  @Test
  void aQueueCallPopsTheCardForItsOperatorOnlyAndTheSurveyAnswersAreStoredWithCallOperatorAndCard() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of();
    runner.withBean(InMemoryPbxGateway.class, () -> pbx).withBean(AgentDirectory.class, () -> operators())
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(ScreenPopDesk.class);
          Contact c = card(ctx.getBean(CampaignStore.class), "89160000001");
          surveyOnQueue(ctx.getBean(SurveyService.class));
          ScreenPopDesk desk = ctx.getBean(ScreenPopDesk.class);
          OperatorScreen ivanov = new OperatorScreen("501");
          OperatorScreen petrov = new OperatorScreen("502");
          desk.addListener(ivanov);
          desk.addListener(petrov);

          pbx.publish(connect("1700000000.7", "89160000001", "PJSIP/501"));
          // the pop runs on the wiring's own thread
          Eventually.until(Duration.ofSeconds(20), "the pop for operator 501", () -> !ivanov.got.isEmpty());
          ScreenPopDesk.PopView pop = ivanov.got.get(0);
          assertThat(pop.callId()).isEqualTo("1700000000.7");
          assertThat(pop.operator()).isEqualTo("501");
          assertThat(pop.cardId()).isEqualTo(c.id());
          assertThat(pop.surveyId()).isEqualTo("callback");
          assertThat(pop.surveyTitle()).isEqualTo("Обратный звонок");
          assertThat(petrov.got).isEmpty();
          assertThat(desk.pops("501")).containsExactly(pop);
          assertThat(desk.pops("502")).isEmpty();
          assertThat(desk.pop("1700000000.7")).contains(pop);
          assertThat(desk.pop("no-such-call")).isEmpty();

          // another operator can neither start nor answer the survey of this call
          assertThatThrownBy(() -> desk.survey("1700000000.7", "502"))
              .isInstanceOf(ScreenPopDesk.OtherOperatorException.class);
          assertThatThrownBy(() -> desk.survey("no-such-call", "501")).isInstanceOf(NotFoundException.class);
          ScreenPopDesk.SurveyStep step = desk.survey("1700000000.7", "501");
          assertThat(step.finished()).isFalse();
          assertThat(step.question()).isNotNull();
          assertThat(step.question().id()).isEqualTo("ok");
          assertThat(step.question().options()).extracting(ScreenPopDesk.OptionView::label)
              .containsExactly("Да", "Нет");
          assertThatThrownBy(() -> desk.answer("1700000000.7", "502", List.of("no"), null, false))
              .isInstanceOf(ScreenPopDesk.OtherOperatorException.class);
          step = desk.answer("1700000000.7", "501", List.of("yes"), null, false);
          assertThat(step.finished()).isTrue();
          assertThat(step.question()).isNull();
          String responseId = step.responseId();
          assertThat(responseId).isNotNull();

          assertThat(ctx.getBean(PopResponseRepository.class).forCall("1700000000.7")).singleElement()
              .satisfies(l -> {
                assertThat(l.responseId()).isEqualTo(responseId);
                assertThat(l.operator()).isEqualTo("501");
                assertThat(l.clientCardId()).isEqualTo(String.valueOf(c.id()));
                assertThat(l.queue()).isEqualTo("6000");
              });

          // a call put through to 502 goes to 502's screen, not to 501's
          pbx.publish(connect("1700000000.8", "89160000002", "PJSIP/502"));
          Eventually.until(Duration.ofSeconds(20), "the pop for operator 502", () -> !petrov.got.isEmpty());
          assertThat(petrov.got).extracting(ScreenPopDesk.PopView::callId).containsExactly("1700000000.8");
          assertThat(petrov.got.get(0).cardId()).isNull();
          assertThat(ivanov.got).extracting(ScreenPopDesk.PopView::callId).containsExactly("1700000000.7");
        });
  }

  @Test
  void withoutCallEventsThereIsNoDeskAndAHostsOwnDeskIsKept() {
    runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ScreenPopDesk.class));
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of();
    runner.withBean(InMemoryPbxGateway.class, () -> pbx)
        .withBean("own", ScreenPopDesk.class, () -> ScreenPopDesk.start(SurveyService.inMemory(
            java.time.Clock.systemUTC()), new ru.sipring.survey.pop.PopSurveys(SurveyService.inMemory(
            java.time.Clock.systemUTC()), new ru.sipring.survey.pop.InMemoryPopResponseRepository(),
            java.time.Clock.systemUTC()), new ru.sipring.campaign.InMemoryCampaignStore(), AgentDirectory.empty(),
            null, Duration.ofSeconds(60), java.time.Clock.systemUTC()))
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(ScreenPopDesk.class).hasBean("own"));
  }
}
