package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.cdr.admin.OperatorAdmin;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

/**
 * Who may do what on the admin pages and APIs (one case per forbidden action, page and API), CSRF on every form,
 * stored users signing in, hostile names escaped. The panel over an embedded database (registry, audit, users in
 * SipRing's tables) and no PBX.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAccessTest {
  static final String SERVICE = "svc-pass-1";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.database.url", () -> "jdbc:h2:mem:sipring-admin-test;DB_CLOSE_DELAY=-1;MODE=MariaDB"
        + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE");
    r.add("sipring.database.username", () -> "sa");
    r.add("sipring.database.migrate", () -> "true");
  }

  @LocalServerPort
  int port;

  @Autowired
  OperatorAdmin operators;

  @Autowired
  AuditLog audit;

  @BeforeEach
  void registry() {
    if (!operators.hasServicePassword()) {
      operators.setServicePassword("test", null, SERVICE);
      operators.add("test", "501", "Ivanova A.", null, SERVICE);
    }
  }

  // ---- plumbing

  private HttpResponse<String> basic(String method, String path, @Nullable String user, @Nullable String password,
      @Nullable String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A browser: a cookie jar, signed in through the form. */
  final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    Browser(String user, String password) throws Exception {
      String token = csrf(get("/login").body());
      HttpResponse<String> r = post("/login", "username=" + enc(user) + "&password=" + enc(password)
          + "&_csrf=" + enc(token));
      assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String form) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post with this session's CSRF token (read from the sign-out form every page has). */
    HttpResponse<String> postWithToken(String path, String form) throws Exception {
      return post(path, form + "&_csrf=" + enc(csrf(get("/wallboard").body())));
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- every forbidden action, API

  static Stream<Arguments> forbiddenApi() {
    String sv = WebTestSupport.SUPERVISOR_PASSWORD;
    String op = WebTestSupport.OPERATOR_PASSWORD;
    String user = "{\"name\":\"x1\",\"role\":\"ADMIN\",\"password\":\"Kx7-lantern-9\"}";
    String pause = "{\"queue\":\"6000\",\"interface\":\"PJSIP/501\",\"reason\":\"lunch\"}";
    String edit = "{\"servicePassword\":\"" + SERVICE + "\",\"name\":\"X\",\"pin\":\"2580\",\"active\":false}";
    return Stream.of(
        Arguments.of("sv", sv, "GET", "/api/admin/users", null),
        Arguments.of("sv", sv, "POST", "/api/admin/users", user),
        Arguments.of("sv", sv, "POST", "/api/admin/users/x1/role", "{\"role\":\"ADMIN\"}"),
        Arguments.of("sv", sv, "POST", "/api/admin/users/x1/enabled", "{\"enabled\":false}"),
        Arguments.of("sv", sv, "POST", "/api/admin/users/x1/password", "{\"password\":\"Kx7-lantern-9\"}"),
        Arguments.of("sv", sv, "POST", "/api/admin/users/x1/token", null),
        Arguments.of("sv", sv, "POST", "/api/admin/users/x1/token/revoke", null),
        Arguments.of("sv", sv, "GET", "/api/admin/audit", null),
        Arguments.of("sv", sv, "GET", "/api/admin/operators", null),
        Arguments.of("sv", sv, "POST", "/api/admin/operators", "{\"number\":\"9\",\"name\":\"X\",\"servicePassword\":\"" + SERVICE + "\"}"),
        Arguments.of("sv", sv, "POST", "/api/admin/operators/501/name", edit),
        Arguments.of("sv", sv, "POST", "/api/admin/operators/501/pin", edit),
        Arguments.of("sv", sv, "POST", "/api/admin/operators/501/pin/reset", edit),
        Arguments.of("sv", sv, "POST", "/api/admin/operators/501/active", edit),
        Arguments.of("sv", sv, "POST", "/api/admin/operators/service-password", "{\"current\":\"" + SERVICE + "\",\"next\":\"x\"}"),
        Arguments.of("sv", sv, "GET", "/api/admin/operators/logins?from=2026-03-02&to=2026-03-02", null),
        Arguments.of("op", op, "GET", "/api/admin/users", null),
        Arguments.of("op", op, "POST", "/api/admin/users", user),
        Arguments.of("op", op, "GET", "/api/admin/audit", null),
        Arguments.of("op", op, "POST", "/api/admin/operators/501/pin", edit),
        Arguments.of("op", op, "POST", "/api/agents/add", "{\"queue\":\"6000\",\"operator\":\"501\"}"),
        Arguments.of("op", op, "POST", "/api/agents/remove", pause),
        Arguments.of("op", op, "POST", "/api/agents/pause", pause),
        Arguments.of("op", op, "POST", "/api/agents/unpause", pause),
        Arguments.of("op", op, "GET", "/api/inbound/report?from=2026-03-02", null));
  }

  @ParameterizedTest(name = "{0} may not {2} {3}")
  @MethodSource("forbiddenApi")
  void forbiddenApiCallsAre403AndChangeNothing(String user, String password, String method, String path,
      @Nullable String json) throws Exception {
    int before = audit.recent(1000).size();
    assertThat(basic(method, path, user, password, json).statusCode()).isEqualTo(403);
    // and without credentials: 401 with the Basic challenge
    HttpResponse<String> anonymous = basic(method, path, null, null, json);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(audit.recent(1000)).hasSize(before);
    assertThat(operators.list()).extracting(o -> o.name()).doesNotContain("X");
  }

  // ---- every forbidden action, page

  static Stream<Arguments> forbiddenPages() {
    String sv = WebTestSupport.SUPERVISOR_PASSWORD;
    String op = WebTestSupport.OPERATOR_PASSWORD;
    return Stream.of(
        Arguments.of("sv", sv, "GET", "/admin/users", ""),
        Arguments.of("sv", sv, "POST", "/admin/users", "name=x2&role=ADMIN&password=Kx7-lantern-9"),
        Arguments.of("sv", sv, "POST", "/admin/users/x2/role", "role=ADMIN"),
        Arguments.of("sv", sv, "POST", "/admin/users/x2/enabled", "enabled=false"),
        Arguments.of("sv", sv, "POST", "/admin/users/x2/password", "password=Kx7-lantern-9"),
        Arguments.of("sv", sv, "POST", "/admin/users/x2/token", ""),
        Arguments.of("sv", sv, "POST", "/admin/users/x2/token/revoke", ""),
        Arguments.of("sv", sv, "GET", "/admin/audit", ""),
        Arguments.of("sv", sv, "GET", "/admin/operators", ""),
        Arguments.of("sv", sv, "POST", "/admin/operators", "number=9&name=X&servicePassword=" + SERVICE),
        Arguments.of("sv", sv, "POST", "/admin/operators/501/name", "name=X&servicePassword=" + SERVICE),
        Arguments.of("sv", sv, "POST", "/admin/operators/501/pin", "pin=2580&servicePassword=" + SERVICE),
        Arguments.of("sv", sv, "POST", "/admin/operators/501/pin/reset", "servicePassword=" + SERVICE),
        Arguments.of("sv", sv, "POST", "/admin/operators/501/active", "active=false&servicePassword=" + SERVICE),
        Arguments.of("sv", sv, "POST", "/admin/operators/service-password", "current=" + SERVICE + "&next=x"),
        Arguments.of("op", op, "GET", "/admin/users", ""),
        Arguments.of("op", op, "POST", "/admin/users", "name=x2&role=ADMIN&password=Kx7-lantern-9"),
        Arguments.of("op", op, "GET", "/admin/operators", ""),
        Arguments.of("op", op, "POST", "/admin/operators/501/pin", "pin=2580&servicePassword=" + SERVICE),
        Arguments.of("op", op, "GET", "/admin/audit", ""),
        Arguments.of("op", op, "POST", "/wallboard/agents/add", "queue=6000&operator=501"),
        Arguments.of("op", op, "POST", "/wallboard/agents/remove", "member=6000%7CPJSIP%2F501"),
        Arguments.of("op", op, "POST", "/wallboard/agents/pause", "member=6000%7CPJSIP%2F501&reason=lunch"),
        Arguments.of("op", op, "POST", "/wallboard/agents/unpause", "member=6000%7CPJSIP%2F501"));
  }

  @ParameterizedTest(name = "{0} may not {2} the page {3}")
  @MethodSource("forbiddenPages")
  void forbiddenPagesAre403EvenWithAValidCsrfToken(String user, String password, String method, String path,
      String form) throws Exception {
    Browser b = new Browser(user, password);
    int before = audit.recent(1000).size();
    HttpResponse<String> r = method.equals("GET") ? b.get(path) : b.postWithToken(path, form);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(audit.recent(1000)).hasSize(before);
    assertThat(operators.list()).extracting(o -> o.name()).doesNotContain("X");
  }

  // ---- CSRF on every form

  static Stream<String[]> forms() {
    return Stream.of(
        new String[] {"/admin/users", "name=csrf1&role=SUPERVISOR&password=Kx7-lantern-9"},
        new String[] {"/admin/users/csrf1/role", "role=ADMIN"},
        new String[] {"/admin/users/csrf1/enabled", "enabled=false"},
        new String[] {"/admin/users/csrf1/password", "password=Kx7-lantern-9"},
        new String[] {"/admin/users/csrf1/token", ""},
        new String[] {"/admin/users/csrf1/token/revoke", ""},
        new String[] {"/admin/operators", "number=8&name=Csrf&servicePassword=" + SERVICE},
        new String[] {"/admin/operators/501/name", "name=Csrf&servicePassword=" + SERVICE},
        new String[] {"/admin/operators/501/pin", "pin=2580&servicePassword=" + SERVICE},
        new String[] {"/admin/operators/501/pin/reset", "servicePassword=" + SERVICE},
        new String[] {"/admin/operators/501/active", "active=false&servicePassword=" + SERVICE},
        new String[] {"/admin/operators/service-password", "current=" + SERVICE + "&next=csrf-next"},
        new String[] {"/wallboard/agents/add", "queue=6000&operator=501"},
        new String[] {"/wallboard/agents/remove", "member=6000%7CPJSIP%2F501"},
        new String[] {"/wallboard/agents/pause", "member=6000%7CPJSIP%2F501&reason=lunch"},
        new String[] {"/wallboard/agents/unpause", "member=6000%7CPJSIP%2F501"},
        new String[] {"/logout", ""});
  }

  @ParameterizedTest(name = "POST {0} without the CSRF token")
  @MethodSource("forms")
  void everyFormRefusesAPostWithoutTheCsrfToken(String path, String form) throws Exception {
    Browser admin = new Browser("admin", WebTestSupport.ADMIN_PASSWORD);
    int before = audit.recent(1000).size();
    assertThat(admin.post(path, form).statusCode()).isEqualTo(403);
    assertThat(admin.post(path, form + "&_csrf=forged").statusCode()).isEqualTo(403);
    assertThat(audit.recent(1000)).hasSize(before);
    assertThat(operators.list()).extracting(o -> o.name()).doesNotContain("Csrf");
  }

  @Test
  void theApiRidingOnABrowserSessionNeedsTheCsrfTokenToo() throws Exception {
    Browser admin = new Browser("admin", WebTestSupport.ADMIN_PASSWORD);
    assertThat(admin.postJson("/api/admin/users", "{\"name\":\"csrf2\",\"role\":\"ADMIN\",\"password\":"
        + "\"Kx7-lantern-9\"}").statusCode()).isEqualTo(403);
    assertThat(admin.get("/api/admin/users").statusCode()).isEqualTo(200); // reading is fine
  }

  // ---- stored users

  @Test
  void aStoredUserSignsInWithTheirRoleUntilDisabledAndEveryChangeIsAudited() throws Exception {
    String a = WebTestSupport.ADMIN_PASSWORD;
    HttpResponse<String> added = basic("POST", "/api/admin/users", "admin", a,
        "{\"name\":\"maria\",\"role\":\"SUPERVISOR\",\"password\":\"Kx7-lantern-9\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(added.body()).contains("\"name\":\"maria\"").doesNotContain("bcrypt", "Kx7");
    assertThat(basic("GET", "/api/inbound/report?from=2026-03-02&sections=summary", "maria", "Kx7-lantern-9", null)
        .statusCode()).isEqualTo(200);
    assertThat(basic("GET", "/api/admin/users", "maria", "Kx7-lantern-9", null).statusCode()).isEqualTo(403);
    // a weak password is refused with the rule, and a reserved name too
    HttpResponse<String> weak = basic("POST", "/api/admin/users/maria/password", "admin", a,
        "{\"password\":\"maria12345\"}");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("password:").doesNotContain("maria12345");
    assertThat(basic("POST", "/api/admin/users", "admin", a,
        "{\"name\":\"sv\",\"role\":\"ADMIN\",\"password\":\"Kx7-lantern-9\"}").statusCode()).isEqualTo(409);
    // an operator user must be the registry's person
    assertThat(basic("POST", "/api/admin/users", "admin", a,
        "{\"name\":\"ivan\",\"role\":\"OPERATOR\",\"password\":\"Kx7-lantern-9\",\"operator\":\"999\"}")
        .statusCode()).isEqualTo(404);
    // the admin page: the role changes, the password is reset, the user disabled
    Browser admin = new Browser("admin", a);
    assertThat(admin.postWithToken("/admin/users/maria/role", "role=OPERATOR&operator=501").statusCode())
        .isEqualTo(302);
    assertThat(admin.postWithToken("/admin/users/maria/password", "password=" + enc("Another-long-7"))
        .statusCode()).isEqualTo(302);
    assertThat(basic("GET", "/api/inbound/report?from=2026-03-02", "maria", "Another-long-7", null).statusCode())
        .isEqualTo(403); // an operator now
    assertThat(admin.postWithToken("/admin/users/maria/enabled", "enabled=false").statusCode()).isEqualTo(302);
    assertThat(basic("GET", "/api/live/queues", "maria", "Another-long-7", null).statusCode()).isEqualTo(401);
    String page = admin.get("/admin/users").body();
    assertThat(page).contains("maria").contains("disabled").doesNotContain("$2a$");
    List<AuditEntry> entries = audit.recent(50);
    assertThat(entries).filteredOn(e -> e.target().equals("maria")).extracting(e -> e.actor() + " " + e.action())
        .containsSubsequence("admin user.disable", "admin user.password", "admin user.role", "admin user.add");
    String auditPage = admin.get("/admin/audit").body();
    assertThat(auditPage).contains("user.disable").contains("maria");
  }

  // ---- service-account tokens

  private HttpResponse<String> bearer(String method, String path, String token, @Nullable String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aServiceAccountTokenCarriesItsUsersRoleOnTheApiOnlyUntilRevoked() throws Exception {
    String a = WebTestSupport.ADMIN_PASSWORD;
    assertThat(basic("POST", "/api/admin/users", "admin", a,
        "{\"name\":\"crm\",\"role\":\"SUPERVISOR\",\"password\":\"Kx7-lantern-9\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> issued = basic("POST", "/api/admin/users/crm/token", "admin", a, null);
    assertThat(issued.statusCode()).isEqualTo(200);
    String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued.body()).get("token").asText();
    assertThat(token).startsWith("srt_");
    assertThat(bearer("GET", "/api/inbound/report?from=2026-03-02&sections=summary", token, null).statusCode())
        .isEqualTo(200);
    assertThat(bearer("GET", "/api/admin/users", token, null).statusCode()).isEqualTo(403);
    // a supervisor may act on agents: no PBX here, so the library's answer is 503, not 401/403
    assertThat(bearer("POST", "/api/agents/pause", token,
        "{\"queue\":\"6000\",\"interface\":\"PJSIP/501\",\"reason\":\"lunch\"}").statusCode()).isEqualTo(503);
    // a token is for the API, not the pages; a made-up one is 401
    assertThat(bearer("GET", "/reports/inbound", token, null).statusCode()).isEqualTo(302);
    assertThat(bearer("GET", "/api/live/queues", "srt_made-up", null).statusCode()).isEqualTo(401);
    // the users page issues one too and shows it once
    Browser admin = new Browser("admin", a);
    admin.postWithToken("/admin/users/crm/token", "");
    String page = admin.get("/admin/users").body();
    Matcher shown = Pattern.compile("<code>(srt_[A-Za-z0-9_-]+)</code>").matcher(page);
    assertThat(shown.find()).isTrue();
    assertThat(admin.get("/admin/users").body()).doesNotContain(shown.group(1));
    assertThat(bearer("GET", "/api/live/queues", token, null).statusCode()).as("replaced").isEqualTo(401);
    assertThat(bearer("GET", "/api/live/queues", shown.group(1), null).statusCode()).isEqualTo(200);
    assertThat(basic("POST", "/api/admin/users/crm/token/revoke", "admin", a, null).statusCode()).isEqualTo(200);
    assertThat(bearer("GET", "/api/live/queues", shown.group(1), null).statusCode()).isEqualTo(401);
    assertThat(audit.recent(20)).extracting(e -> e.action() + " " + e.target())
        .contains("user.token.issue crm", "user.token.revoke crm");
  }

  // ---- hostile text

  @Test
  void hostileOperatorNamesAreEscapedOnEveryPageAndInTheAudit() throws Exception {
    String hostile = "<script>alert(1)</script> Петров";
    String a = WebTestSupport.ADMIN_PASSWORD;
    HttpResponse<String> r = basic("POST", "/api/admin/operators", "admin", a, "{\"number\":\"777\",\"name\":\""
        + hostile.replace("/", "\\/") + "\",\"servicePassword\":\"" + SERVICE + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Browser admin = new Browser("admin", a);
    for (String page : new String[] {"/admin/operators", "/admin/audit", "/wallboard"}) {
      String html = admin.get(page).body();
      assertThat(html).as(page).doesNotContain("<script>alert(1)");
    }
    assertThat(admin.get("/admin/operators").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Петров");
    assertThat(admin.get("/admin/audit").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Петров");
    // a name with a line break never reaches the registry (it would become an AMI header at every login)
    HttpResponse<String> crlf = basic("POST", "/api/admin/operators", "admin", a,
        "{\"number\":\"778\",\"name\":\"A\\r\\nAction: Logoff\",\"servicePassword\":\"" + SERVICE + "\"}");
    assertThat(crlf.statusCode()).isEqualTo(400);
    assertThat(crlf.body()).contains("name");
  }

  @Test
  void operatorRegistryPagesKeepTheServicePasswordRuleAndThePinPolicy() throws Exception {
    Browser admin = new Browser("admin", WebTestSupport.ADMIN_PASSWORD);
    HttpResponse<String> wrong = admin.postWithToken("/admin/operators/501/pin", "pin=2580&servicePassword=nope");
    assertThat(wrong.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin/operators").body()).contains("wrong service password");
    admin.postWithToken("/admin/operators/501/pin", "pin=1234&servicePassword=" + SERVICE);
    assertThat(admin.get("/admin/operators").body()).contains("too easy to guess");
    admin.postWithToken("/admin/operators/501/pin", "pin=2580&servicePassword=" + SERVICE);
    assertThat(operators.registry().find("501").orElseThrow().hasPin()).isTrue();
    admin.postWithToken("/admin/operators/501/pin/reset", "servicePassword=" + SERVICE);
    assertThat(operators.registry().find("501").orElseThrow().hasPin()).isFalse();
    assertThat(audit.recent(10)).extracting(AuditEntry::action).contains("operator.pin.set", "operator.pin.reset");
    assertThat(audit.recent(10)).allSatisfy(e -> assertThat(e.detail()).doesNotContain("2580"));
    // the login log of the registry is on the page (an admin's add and a *45 login look the same there)
    operators.registry().record(new ru.sipring.core.directory.OperatorLoginLog.Entry(
        new ru.sipring.core.directory.Operator("501", "Ivanova A."), "6000", "PJSIP/501",
        ru.sipring.core.directory.OperatorLoginLog.Action.LOGIN, java.time.Instant.now(), "agi"));
    String page = admin.get("/admin/operators?lang=en").body();
    assertThat(page).contains("PJSIP/501").contains(">agi<").contains(">login<");
  }

  // ---- the OpenAPI document against the real endpoints

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  @Test
  void theOpenApiDocumentDescribesEveryActionEndpointWithItsMethod() throws Exception {
    HttpResponse<String> r = basic("GET", "/v3/api-docs", "admin", WebTestSupport.ADMIN_PASSWORD, null);
    assertThat(r.statusCode()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(r.body()).get("paths");
    int checked = 0;
    for (var e : mappings.getHandlerMethods().entrySet()) {
      Class<?> type = e.getValue().getBeanType();
      if (type != AdminApi.class && type != AgentApi.class) {
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
    assertThat(checked).isEqualTo(20); // 16 admin, 4 agent endpoints: a new one must be added here and be in the document
  }
}
