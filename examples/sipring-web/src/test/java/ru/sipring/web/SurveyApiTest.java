package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.core.text.SpreadsheetCell;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.survey.pop.PopSurveys;

/**
 * {@code /api/surveys/**} on the panel over an embedded database (the starter's survey service on SipRing's
 * tables): the editor's round trip through JSON with the validator's problems, publish, bind and unbind, the
 * results and the CSV of answers taken on screen pops ({@link PopSurveys}, as a host's pop stores them), the page
 * showing the same answers, the roles of every write, bad input naming the field, and the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVIL = "=HYPERLINK(\"http://evil.example/x\",\"click\")";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.database.url", () -> "jdbc:h2:mem:sipring-survey-api-test;DB_CLOSE_DELAY=-1;MODE=MariaDB"
        + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE");
    r.add("sipring.database.username", () -> "sa");
    r.add("sipring.database.migrate", () -> "true");
  }

  @LocalServerPort
  int port;

  @Autowired
  SurveyService surveys;

  @Autowired
  PopSurveys popSurveys;

  @Autowired
  PopResponseRepository popLinks;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private HttpResponse<String> call(String method, String path, @Nullable String user, @Nullable String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (user != null) {
      String password = switch (user) {
        case "admin" -> WebTestSupport.ADMIN_PASSWORD;
        case "sv" -> WebTestSupport.SUPERVISOR_PASSWORD;
        default -> WebTestSupport.OPERATOR_PASSWORD;
      };
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> sv(String method, String path, @Nullable String json) throws Exception {
    return call(method, path, "sv", json);
  }

  /** "Удобно говорить?" (yes / no) then "Как связаться?" (several of phone, mail), then a free-text note. */
  private static String scenario(String id, boolean withOptions) {
    String channel = withOptions
        ? "[{\"id\":\"phone\",\"label\":\"Телефон\",\"next\":null},{\"id\":\"mail\",\"label\":\"Почта\",\"next\":null}]"
        : "[]";
    return "{\"schemaVersion\":1,\"id\":\"" + id + "\",\"title\":\"Обратная связь\",\"start\":\"ok\",\"questions\":["
        + "{\"id\":\"ok\",\"type\":\"single\",\"text\":\"Удобно говорить?\",\"options\":["
        + "{\"id\":\"yes\",\"label\":\"Да\",\"next\":null},{\"id\":\"no\",\"label\":\"Нет\",\"next\":null}],"
        + "\"next\":\"channel\"},"
        + "{\"id\":\"channel\",\"type\":\"multiple\",\"text\":\"Как связаться?\",\"options\":" + channel
        + ",\"next\":\"note\"},"
        + "{\"id\":\"note\",\"type\":\"text\",\"text\":\"Комментарий\",\"next\":null}]}";
  }

  /** A call on queue 6001 popped to operator 501 and answered there, as the host's screen pop does. */
  private String answerOnPop(String callId, String card, String ok, List<String> channels, @Nullable String note) {
    ScreenPop pop = new ScreenPop(CallContext.of(callId, "6001", "501", "79160000002"), "+7 916 000-00-02",
        Optional.of(new ClientCard(card, "Клиент " + card, "79160000002", Map.of())),
        surveys.scenarioForQueue("6001"));
    SurveyRun run = popSurveys.start(pop).orElseThrow();
    run.answerSingle(ok);
    run.answerMultiple(channels);
    if (note == null) {
      run.skip();
    } else {
      run.answerText(note);
    }
    return run.finish().id();
  }

  @Test
  void theEditorsRoundTripPublishBindAndResultsIncludingScreenPopAnswers() throws Exception {
    assertThat(surveys.scenarios()).isInstanceOf(JdbiScenarioRepository.class);
    assertThat(surveys.responses()).isInstanceOf(JdbiResponseRepository.class);

    // a draft with a multiple-choice question without options: saved, and the problem named at its question
    HttpResponse<String> created = sv("POST", "/api/surveys/feedback", scenario("feedback", false));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode report = JSON.readTree(created.body());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.get("problems")).anySatisfy(p -> {
      assertThat(p.get("subject").asText()).isEqualTo("channel");
      assertThat(p.get("code").asText()).isEqualTo("NO_OPTIONS");
      assertThat(p.get("severity").asText()).isEqualTo("ERROR");
    });
    HttpResponse<String> refused = sv("POST", "/api/surveys/feedback/publish", null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("feedback is not valid");
    assertThat(JSON.readTree(refused.body()).get("problems").get(0).get("subject").asText()).isEqualTo("channel");
    assertThat(surveys.latest("feedback")).isEmpty();

    HttpResponse<String> fixed = sv("PUT", "/api/surveys/feedback", scenario("feedback", true));
    assertThat(fixed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(fixed.body()).get("valid").asBoolean()).isTrue();
    HttpResponse<String> published = sv("POST", "/api/surveys/feedback/publish", null);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(published.body()).get("version").asInt()).isEqualTo(1);
    JsonNode got = JSON.readTree(sv("GET", "/api/surveys/feedback?version=1", null).body());
    assertThat(got).isEqualTo(JSON.readTree(scenario("feedback", true)));

    HttpResponse<String> bound = sv("POST", "/api/surveys/feedback/queues/bind", "{\"queue\":\"6001\"}");
    assertThat(bound.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(bound.body()).get("queues").toString()).isEqualTo("[\"6001\"]");
    JsonNode list = JSON.readTree(sv("GET", "/api/surveys", null).body());
    assertThat(list).anySatisfy(s -> {
      assertThat(s.get("id").asText()).isEqualTo("feedback");
      assertThat(s.get("version").asInt()).isEqualTo(1);
      assertThat(s.get("queues").toString()).isEqualTo("[\"6001\"]");
    });

    // two calls answered on the screen pop, and a test run that the results leave out unless asked
    String first = answerOnPop("1795000000.1", "41", "yes", List.of("phone", "mail"), EVIL);
    answerOnPop("1795000000.2", "42", "no", List.of("phone"), null);
    SurveyRun test = surveys.startTestRun("feedback", "sv");
    test.answerSingle("yes");
    test.finish();
    assertThat(popLinks.forClientCard("41")).singleElement()
        .satisfies(l -> assertThat(l.responseId()).isEqualTo(first));

    HttpResponse<String> results = sv("GET", "/api/surveys/feedback/results?row=ok&col=channel", null);
    assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(results.body());
    assertThat(a.get("responses").asLong()).isEqualTo(2);
    JsonNode ok = a.get("questions").get(0);
    assertThat(ok.get("id").asText()).isEqualTo("ok");
    assertThat(count(ok, "yes")).isEqualTo(1);
    assertThat(count(ok, "no")).isEqualTo(1);
    JsonNode channel = a.get("questions").get(1);
    assertThat(count(channel, "phone")).isEqualTo(2);
    assertThat(count(channel, "mail")).isEqualTo(1);
    assertThat(channel.get("mentions").asLong()).isEqualTo(3);
    JsonNode note = a.get("questions").get(2);
    assertThat(note.get("texts").get(0).get("text").asText()).isEqualTo(EVIL); // data in JSON, escaped by JSON
    assertThat(note.get("texts").get(0).get("callId").asText()).isEqualTo("1795000000.1");
    JsonNode cross = a.get("crossTab");
    assertThat(cross.get("base").asLong()).isEqualTo(2);
    // rows yes, no; columns phone, mail
    assertThat(cross.get("counts").toString()).isEqualTo("[[1,1],[1,0]]");
    assertThat(cross.get("columnTotals").toString()).isEqualTo("[2,1]");
    assertThat(JSON.readTree(sv("GET", "/api/surveys/feedback/results?tests=true", null).body())
        .get("responses").asLong()).isEqualTo(3);
    assertThat(JSON.readTree(sv("GET", "/api/surveys/feedback/results?queue=6000", null).body())
        .get("responses").asLong()).isZero();

    // the results page shows the pop's answers too (the same service and analyser)
    HttpResponse<String> page = sv("GET", "/surveys/feedback/results", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-option=\"phone\" data-count=\"2\"")
        .doesNotContain("<a href=\"http://evil");

    // the CSV: every outside cell inert in a spreadsheet, the formula kept as text after an apostrophe
    HttpResponse<String> csv = sv("GET", "/api/surveys/feedback/responses.csv", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    List<String[]> rows = new CSVReader(new StringReader(csv.body())).readAll();
    assertThat(rows).hasSize(3);
    int noteColumn = List.of(rows.get(0)).indexOf("note");
    List<String> notes = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      notes.add(row[noteColumn]);
      for (String cell : row) {
        assertThat(SpreadsheetCell.startsFormula(cell)).as(cell).isFalse();
      }
    }
    assertThat(notes).contains("'" + EVIL);

    HttpResponse<String> unbound = sv("POST", "/api/surveys/feedback/queues/unbind", "{\"queue\":\"6001\"}");
    assertThat(unbound.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(unbound.body()).get("queues").toString()).isEqualTo("[]");
    assertThat(surveys.scenarioForQueue("6001")).isEmpty();
  }

  private static long count(JsonNode question, String option) {
    for (JsonNode o : question.get("options")) {
      if (o.get("id").asText().equals(option)) {
        return o.get("count").asLong();
      }
    }
    throw new AssertionError("no option " + option + " in " + question);
  }

  @Test
  void operatorsMayNotWriteAnyOfItAndNothingChanges() throws Exception {
    surveys.saveDraft(ru.sipring.survey.ScenarioJson.parse(scenario("locked", true)));
    surveys.publish("locked");
    surveys.assign("6002", "locked");
    String before = JSON.readTree(sv("GET", "/api/surveys/locked", null).body()).toString();
    List<String[]> writes = List.of(
        new String[] {"POST", "/api/surveys/locked2", scenario("locked2", true)},
        new String[] {"PUT", "/api/surveys/locked", scenario("locked", false)},
        new String[] {"POST", "/api/surveys/locked/publish", null},
        new String[] {"POST", "/api/surveys/locked/queues/bind", "{\"queue\":\"6003\"}"},
        new String[] {"POST", "/api/surveys/locked/queues/unbind", "{\"queue\":\"6002\"}"});
    for (String[] w : writes) {
      assertThat(call(w[0], w[1], "op", w[2]).statusCode()).as("operator " + w[0] + " " + w[1]).isEqualTo(403);
      assertThat(call(w[0], w[1], null, w[2]).statusCode()).as("anonymous " + w[0] + " " + w[1]).isEqualTo(401);
    }
    for (String read : List.of("/api/surveys", "/api/surveys/locked", "/api/surveys/locked/results",
        "/api/surveys/locked/responses.csv")) {
      assertThat(call("GET", read, "op", null).statusCode()).as("operator GET " + read).isEqualTo(403);
    }
    assertThat(surveys.draft("locked2")).isEmpty();
    assertThat(JSON.readTree(sv("GET", "/api/surveys/locked", null).body()).toString()).isEqualTo(before);
    assertThat(surveys.scenarios().versions("locked")).containsExactly(1);
    assertThat(surveys.scenarioForQueue("6002")).isPresent();
    assertThat(surveys.scenarioForQueue("6003")).isEmpty();
    // an admin may, as on the pages
    assertThat(call("POST", "/api/surveys/locked/queues/bind", "admin", "{\"queue\":\"6003\"}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theApiOnABrowsersSessionNeedsThePagesCsrfToken() throws Exception {
    surveys.saveDraft(ru.sipring.survey.ScenarioJson.parse(scenario("forged", true)));
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    java.util.regex.Pattern csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    java.util.function.Function<String, String> token = html -> {
      java.util.regex.Matcher m = csrf.matcher(html);
      assertThat(m.find()).as("a CSRF token in the page").isTrue();
      return m.group(1);
    };
    String base = "http://127.0.0.1:" + port;
    String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String form = "username=sv&password=" + java.net.URLEncoder.encode(WebTestSupport.SUPERVISOR_PASSWORD,
        StandardCharsets.UTF_8) + "&_csrf=" + token.apply(loginPage);
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    HttpRequest.Builder publish = HttpRequest.newBuilder(URI.create(base + "/api/surveys/forged/publish"))
        .POST(HttpRequest.BodyPublishers.noBody());
    assertThat(browser.send(publish.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(surveys.latest("forged")).isEmpty();
    String pageToken = token.apply(browser.send(HttpRequest.newBuilder(URI.create(base + "/surveys")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(browser.send(publish.header("X-CSRF-TOKEN", pageToken).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    assertThat(surveys.latest("forged")).isPresent();
  }

  @Test
  void badInputIsOneLineOfJsonNamingWhatIsWrong() throws Exception {
    HttpResponse<String> broken = sv("POST", "/api/surveys/broken", "{\"schemaVersion\":1,\"id\":\"broken\",\"nxet\":1}");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(broken.body()).get("error").asText()).contains("nxet");
    HttpResponse<String> other = sv("POST", "/api/surveys/mine", scenario("yours", true));
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(other.body()).get("error").asText()).startsWith("id: ").contains("yours");
    HttpResponse<String> badId = sv("POST", "/api/surveys/bad%20id", scenario("bad id", true));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badId.body()).get("error").asText()).startsWith("scenario id: ");
    assertThat(surveys.draft("broken")).isEmpty();

    assertThat(sv("POST", "/api/surveys/twice", scenario("twice", true)).statusCode()).isEqualTo(201);
    assertThat(sv("POST", "/api/surveys/twice", scenario("twice", true)).statusCode()).isEqualTo(409);
    assertThat(sv("PUT", "/api/surveys/nobody", scenario("nobody", true)).statusCode()).isEqualTo(404);
    assertThat(sv("GET", "/api/surveys/nobody", null).statusCode()).isEqualTo(404);
    assertThat(sv("POST", "/api/surveys/nobody/publish", null).statusCode()).isEqualTo(404);
    HttpResponse<String> noQueue = sv("POST", "/api/surveys/twice/queues/bind", "{}");
    assertThat(noQueue.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noQueue.body()).get("error").asText()).startsWith("queue: ");
    HttpResponse<String> unpublished = sv("POST", "/api/surveys/twice/queues/bind", "{\"queue\":\"6009\"}");
    assertThat(unpublished.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(unpublished.body()).get("error").asText()).contains("publish it first");
    assertThat(sv("POST", "/api/surveys/twice/queues/unbind", "{\"queue\":\"6009\"}").statusCode()).isEqualTo(404);
    HttpResponse<String> zone = sv("GET", "/api/surveys/twice/results?zone=Mars/Olympus", null);
    assertThat(zone.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(zone.body()).get("error").asText()).startsWith("zone: ");
    HttpResponse<String> from = sv("GET", "/api/surveys/twice/results?from=2%20March", null);
    assertThat(from.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(from.body()).get("error").asText()).startsWith("from: ");
  }

  @Test
  void theOpenApiDocumentDescribesEverySurveyEndpointWithItsMethod() throws Exception {
    HttpResponse<String> r = call("GET", "/v3/api-docs", "admin", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(r.body()).get("paths");
    int checked = 0;
    for (var e : mappings.getHandlerMethods().entrySet()) {
      if (e.getValue().getBeanType() != SurveyApi.class) {
        continue;
      }
      for (String path : e.getKey().getPathPatternsCondition().getPatternValues()) {
        for (var method : e.getKey().getMethodsCondition().getMethods()) {
          assertThat(paths.has(path)).as("OpenAPI has " + path).isTrue();
          assertThat(paths.get(path).has(method.name().toLowerCase(Locale.ROOT)))
              .as("OpenAPI has " + method + " " + path).isTrue();
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(9); // a new survey endpoint must be added here and be in the document
  }
}
