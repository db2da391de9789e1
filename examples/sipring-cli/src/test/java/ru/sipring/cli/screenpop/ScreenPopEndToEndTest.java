package ru.sipring.cli.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.ClientCards;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPopWiring;
import ru.sipring.survey.ScreenPops;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/**
 * The whole screen-pop path over the wire: the fake Asterisk's queue connects a caller to an operator, its AMI
 * AgentConnect reaches the AMI adapter ({@link AmiPbxGateway}, asterisk-java) as a queue call event,
 * {@link ScreenPopWiring} (subscribed to the gateway) resolves the operator, survey's {@link ScreenPops} finds
 * the queue's scenario and the card from the campaign client base ({@link ClientCards}), and the host's
 * listener gets the pop. Members are added through the same gateway, as a host would: one AMI session in all.
 */
class ScreenPopEndToEndTest {
  static final Path SCENARIO = Path.of("../surveys/car-loan.json");

  private FakeAsterisk pbx;
  private AmiPbxGateway gateway;
  private ScreenPopWiring.Subscription agentConnects;
  private InMemoryCampaignStore clients;
  private ClientCards cards;
  private Assignment assignment;
  private SurveyService surveys;
  private final LinkedBlockingQueue<ScreenPop> shown = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    pbx.engine().createQueue("6001", QueueEngine.Strategy.RRMEMORY);
    gateway = AmiPbxGateway.connect(settings("sipring-secret"), Clock.systemUTC(), Duration.ofSeconds(20));
    gateway.addMember(new QueueMember("6000", "PJSIP/501", "Petrova LV", 0, false));
    gateway.addMember(new QueueMember("6001", "PJSIP/777", "Stazhyor", 0, false));

    surveys = SurveyService.inMemory(Clock.systemUTC());
    surveys.saveDraft(ScenarioJson.read(SCENARIO));
    surveys.publish("car-loan");
    surveys.assign("6000", "car-loan");   // 6001 has no survey

    clients = new InMemoryCampaignStore();
    long project = clients.campaigns().createProject("Автокредит").id();
    long task = clients.campaigns().createTask(project, "Весна").id();
    assignment = clients.campaigns().createAssignment(task, "База 1", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    clients.contacts().insertAll(assignment.id(), List.of(
        Contact.of(assignment.id(), "8 (916) 000-00-01", Map.of(ContactField.FULL_NAME, "Иванов Иван Иванович",
            ContactField.COMPANY, "ООО Ромашка"), Map.of("Сумма", "1 200 000")),
        // written without the country code: campaign keeps ten digits, survey's caller form is 11
        Contact.of(assignment.id(), "9030000002", Map.of(ContactField.LAST_NAME, "Сидорова",
            ContactField.FIRST_NAME, "Анна"), Map.of())));
    cards = ClientCards.load(clients);

    AgentDirectory operators = AgentDirectory.of(Map.of("PJSIP/501", new Operator("501", "Петрова ЛВ")));
    agentConnects = ScreenPopWiring.builder(surveys)
        .clients(number -> cards.findByNumber(number)
            .map(c -> new ClientCard(c.contactId(), c.name(), c.number(), c.details())))
        .operators(operators)
        .listener(pop -> {
          threads.add(Thread.currentThread().getName());
          shown.add(pop);
        })
        .build()
        .subscribe(gateway);
  }

  static AmiSettings settingsFor(FakeAsterisk pbx, String secret) {
    return AmiSettings.of("127.0.0.1", pbx.port(), "sipring", secret)
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
  }

  private AmiSettings settings(String secret) {
    return settingsFor(pbx, secret);
  }

  @AfterEach
  void tearDown() {
    if (agentConnects != null) {
      agentConnects.close();
    }
    if (gateway != null) {
      gateway.close();
    }
    pbx.close();
  }

  /** A caller joins, the member is rung and answers: the fake writes CONNECT and sends AgentConnect. */
  private String answered(String queue, String callerNumber, String member) {
    QueueEngine engine = pbx.engine();
    String uniqueId = engine.join(queue, callerNumber, "");
    assertThat(engine.offer(uniqueId)).containsExactly(member);
    engine.connect(uniqueId, member);
    return uniqueId;
  }

  /** A call answered, its pop, and the caller hanging up (the member is free for the next call). */
  private ScreenPop popFor(String queue, String callerNumber, String member) throws InterruptedException {
    String uniqueId = answered(queue, callerNumber, member);
    ScreenPop pop = nextPop();
    assertThat(pop.call().callId()).isEqualTo(uniqueId);
    pbx.engine().complete(uniqueId, false);
    return pop;
  }

  private ScreenPop nextPop() throws InterruptedException {
    ScreenPop pop = shown.poll(10, TimeUnit.SECONDS);
    assertThat(pop).as("a screen pop within 10 s").isNotNull();
    return pop;
  }

