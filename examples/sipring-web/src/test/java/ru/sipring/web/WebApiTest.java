package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebApiTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    // a low limit so the throttle test is short; the other tests never fail a sign-in
    r.add("sipring.web.login-attempts", () -> "3");
    r.add("sipring.web.users.lockme.password", () -> "{bcrypt}"
        + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("lockme-password"));
    r.add("sipring.web.users.lockme.role", () -> "SUPERVISOR");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, @Nullable String user, @Nullable String password) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> admin(String path) throws Exception {
    return get(path, "admin", WebTestSupport.ADMIN_PASSWORD);
  }

  @Test
  void healthIsPublicJsonUp() throws Exception {
    HttpResponse<String> r = get("/api/health", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    assertThat(new ObjectMapper().readTree(r.body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void loginIsAnHtmlPageWithASignInForm() throws Exception {
    HttpResponse<String> r = get("/login", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<form", "name=\"username\"", "name=\"password\"", "type=\"password\"",
        "name=\"_csrf\"");
  }

  @Test
  void reportNeedsCredentials() throws Exception {
    HttpResponse<String> r = get("/api/inbound/report", null, null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(get("/api/inbound/report", "admin", "wrong-password").statusCode()).isEqualTo(401);
    // a page sends the browser to the sign-in form instead
    assertThat(get("/reports/inbound", null, null).headers().firstValue("Location"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
  }

  @Test
  void reportJsonIsTheCliJsonByteForByte() throws Exception {
    HttpResponse<String> r = admin("/api/inbound/report?from=2026-03-02&to=2026-03-04&zone=Europe/Moscow"
        + "&sections=summary,serviceLevel,operators,queues&queue=6000&agent=502");
    assertThat(r.statusCode()).isEqualTo(200);
    String cli = WebTestSupport.cliJson("--from", "2026-03-02", "--to", "2026-03-04", "--sections",
        "summary,serviceLevel,operators,queues", "--queue", "6000", "--agent", "502");
    assertThat(r.body()).isEqualTo(cli);
    JsonNode summary = new ObjectMapper().readTree(r.body()).get("summary");
    assertThat(summary.get("answered").asLong()).isPositive();
  }

  @Test
  void wholeReportAllSectionsEqualsTheCli() throws Exception {
    HttpResponse<String> r = admin("/api/inbound/report?view=caller&period=hour");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(r.body()))
        .isEqualTo(new ObjectMapper().readTree(WebTestSupport.cliJson("--view", "caller", "--period", "hour")));
  }

  @Test
  void badParametersAreOneLine400NamingTheParameter() throws Exception {
    HttpResponse<String> r = admin("/api/inbound/report?from=" + URLEncoder.encode("2 March", StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(r.body()).get("error").asText())
        .startsWith("from: '2 March' is not an ISO date").doesNotContain("\n");
    assertThat(admin("/api/inbound/report?sections=nope").body()).contains("sections:");
    assertThat(admin("/api/inbound/report?zone=Mars/Base").body()).contains("zone: unknown time zone");
  }

  @Test
  void exportsThroughTheLibraryRenderers() throws Exception {
    HttpResponse<String> csv = admin("/api/inbound/report.csv?section=queues&from=2026-03-02&to=2026-03-08");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("queues.csv"));
    assertThat(csv.body()).contains("Отдел продаж");
    HttpResponse<String> html = admin("/api/inbound/report.html?sections=summary&lang=en");
    assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<svg", "Answered");
  }

  @Test
  void rolesAreEnforcedOnTheApiAndThePages() throws Exception {
    assertThat(get("/api/inbound/report?sections=summary", "op", WebTestSupport.OPERATOR_PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(get("/admin/users", "op", WebTestSupport.OPERATOR_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(get("/api/live/queues", "op", WebTestSupport.OPERATOR_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(get("/api/inbound/report?sections=summary", "sv", WebTestSupport.SUPERVISOR_PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(get("/admin/users", "sv", WebTestSupport.SUPERVISOR_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(admin("/admin/users").statusCode()).isEqualTo(200);
  }

  @Test
  void openApiDocumentIsServed() throws Exception {
    HttpResponse<String> r = admin("/v3/api-docs");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(r.body()).get("paths").has("/api/inbound/report")).isTrue();
  }

  @Test
  void repeatedFailuresLockTheNameOutEvenWithTheRightPassword() throws Exception {
    // a user of its own (lockme), so the lock-out does not leak into the other tests
    for (int i = 0; i < 3; i++) {
      assertThat(get("/api/live/queues", "lockme", "guess-" + i).statusCode()).isEqualTo(401);
    }
    assertThat(get("/api/live/queues", "lockme", "lockme-password").statusCode()).isEqualTo(401);
    // other names from the same address are not affected
    assertThat(get("/api/live/queues", "op", WebTestSupport.OPERATOR_PASSWORD).statusCode()).isEqualTo(200);
  }
}
