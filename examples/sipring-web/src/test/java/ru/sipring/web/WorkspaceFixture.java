package ru.sipring.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.survey.Option;
import ru.sipring.survey.Question;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.SurveyService;
import ru.sipring.testkit.queue.QueueEngine;

/**
 * The operator workspace's test data: the demo panel (fake Asterisk, embedded database) with operators {@code op}
 * (number 777) and {@code op2} (778), an assignment of 26 cards (one with a hostile name, one the pop caller's),
 * queue 7000 with member PJSIP/777 and a survey bound to it.
 */
final class WorkspaceFixture {
  static final String HOSTILE = "<script>alert(1)</script>";
  static final String OP2_PASSWORD = "operator2-test-password";
  static final String QUEUE = "7000";
  static final String POP_NUMBER_AS_STORED = "8 (916) 555-00-01";
  static final String POP_CALLER = "+79165550001";

  private WorkspaceFixture() {
  }

  static void properties(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.web.demo", () -> "true");
    r.add("sipring.web.demo-speed", () -> "60");
    r.add("sipring.web.users.op2.password", () -> "{bcrypt}"
        + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(OP2_PASSWORD));
    r.add("sipring.web.users.op2.role", () -> "OPERATOR");
    r.add("sipring.web.workspace.operators.op", () -> "777");
    r.add("sipring.web.workspace.operators.op2", () -> "778");
  }

  /** Creates the assignment named {@code name} with its cards; returns its id. */
  static long seed(CampaignStore store, String name) {
    Project p = store.campaigns().createProject("Проект " + name);
    Task t = store.campaigns().createTask(p.id(), "Обзвон");
    Assignment a = store.campaigns().createAssignment(t.id(), name,
        AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    List<Contact> cards = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      Map<ContactField, String> f = new EnumMap<>(ContactField.class);
      f.put(ContactField.FULL_NAME, String.format("Клиент %02d", i));
      f.put(ContactField.CITY, i % 2 == 0 ? "Москва" : "Тверь");
      cards.add(Contact.of(a.id(), String.format("8 916 000-01-%02d", i), f, Map.of("Канал", "сайт")));
    }
    cards.add(Contact.of(a.id(), "8 916 000-02-99", Map.of(ContactField.FULL_NAME, HOSTILE,
        ContactField.COMPANY, "<img src=x onerror=alert(2)>"), Map.of("<b>поле</b>", "<i>значение</i>")));
    cards.add(Contact.of(a.id(), POP_NUMBER_AS_STORED, Map.of(ContactField.FULL_NAME, "Звонящий Клиент"),
        Map.of()));
    store.contacts().insertAll(a.id(), cards);
    return a.id();
  }

  static void survey(SurveyService surveys) {
    surveys.saveDraft(Scenario.of("ws-survey", "Удовлетворённость", "q1",
        Question.single("q1", "Довольны ли вы обслуживанием?", "q2", Option.of("yes", "Да"), Option.of("no", "Нет")),
        Question.text("q2", "Комментарий", null)));
    surveys.publish("ws-survey");
    surveys.assign(QUEUE, "ws-survey");
  }

  static void queue(QueueEngine engine) {
    engine.createQueue(QUEUE, QueueEngine.Strategy.RINGALL);
    if (engine.member(QUEUE, "PJSIP/777").isEmpty()) {
      engine.addMember(QUEUE, "PJSIP/777", "777", 0, false, null, null, "MANAGER");
    }
  }

  /** A caller joins the queue and is put through to PJSIP/777 (AgentConnect); returns the call id. */
  static String connect(QueueEngine engine, String number, String name) {
    String id = engine.join(QUEUE, number, name);
    engine.offer(id);
    engine.connect(id, "PJSIP/777");
    return id;
  }
}
