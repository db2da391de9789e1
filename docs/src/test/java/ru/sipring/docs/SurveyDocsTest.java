package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.ClientCards;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.ClientCardLookup;
import ru.sipring.survey.HtmlReport;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPopWiring;
import ru.sipring.survey.ScreenPops;
import ru.sipring.survey.SurveyAnalyser;
import ru.sipring.survey.SurveyAnalysis;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.ValidationReport;

/** The snippets of docs/survey.md, compiled and run. */
class SurveyDocsTest {
  private static Path sample() {
    Path p = Path.of("../examples/surveys/car-loan.json");
    return Files.exists(p) ? p : Path.of("examples/surveys/car-loan.json");
  }

  @Test
  void quickStart() {
    Clock clock = Clock.systemUTC();
    Instant monthStart = clock.instant().minusSeconds(3600);
    Instant monthEnd = clock.instant().plusSeconds(3600);
    SurveyService surveys = SurveyService.inMemory(clock);

    Scenario draft = ScenarioJson.read(sample());
    ValidationReport report = surveys.saveDraft(draft);
    report.errors().forEach(System.out::println);
    PublishedScenario v1 = surveys.publish("car-loan");
    surveys.assign("sales", "car-loan");

    SurveyRun run = surveys.startRun(CallContext.of("1700000000.42", "sales", "101", "79161234567")).orElseThrow();
    run.answerSingle("yes");
    run.answerSingle("audi");
    run.skip();
    run.back();
    run.answerSingle("sber");
    run.answerMultiple(List.of("rate", "speed"));
    run.answerText("Перезвонить после 18:00");
    SurveyResponse response = run.finish();

    String html;
    try (Stream<SurveyResponse> rs = surveys.responses().find(ResponseFilter.forScenario("car-loan")
        .between(monthStart, monthEnd).withQueues("sales"))) {
      SurveyAnalysis analysis = SurveyAnalyser.of(v1.scenario()).analyse(rs, ResponseFilter.all());
      html = HtmlReport.render(analysis, List.of(), ZoneId.of("Europe/Moscow"), HtmlReport.Language.RU,
          clock.instant());
      assertThat(analysis.requireQuestion("bank").option("sber").orElseThrow().count()).isEqualTo(1);
    }
    assertThat(response.completed()).isTrue();
    assertThat(html).contains("Какой банк предпочитаете?");
  }

  @Test
  void screenPop() {
    SurveyService surveys = SurveyService.inMemory(Clock.systemUTC());
    surveys.saveDraft(ScenarioJson.read(sample()));
    surveys.publish("car-loan");
    surveys.assign("sales", "car-loan");
    Map<String, String> campaignContacts = Map.of("79161234567", "Иванов Иван");
    ClientCardLookup clientCards = number -> Optional.ofNullable(campaignContacts.get(number))
        .map(name -> new ClientCard("c-1", name, number, Map.of()));

    ScreenPops pops = ScreenPops.create(surveys, clientCards);
    ScreenPop[] shown = new ScreenPop[1];
    pops.addListener(pop -> shown[0] = pop);
    pops.agentConnected("1700000000.42", "sales", "+7 916 123-45-67", "101");

    assertThat(shown[0].client()).map(ClientCard::name).hasValue("Иванов Иван");
    SurveyRun run = surveys.startRun(shown[0].scenario().orElseThrow(), shown[0].call());
    assertThat(run.current()).isPresent();
  }

  @Test
  void screenPopWithTheCampaignBase() {
    SurveyService surveys = SurveyService.inMemory(Clock.systemUTC());
    surveys.saveDraft(ScenarioJson.read(sample()));
    surveys.publish("car-loan");
    surveys.assign("sales", "car-loan");
    InMemoryCampaignStore campaignStore = new InMemoryCampaignStore();
    long task = campaignStore.campaigns().createTask(campaignStore.campaigns().createProject("P").id(), "T").id();
    long a = campaignStore.campaigns().createAssignment(task, "A", AssignmentSettings.defaults(ZoneId.of("UTC"))).id();
    campaignStore.contacts().insertAll(a, List.of(
        Contact.of(a, "9161234567", Map.of(ContactField.FULL_NAME, "Иванов Иван"), Map.of())));

    // the snippet of survey.md and screen-pop.md
    ClientCards cards = ClientCards.load(campaignStore);
    ClientCardLookup clientCards = number -> cards.findByNumber(number)
        .map(c -> new ClientCard(c.contactId(), c.name(), c.number(), c.details()));
    ScreenPop[] shown = new ScreenPop[1];
    ScreenPopWiring wiring = ScreenPopWiring.builder(surveys)
        .clients(clientCards)
        .operators(AgentDirectory.of(Map.of("PJSIP/101", new Operator("101", "Петрова ЛВ"))))
        .listener(pop -> shown[0] = pop)
        .build();
    wiring.connected(new QueueCallEvent.AgentConnected("1700000000.42", "sales", "+7 916 123-45-67", "",
        "PJSIP/101", "Petrova", java.time.Duration.ofSeconds(4), java.time.Duration.ofSeconds(2),
        Instant.parse("2026-03-02T09:00:00Z")));

    assertThat(shown[0].client()).map(ClientCard::name).hasValue("Иванов Иван");
    assertThat(shown[0].call().operator()).isEqualTo("101");
    assertThat(shown[0].scenario()).isPresent();
  }
}
