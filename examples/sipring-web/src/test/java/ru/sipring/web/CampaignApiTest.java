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
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.Eventually;

/**
 * The campaign API ({@code /api/campaign/**}) over an embedded database and the testkit's in-memory PBX: the whole
 * admin flow (tree, import with its preview and rejected lines, export with formula cells made inert, DNC, settings,
 * the dialer placing calls, operators at work and a hung session closed), errors as one-line JSON, and one refusal
 * per write operation for the roles that may not do it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = WebTestSupport.ADMIN_PASSWORD;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.database.url", () -> "jdbc:h2:mem:sipring-campaign-api-test;DB_CLOSE_DELAY=-1;MODE=MariaDB"
        + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE");
    r.add("sipring.database.username", () -> "sa");
    r.add("sipring.database.migrate", () -> "true");
    r.add("sipring.campaign.dialer-period", () -> "50ms");
    r.add("sipring.campaign.hung-after", () -> "0s");
  }

  @TestConfiguration
  static class Pbx {
    @Bean(destroyMethod = "close")
    PbxGateway pbx() {
      return InMemoryPbxGateway.of().alwaysOutcome(OriginateOutcome.ANSWERED);
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  WorkTracker work;

  @Autowired
  AuditLog audit;

  private HttpResponse<String> call(String method, String path, @Nullable String user, @Nullable String password,
      @Nullable String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> multipart(String path, String file, String... fields) throws Exception {
    String boundary = "----sipring" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
          .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
    }
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"base.csv\"")
        .append("\r\nContent-Type: text/csv\r\n\r\n").append(file).append("\r\n--").append(boundary).append("--\r\n");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN)
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private JsonNode admin(String method, String path, @Nullable String json) throws Exception {
    return ok(call(method, path, "admin", ADMIN, json));
  }

  @Test
  void theWholeAdminFlowThroughTheApi() throws Exception {
    long p = admin("POST", "/api/campaign/projects", "{\"name\":\"API проект\"}").get("id").asLong();
    long t = admin("POST", "/api/campaign/projects/" + p + "/tasks", "{\"name\":\"Задача\"}").get("id").asLong();
    long a = admin("POST", "/api/campaign/tasks/" + t + "/assignments", "{\"name\":\"Задание\"}").get("id").asLong();
    admin("POST", "/api/campaign/assignments/" + a + "/rename", "{\"name\":\"Задание 1\"}");
    JsonNode tree = admin("GET", "/api/campaign/tree", null);
    assertThat(tree.toString()).contains("API проект", "Задание 1");

    String csv = "ФИО;Телефон;Примечание\nИванов;8 916 000-00-01;=HYPERLINK(\"http://x\")\n"
        + "Петров;;нет номера\nСидоров;8 916 000-00-02;\nКозлов;abc;\n";
    JsonNode preview = ok(multipart("/api/campaign/assignments/" + a + "/import/preview", csv));
    assertThat(preview.get("delimiter").asText()).isEqualTo(";");
    assertThat(preview.get("header").asBoolean()).isTrue();
    assertThat(preview.get("columns").toString()).contains("\"target\":\"phone\"", "\"target\":\"note\"");
    JsonNode result = ok(multipart("/api/campaign/assignments/" + a + "/import", csv, "duplicates", "PROJECT",
        "mapping", "{\"#1\":\"full_name\",\"#2\":\"phone\",\"#3\":\"note\"}", "header", "true"));
    assertThat(result.get("imported").asInt()).isEqualTo(2);
    assertThat(result.get("rejected").toString()).contains("\"line\":3", "phone: missing", "\"line\":5");

    HttpResponse<String> export = call("GET", "/api/campaign/assignments/" + a + "/export.csv", "admin", ADMIN, null);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    assertThat(export.body()).contains("'=HYPERLINK(").doesNotContain(";=HYPERLINK");

    assertThat(admin("POST", "/api/campaign/dnc/add", "{\"scope\":\"assignment:" + a
        + "\",\"number\":\"8 (916) 000-00-02\"}").get("number").asText()).isEqualTo("79160000002");
    assertThat(admin("GET", "/api/campaign/dnc?scope=assignment:" + a, null).get("numbers").toString())
        .contains("79160000002");

    JsonNode settings = admin("POST", "/api/campaign/assignments/" + a + "/settings", "{\"zone\":\"Europe/Moscow\","
        + "\"start\":\"00:00\",\"end\":\"00:00\",\"days\":[],\"retry\":{\"BUSY\":{\"delaySeconds\":1800,\"maxAttempts\":3}},"
        + "\"dncScope\":\"ASSIGNMENT\"}");
    assertThat(settings.get("retry").get("BUSY").get("maxAttempts").asInt()).isEqualTo(3);
    assertThat(settings.get("retry").get("BUSY").get("delaySeconds").asInt()).isEqualTo(1800);
    assertThat(settings.get("retry").get("NO_ANSWER").get("maxAttempts").asInt()).isZero(); // not given: never again
    assertThat(settings.get("days")).hasSize(7); // none ticked: every day

    admin("POST", "/api/campaign/assignments/" + a + "/dialer-settings", "{\"answerExtension\":\"520\","
        + "\"context\":\"from-internal\",\"callerId\":\"74950000000\",\"repeats\":0,\"redialSeconds\":30,"
        + "\"pauseSeconds\":0,\"mode\":\"FIXED\",\"maxConcurrent\":1,\"ratio\":1.0}");
    assertThat(admin("POST", "/api/campaign/assignments/" + a + "/dialer/start", null).get("status").asText())
        .isEqualTo("RUNNING");
    // two clients, one on the DNC list: exactly one call, answered
    Eventually.until(Duration.ofSeconds(30), "the dialer's call answered", () -> {
      try {
        return admin("GET", "/api/campaign/assignments/" + a + "/dialer/progress", null).get("answeredToday")
            .asInt() == 1;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    JsonNode progress = admin("GET", "/api/campaign/assignments/" + a + "/dialer", null);
    assertThat(progress.get("progress").get("placedToday").asInt()).isEqualTo(1);
    assertThat(progress.get("progress").get("dueNow").asInt()).isZero();
    assertThat(progress.get("settings").get("answerExtension").asText()).isEqualTo("520");
    assertThat(admin("POST", "/api/campaign/assignments/" + a + "/dialer/pause", null).get("status").asText())
        .isEqualTo("PAUSED");
    assertThat(admin("POST", "/api/campaign/assignments/" + a + "/dialer/stop", null).get("status").asText())
        .isEqualTo("STOPPED");

    long session = work.start("Оператор API", a).id();
    assertThat(admin("GET", "/api/campaign/live", null).toString()).contains("Оператор API");
    assertThat(admin("GET", "/api/campaign/sessions/hung", null).toString()).contains("Оператор API");
    JsonNode closed = ok(call("POST", "/api/campaign/sessions/" + session + "/close", "sv",
        WebTestSupport.SUPERVISOR_PASSWORD, null));
    assertThat(closed.get("closedByAdmin").asBoolean()).isTrue();
    assertThat(audit.recent(100)).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("sv");
      assertThat(e.action()).isEqualTo("campaign.session.close");
    });
    admin("POST", "/api/campaign/assignments/" + a + "/archive", "{\"archived\":true}");
    assertThat(admin("GET", "/api/campaign/tree", null).toString()).doesNotContain("Задание 1");
    assertThat(admin("GET", "/api/campaign/tree?archived=true", null).toString()).contains("Задание 1");
  }

  @Test
  void errorsAreOneLineJson() throws Exception {
    HttpResponse<String> blank = call("POST", "/api/campaign/projects", "admin", ADMIN, "{\"name\":\"  \"}");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(blank.body()).get("error").asText()).contains("name");
    HttpResponse<String> missing = call("GET", "/api/campaign/assignments/999999", "admin", ADMIN, null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("999999");
    long p = admin("POST", "/api/campaign/projects", "{\"name\":\"Ошибки\"}").get("id").asLong();
    HttpResponse<String> taken = call("POST", "/api/campaign/projects", "admin", ADMIN, "{\"name\":\"ошибки\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    long t = admin("POST", "/api/campaign/projects/" + p + "/tasks", "{\"name\":\"Т\"}").get("id").asLong();
    long a = admin("POST", "/api/campaign/tasks/" + t + "/assignments", "{\"name\":\"З\"}").get("id").asLong();
    HttpResponse<String> unconfigured = call("POST", "/api/campaign/assignments/" + a + "/dialer/start", "admin",
        ADMIN, null);
    assertThat(unconfigured.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(unconfigured.body()).get("error").asText()).contains("settings");
    HttpResponse<String> badDialer = call("POST", "/api/campaign/assignments/" + a + "/dialer-settings", "admin",
        ADMIN, "{\"answerExtension\":\"520,Set(x=1)\",\"context\":\"c\",\"maxConcurrent\":1,\"ratio\":1.0}");
    assertThat(badDialer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badDialer.body()).get("error").asText()).contains("dialer.answerExtension");
    HttpResponse<String> badNumber = call("POST", "/api/campaign/dnc/add", "admin", ADMIN,
        "{\"scope\":\"global\",\"number\":\"<script>\"}");
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).startsWith("{\"error\":");
  }

  static Stream<Arguments> forbidden() {
    String op = WebTestSupport.OPERATOR_PASSWORD;
    String sv = WebTestSupport.SUPERVISOR_PASSWORD;
    String name = "{\"name\":\"x\"}";
    return Stream.of(
        Arguments.of("op", op, "GET", "/api/campaign/tree", null),
        Arguments.of("op", op, "POST", "/api/campaign/projects", name),
        Arguments.of("op", op, "POST", "/api/campaign/projects/1/tasks", name),
        Arguments.of("op", op, "POST", "/api/campaign/tasks/1/assignments", name),
        Arguments.of("op", op, "POST", "/api/campaign/projects/1/rename", name),
        Arguments.of("op", op, "POST", "/api/campaign/projects/1/archive", "{\"archived\":true}"),
        Arguments.of("op", op, "POST", "/api/campaign/assignments/1/settings", "{}"),
        Arguments.of("op", op, "POST", "/api/campaign/assignments/1/import", null),
        Arguments.of("op", op, "POST", "/api/campaign/dnc/add", "{\"scope\":\"global\",\"number\":\"89160000001\"}"),
        Arguments.of("op", op, "POST", "/api/campaign/dnc/remove", "{\"scope\":\"global\",\"number\":\"89160000001\"}"),
        Arguments.of("op", op, "POST", "/api/campaign/dnc/import", null),
        Arguments.of("op", op, "POST", "/api/campaign/assignments/1/dialer-settings", "{}"),
        Arguments.of("op", op, "POST", "/api/campaign/assignments/1/dialer/start", null),
        Arguments.of("op", op, "POST", "/api/campaign/assignments/1/dialer/pause", null),
        Arguments.of("op", op, "POST", "/api/campaign/assignments/1/dialer/stop", null),
        Arguments.of("op", op, "POST", "/api/campaign/sessions/1/close", null),
        Arguments.of("sv", sv, "POST", "/api/campaign/projects", name),
        Arguments.of("sv", sv, "POST", "/api/campaign/assignments/1/rename", name),
        Arguments.of("sv", sv, "POST", "/api/campaign/assignments/1/archive", "{\"archived\":true}"),
        Arguments.of("sv", sv, "POST", "/api/campaign/assignments/1/settings", "{}"),
        Arguments.of("sv", sv, "POST", "/api/campaign/dnc/add", "{\"scope\":\"global\",\"number\":\"89160000001\"}"),
        Arguments.of("sv", sv, "POST", "/api/campaign/assignments/1/dialer-settings", "{}"),
        Arguments.of(null, null, "GET", "/api/campaign/tree", null),
        Arguments.of(null, null, "POST", "/api/campaign/projects", name));
  }

  @ParameterizedTest(name = "{0} {2} {3}")
  @MethodSource("forbidden")
  void refusedForRolesThatMayNot(@Nullable String user, @Nullable String password, String method, String path,
      @Nullable String json) throws Exception {
    int before = audit.recent(10_000).size();
    HttpResponse<String> r = call(method, path, user, password, json);
    assertThat(r.statusCode()).isEqualTo(user == null ? 401 : 403);
    assertThat(audit.recent(10_000)).hasSize(before);
  }

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  @Test
  void everyCampaignEndpointIsInTheOpenApiDocumentWithItsMethod() throws Exception {
    JsonNode paths = JSON.readTree(call("GET", "/v3/api-docs", "admin", ADMIN, null).body()).get("paths");
    int checked = 0;
    for (var e : mappings.getHandlerMethods().entrySet()) {
      if (e.getValue().getBeanType() != CampaignApi.class) {
        continue;
      }
      for (String path : e.getKey().getPathPatternsCondition().getPatternValues()) {
        for (var method : e.getKey().getMethodsCondition().getMethods()) {
          assertThat(paths.has(path)).as("OpenAPI has " + path).isTrue();
          assertThat(paths.get(path).has(method.name().toLowerCase(java.util.Locale.ROOT)))
              .as("OpenAPI has " + method + " " + path).isTrue();
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(23); // a new endpoint must be added here and be in the document
  }
}
