package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The billing API over HTTP: import with rejected lines, edit with a bad row (400 naming rows[i].field, nothing
 * stored), reading tables and versions, the outbound report formats; every write refused to supervisors and
 * operators, reads refused to operators; errors as one-line JSON; the endpoints in the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BillingTestSupport.FakePbx.class)
class BillingApiTest {
  private static final String BOUNDARY = "----sipring-billing-test";
  private static final String RATES = "prefix,name,price_per_minute,initial_block,billing_block\n"
      + "7916,Мобильные,1.20,60,60\n"
      + "79x1,Плохой,1.00,0,1\n"
      + "7495,Москва,abc,0,1\n";
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  static Path recordings;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    BillingTestSupport.properties(r, "sipring-billing-api", recordings);
  }

  @LocalServerPort
  int port;

  @Test
  void importReportsEveryRejectedLineAndTheTableReadsBack() throws Exception {
    HttpResponse<String> r = upload("admin", WebTestSupport.ADMIN_PASSWORD, "Импорт", "2026-01-01", RATES);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    assertThat(body.at("/version/version").asInt()).isEqualTo(1);
    assertThat(body.at("/version/rateCount").asInt()).isEqualTo(1);
    assertThat(body.at("/rejected/0/line").asInt()).isEqualTo(3);
    assertThat(body.at("/rejected/1/line").asInt()).isEqualTo(4);
    assertThat(body.at("/rejected/1/message").asText()).contains("abc");
    HttpResponse<String> table = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/billing/tariffs/Импорт",
        null, null);
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(json.readTree(table.body()).at("/versions/0/rates/0/prefix").asText()).isEqualTo("7916");
    HttpResponse<String> list = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/billing/tariffs", null,
        null);
    assertThat(list.body()).contains("Импорт");
  }

  @Test
  void aFileWithNoUsableRateIsA400NamingTheFileAndStoresNothing() throws Exception {
    HttpResponse<String> r = upload("admin", WebTestSupport.ADMIN_PASSWORD, "Пусто", "2026-01-01",
        "prefix,price_per_minute\nabc,1\n");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("error").asText()).contains("rates.csv").contains("no usable rate");
    assertThat(send("admin", WebTestSupport.ADMIN_PASSWORD, "GET", "/api/billing/tariffs/Пусто", null, null)
        .statusCode()).isEqualTo(404);
  }

  @Test
  void anEditWithABadRowIsRefusedNamingItAndAGoodOneIsTheNextVersion() throws Exception {
    assertThat(upload("admin", WebTestSupport.ADMIN_PASSWORD, "Правка", "2026-01-01", RATES).statusCode())
        .isEqualTo(201);
    String bad = "{\"validFrom\":\"2026-06-01\",\"rates\":[{\"prefix\":\"7916\",\"pricePerMinute\":\"2\"},"
        + "{\"prefix\":\"79z\",\"pricePerMinute\":\"1\"}]}";
    HttpResponse<String> r = send("admin", WebTestSupport.ADMIN_PASSWORD, "POST",
        "/api/billing/tariffs/Правка/versions", bad, "application/json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("error").asText()).startsWith("rows[1].prefix");
    String good = "{\"validFrom\":\"2026-06-01\",\"rates\":[{\"prefix\":\"7916\",\"name\":\"Моб\","
        + "\"pricePerMinute\":\"2.40\",\"initialBlock\":\"60\",\"billingBlock\":\"60\"}]}";
    r = send("admin", WebTestSupport.ADMIN_PASSWORD, "POST", "/api/billing/tariffs/Правка/versions", good,
        "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode v = json.readTree(r.body());
    assertThat(v.get("version").asInt()).isEqualTo(2);
    assertThat(v.get("source").asText()).isEqualTo("edited");
    assertThat(v.get("validFrom").asText()).isEqualTo("2026-05-31T21:00:00Z");
    r = send("admin", WebTestSupport.ADMIN_PASSWORD, "POST", "/api/billing/tariffs/Правка/versions", "not json",
        "application/json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).has("error")).isTrue();
  }

  @Test
  void everyWriteIsRefusedToSupervisorsAndOperators() throws Exception {
    for (String[] who : new String[][] {{"sv", WebTestSupport.SUPERVISOR_PASSWORD}, {"op", WebTestSupport.OPERATOR_PASSWORD}}) {
      assertThat(upload(who[0], who[1], "Чужая", "2026-01-01", RATES).statusCode()).as(who[0] + " import")
          .isEqualTo(403);
      assertThat(send(who[0], who[1], "POST", "/api/billing/tariffs/Чужая/versions",
          "{\"validFrom\":\"2026-01-01\",\"rates\":[{\"prefix\":\"7\",\"pricePerMinute\":\"1\"}]}", "application/json")
          .statusCode()).as(who[0] + " edit").isEqualTo(403);
    }
    assertThat(send("admin", WebTestSupport.ADMIN_PASSWORD, "GET", "/api/billing/tariffs/Чужая", null, null)
        .statusCode()).isEqualTo(404);
  }

  @Test
  void operatorsReadNeitherRatesNorReports() throws Exception {
    for (String path : new String[] {"/api/billing/tariffs", "/api/outbound/report", "/api/outbound/report.csv",
        "/api/outbound/report.pdf", "/api/outbound/recordings/1"}) {
      assertThat(send("op", WebTestSupport.OPERATOR_PASSWORD, "GET", path, null, null).statusCode()).as(path)
          .isEqualTo(403);
    }
  }

  @Test
  void theReportFormatsAndTheirErrors() throws Exception {
    HttpResponse<String> r = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET",
        "/api/outbound/report?from=2026-03-01&to=2026-03-31", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json.readTree(r.body()).has("byOperator")).isTrue();
    r = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/outbound/report.csv?from=2026-03-01", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("# Отчет 2");
    r = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/outbound/report?from=March", null, null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("error").asText()).startsWith("from");
    r = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/outbound/report?tariff=Нет", null, null);
    assertThat(r.statusCode()).isEqualTo(404);
    r = send("sv", WebTestSupport.SUPERVISOR_PASSWORD, "GET", "/api/outbound/recordings/999999", null, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).get("error").asText()).contains("999999");
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() throws Exception {
    String doc = send("admin", WebTestSupport.ADMIN_PASSWORD, "GET", "/v3/api-docs", null, null).body();
    assertThat(doc).contains("/api/billing/tariffs", "/api/billing/tariffs/{table}/import",
        "/api/billing/tariffs/{table}/versions", "/api/outbound/report", "/api/outbound/report.csv",
        "/api/outbound/report.pdf", "/api/outbound/report.xlsx", "/api/outbound/recordings/{attemptId}");
  }

  private HttpResponse<String> upload(String user, String password, String table, String validFrom, String csv)
      throws Exception {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"validFrom\"\r\n\r\n" + validFrom
        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rates.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
    return send(user, password, "POST", "/api/billing/tariffs/" + enc(table) + "/import", body,
        "multipart/form-data; boundary=" + BOUNDARY);
  }

  private HttpResponse<String> send(String user, String password, String method, String path, String body,
      String type) throws Exception {
    String p = path.replace("Импорт", enc("Импорт")).replace("Пусто", enc("Пусто")).replace("Правка", enc("Правка"))
        .replace("Чужая", enc("Чужая")).replace("Нет", enc("Нет"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return s.chars().allMatch(c -> c < 128) ? s
        : java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
