package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.survey.SurveyService;
import ru.sipring.testkit.ami.FakeAsterisk;

/**
 * The workspace API ({@code /api/workspace/**}) with HTTP Basic: roles (a supervisor is refused, an operator and an
 * admin may), one operator cannot act on another's call or pop, bad input is a 400 naming the field, and the
 * OpenAPI document describes the paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static long assignment;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WorkspaceFixture.properties(r);
  }

  @LocalServerPort
  int port;

  @Autowired
  CampaignStore store;

  @Autowired
  WorkTracker work;

  @Autowired
  SurveyService surveys;

  @Autowired
  DemoConfiguration.Demo demo;

  @Autowired
  AmiPbxGateway gateway;

  @BeforeEach
  void seed() {
    if (assignment == 0) {
      assignment = WorkspaceFixture.seed(store, "Задание API");
      WorkspaceFixture.survey(surveys);
      WorkspaceFixture.queue(demo.pbx.engine());
    }
    demo.pbx.onOriginate(o -> FakeAsterisk.OriginateScript.answered(Duration.ofMillis(50)));
  }

  private HttpResponse<String> send(String user, String password, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> op(String method, String path, String body) throws Exception {
    return send("op", WebTestSupport.OPERATOR_PASSWORD, method, path, body);
  }

  private HttpResponse<String> op2(String method, String path, String body) throws Exception {
    return send("op2", WorkspaceFixture.OP2_PASSWORD, method, path, body);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void aSupervisorIsRefusedAndAnAdminWorksUnderItsName() throws Exception {
    assertThat(send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/workspace/me", null).statusCode())
        .isEqualTo(403);
    assertThat(send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "POST", "/api/workspace/work/start",
        "{\"assignmentId\": " + assignment + "}").statusCode()).isEqualTo(403);
    HttpResponse<String> me = send("admin", WebTestSupport.ADMIN_PASSWORD, "GET", "/api/workspace/me", null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json(me).get("operator").asText()).isEqualTo("admin");
    assertThat(json(me).get("canCall").asBoolean()).isFalse();
    long card = store.contacts().byAssignment(assignment).get(0).id();
    HttpResponse<String> call = send("admin", WebTestSupport.ADMIN_PASSWORD, "POST", "/api/workspace/calls",
        "{\"contactId\": " + card + "}");
    assertThat(call.statusCode()).isEqualTo(409);
    assertThat(json(call).get("error").asText()).contains("sipring.web.workspace.operators.admin");
    assertThat(send("nobody", "x", "GET", "/api/workspace/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void workTimeIsTheSignedInOperatorsOwn() throws Exception {
    HttpResponse<String> start = op("POST", "/api/workspace/work/start", "{\"assignmentId\": " + assignment + "}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    assertThat(json(start).get("assignmentId").asLong()).isEqualTo(assignment);
    assertThat(op("POST", "/api/workspace/work/start", "{\"assignmentId\": " + assignment + "}").statusCode())
        .isEqualTo(409);
    // op2 pausing pauses nobody but op2, who has no session
    assertThat(op2("POST", "/api/workspace/work/pause", "{\"reason\": \"обед\"}").statusCode()).isIn(404, 409);
    assertThat(work.current("777").orElseThrow().paused()).isFalse();
    HttpResponse<String> blank = op("POST", "/api/workspace/work/pause", "{\"reason\": \" \"}");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(json(blank).get("error").asText()).startsWith("reason");
    HttpResponse<String> pause = op("POST", "/api/workspace/work/pause", "{\"reason\": \"обед\"}");
    assertThat(json(pause).get("paused").asBoolean()).isTrue();
    assertThat(json(pause).get("pauseReason").asText()).isEqualTo("обед");
    assertThat(json(op("POST", "/api/workspace/work/resume", null)).get("paused").asBoolean()).isFalse();
    assertThat(op("POST", "/api/workspace/work/stop", null).statusCode()).isEqualTo(200);
    assertThat(work.current("777")).isEmpty();
    assertThat(op("POST", "/api/workspace/work/start", "{\"assignmentId\": 999999}").statusCode()).isEqualTo(404);
  }

  @Test
  void cardsAreSearchedAddedEditedAndDeletedWithClearErrors() throws Exception {
    JsonNode page = json(op("GET", "/api/workspace/cards?assignment=" + assignment + "&q=%D0%A2%D0%B2%D0%B5%D1%80%D1%8C"
        + "&size=5", null));
    assertThat(page.get("total").asLong()).isEqualTo(12);
    assertThat(page.get("items")).hasSize(5);
    assertThat(page.get("pages").asLong()).isEqualTo(3);
    JsonNode byField = json(op("GET", "/api/workspace/cards?assignment=" + assignment + "&field.full_name="
        + "%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%2007", null));
    assertThat(byField.get("items")).singleElement().satisfies(c -> assertThat(c.get("name").asText())
        .isEqualTo("Клиент 07"));
    assertThat(op("GET", "/api/workspace/cards?assignment=" + assignment + "&status=NOPE", null).statusCode())
        .isEqualTo(400);
    assertThat(op("GET", "/api/workspace/cards?assignment=" + assignment + "&size=501", null).statusCode())
        .isEqualTo(400);
    assertThat(op("GET", "/api/workspace/cards", null).statusCode()).isEqualTo(400);

    HttpResponse<String> bad = op("POST", "/api/workspace/cards",
        "{\"assignmentId\": " + assignment + ", \"phone\": \"abc\", \"fields\": {}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).startsWith("phone");
    HttpResponse<String> added = op("POST", "/api/workspace/cards", "{\"assignmentId\": " + assignment
        + ", \"phone\": \"8 916 000-04-44\", \"fields\": {\"ФИО\": \"Через API\", \"Канал\": \"CRM\"}}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    long id = json(added).get("id").asLong();
    assertThat(json(added).get("fields").get("full_name").asText()).isEqualTo("Через API");
    assertThat(json(added).get("custom").get("Канал").asText()).isEqualTo("CRM");
    HttpResponse<String> edited = op2("PUT", "/api/workspace/cards/" + id,
        "{\"phone\": \"8 916 000-04-45\", \"fields\": {\"full_name\": \"Через API 2\"}}");
    assertThat(edited.statusCode()).isEqualTo(200);
    Contact c = store.contacts().byId(id).orElseThrow();
    assertThat(c.get(ContactField.FULL_NAME)).isEqualTo("Через API 2");
    assertThat(c.phoneNormalized()).isEqualTo("79160000445");
    assertThat(op("DELETE", "/api/workspace/cards/" + id, null).statusCode()).isEqualTo(200);
    assertThat(op("DELETE", "/api/workspace/cards/" + id, null).statusCode()).isEqualTo(404);
    assertThat(op("GET", "/api/workspace/cards/" + id, null).statusCode()).isEqualTo(404);
    assertThat(op("GET", "/api/workspace/cards/abc", null).statusCode()).isEqualTo(400);
  }

  @Test
  void anOperatorCannotFinishAnotherOperatorsCallNorAnswerItsPop() throws Exception {
    Contact card = store.contacts().byAssignment(assignment).get(5);
    HttpResponse<String> call = op("POST", "/api/workspace/calls", "{\"contactId\": " + card.id() + "}");
    assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
    long attempt = json(call).get("id").asLong();
    HttpResponse<String> stolen = op2("POST", "/api/workspace/calls/" + attempt + "/finish",
        "{\"status\": \"DONE\", \"note\": \"not mine\"}");
    assertThat(stolen.statusCode()).isEqualTo(403);
    assertThat(json(stolen).get("error").asText()).contains("another operator");
    assertThat(op2("GET", "/api/workspace/calls/" + attempt, null).statusCode()).isEqualTo(403);
    HttpResponse<String> badStatus = op("POST", "/api/workspace/calls/" + attempt + "/finish",
        "{\"status\": \"NEW\", \"note\": \"\"}");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    HttpResponse<String> done = op("POST", "/api/workspace/calls/" + attempt + "/finish",
        "{\"status\": \"NO_ANSWER\", \"note\": \"не дозвонился\"}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(store.attempts().byId(attempt).orElseThrow().note()).isEqualTo("не дозвонился");
    JsonNode un = json(op("GET", "/api/workspace/unanswered?assignment=" + assignment + "&outcome=NO_ANSWER", null));
    assertThat(un.get("items")).anySatisfy(i -> assertThat(i.get("id").asLong()).isEqualTo(card.id()));
    assertThat(op("GET", "/api/workspace/unanswered?assignment=" + assignment + "&outcome=ANSWERED", null)
        .statusCode()).isEqualTo(400);

    // a pop for 777 (op): op2 may neither read it nor answer its survey
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    String callId = WorkspaceFixture.connect(demo.pbx.engine(), WorkspaceFixture.POP_CALLER, "API");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> pop = op("GET", "/api/workspace/pops/" + callId, null);
    while (pop.statusCode() == 404 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      pop = op("GET", "/api/workspace/pops/" + callId, null);
    }
    assertThat(pop.statusCode()).as(pop.body()).isEqualTo(200);
    assertThat(json(pop).get("surveyId").asText()).isEqualTo("ws-survey");
    assertThat(op2("GET", "/api/workspace/pops/" + callId, null).statusCode()).isEqualTo(403);
    assertThat(op2("POST", "/api/workspace/pops/" + callId + "/survey", null).statusCode()).isEqualTo(403);
    HttpResponse<String> step = op("POST", "/api/workspace/pops/" + callId + "/survey", null);
    assertThat(json(step).get("question").get("id").asText()).isEqualTo("q1");
    assertThat(op2("POST", "/api/workspace/pops/" + callId + "/survey/answer", "{\"options\": [\"yes\"]}")
        .statusCode()).isEqualTo(403);
    step = op("POST", "/api/workspace/pops/" + callId + "/survey/answer", "{\"options\": [\"no\"]}");
    assertThat(json(step).get("question").get("id").asText()).isEqualTo("q2");
    step = op("POST", "/api/workspace/pops/" + callId + "/survey/answer", "{\"skip\": true}");
    assertThat(json(step).get("finished").asBoolean()).isTrue();
    assertThat(surveys.responses().forCall(callId)).singleElement()
        .satisfies(r -> assertThat(r.call().operator()).isEqualTo("777"));
    assertThat(op("GET", "/api/workspace/pops/no-such-call", null).statusCode()).isEqualTo(404);
    demo.pbx.engine().complete(callId, false);
  }

  @Test
  void theOpenApiDocumentDescribesTheWorkspace() throws Exception {
    HttpResponse<String> r = send("admin", WebTestSupport.ADMIN_PASSWORD, "GET", "/v3/api-docs", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode paths = json(r).get("paths");
    assertThat(paths.has("/api/workspace/cards")).isTrue();
    assertThat(paths.has("/api/workspace/work/start")).isTrue();
    assertThat(paths.has("/api/workspace/calls/{id}/finish")).isTrue();
    assertThat(paths.has("/api/workspace/pops/{callId}/survey/answer")).isTrue();
    assertThat(paths.has("/api/workspace/unanswered")).isTrue();
  }
}