  @Test
  void aKnownCallerGetsTheCardAndTheQueuesSurvey() throws InterruptedException {
    String callId = answered("6000", "+7 916 000-00-01", "PJSIP/501");

    ScreenPop pop = nextPop();
    assertThat(pop.call().callId()).isEqualTo(callId);
    assertThat(pop.call().queue()).isEqualTo("6000");
    assertThat(pop.call().operator()).isEqualTo("501");
    assertThat(pop.call().client()).isEqualTo("79160000001");
    assertThat(pop.callerNumber()).isEqualTo("+7 916 000-00-01");
    ClientCard card = pop.client().orElseThrow();
    assertThat(card.name()).isEqualTo("Иванов Иван Иванович");
    assertThat(card.number()).isEqualTo("79160000001");
    assertThat(card.clientId()).isEqualTo(String.valueOf(clients.contacts().byAssignment(assignment.id()).get(0).id()));
    assertThat(card.details()).containsEntry("Предприятие", "ООО Ромашка").containsEntry("Сумма", "1 200 000")
        .containsEntry("Проект", "Автокредит").containsEntry("Задание", "База 1").containsEntry("Попыток", "0");
    assertThat(pop.scenario()).map(s -> s.scenario().id()).hasValue("car-loan");
    assertThat(threads.poll()).isEqualTo("sipring-screenpop");
    // the operator starts the survey straight from the pop; the response is tied to this call and client
    SurveyRun run = surveys.startRun(pop.scenario().orElseThrow(), pop.call());
    assertThat(run.current()).isPresent();
  }

  @Test
  void tenDigitNumbersInTheBaseAndUnknownCallersAndQueuesWithoutSurvey() throws InterruptedException {
    ScreenPop sidorova = popFor("6000", "89030000002", "PJSIP/501");
    assertThat(sidorova.client()).map(ClientCard::name).hasValue("Сидорова Анна");
    assertThat(sidorova.call().client()).isEqualTo("79030000002");

    ScreenPop stranger = popFor("6000", "84950000003", "PJSIP/501");
    assertThat(stranger.client()).isEmpty();
    assertThat(stranger.scenario()).isPresent();
    assertThat(stranger.call().client()).isEqualTo("74950000003");

    // a member the directory does not know: the member name stands in for the operator number
    ScreenPop noSurvey = popFor("6001", "+7 916 000-00-01", "PJSIP/777");
    assertThat(noSurvey.scenario()).isEmpty();
    assertThat(noSurvey.client()).map(ClientCard::name).hasValue("Иванов Иван Иванович");
    assertThat(noSurvey.call().operator()).isEqualTo("Stazhyor");
  }

  @Test
  void aCardImportedAfterLoadingIsFoundAfterRefresh() throws InterruptedException {
    clients.contacts().insertAll(assignment.id(), List.of(Contact.of(assignment.id(), "+7 921 000-00-04",
        Map.of(ContactField.CLIENT_NAME, "ЗАО Вектор"), Map.of())));
    assertThat(popFor("6000", "79210000004", "PJSIP/501").client()).isEmpty();

    cards.refresh();
    assertThat(popFor("6000", "79210000004", "PJSIP/501").client()).map(ClientCard::name).hasValue("ЗАО Вектор");
  }

  @Test
  void popsGoOnAfterTheAmiConnectionDrops() throws InterruptedException {
    assertThat(popFor("6000", "+7 916 000-00-01", "PJSIP/501").client()).isPresent();
    int logins = pbx.loginCount();

    pbx.dropConnections();
    // the gateway logs in again on its back-off; the subscription stays (one session, so one more login)
    Eventually.until(Duration.ofSeconds(15), "AMI session back", () -> pbx.loginCount() >= logins + 1
        && gateway.isConnected());

    ScreenPop after = popFor("6000", "89030000002", "PJSIP/501");
    assertThat(after.client()).map(ClientCard::name).hasValue("Сидорова Анна");
    assertThat(shown).isEmpty();
  }

  @Test
  void theScreenPopSharesTheGatewaysAmiSessionNoSecondLogin() throws InterruptedException {
    assertThat(popFor("6000", "+7 916 000-00-01", "PJSIP/501").client()).isPresent();
    assertThat(popFor("6001", "89030000002", "PJSIP/777").client()).isPresent();

    assertThat(pbx.loginCount()).as("AMI logins").isEqualTo(1);
    assertThat(pbx.sessionCount()).as("AMI sessions open").isEqualTo(1);
  }

  @Test
  void aClosedSubscriptionPopsNoMore() throws InterruptedException {
    agentConnects.close();
    answered("6000", "+7 916 000-00-01", "PJSIP/501");
    assertThat(shown.poll(1, TimeUnit.SECONDS)).isNull();
    agentConnects = null;
  }

  @Test
  void aRefusedLoginIsAConnectionException() {
    assertThatThrownBy(() -> AmiPbxGateway.connect(settings("wrong"), Clock.systemUTC(), Duration.ofSeconds(2)))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("127.0.0.1:" + pbx.port());
  }
}
