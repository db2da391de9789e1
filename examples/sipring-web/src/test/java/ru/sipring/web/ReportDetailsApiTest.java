package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The paged detail tables' API and the recordings endpoint: agreement with the CLI, bad input, traversal, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportDetailsApiTest {
  static final RecordingFixture REC = RecordingFixture.create();

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.recordings.directory", REC.root::toString);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<byte[]> get(String rawPath, String user, String password, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> admin(String path, String... headers) throws Exception {
    return get(path, "admin", WebTestSupport.ADMIN_PASSWORD, headers);
  }

  private JsonNode adminJson(String path) throws Exception {
    HttpResponse<byte[]> r = admin(path);
    assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void pagesTogetherAreTheCliTableAndSortedPagesAreItsRowsSorted() throws Exception {
    JsonNode cli = json.readTree(WebTestSupport.cliJson("--from", "2026-03-02", "--to", "2026-03-02", "--sections",
        "answered")).get("answered");
    assertThat(cli.size()).isBetween(8, 500);
    JsonNode p1 = adminJson("/api/inbound/report/answered?from=2026-03-02&to=2026-03-02&zone=Europe/Moscow&size=7");
    assertThat(p1.get("total").asInt()).isEqualTo(cli.size());
    assertThat(p1.get("pages").asInt()).isEqualTo((cli.size() + 6) / 7);
    List<JsonNode> all = new ArrayList<>();
    for (int p = 1; p <= p1.get("pages").asInt(); p++) {
      adminJson("/api/inbound/report/answered?from=2026-03-02&to=2026-03-02&size=7&page=" + p).get("rows")
          .forEach(all::add);
    }
    List<JsonNode> expected = new ArrayList<>();
    cli.forEach(expected::add);
    assertThat(all).isEqualTo(expected);

    JsonNode byWait = adminJson("/api/inbound/report/answered?from=2026-03-02&to=2026-03-02&size=500&sort=-wait");
    List<Long> waits = new ArrayList<>();
    byWait.get("rows").forEach(n -> waits.add(n.get("waitSeconds").asLong()));
    List<Long> cliWaits = new ArrayList<>();
    cli.forEach(n -> cliWaits.add(n.get("waitSeconds").asLong()));
    cliWaits.sort((a, b) -> Long.compare(b, a));
    assertThat(waits).isEqualTo(cliWaits);
    assertThat(byWait.get("sort").asText()).isEqualTo("wait");
    assertThat(byWait.get("descending").asBoolean()).isTrue();

    JsonNode lost = adminJson("/api/inbound/report/lost?from=2026-03-02&to=2026-03-08&sort=cause");
    JsonNode cliLost = json.readTree(WebTestSupport.cliJson("--from", "2026-03-02", "--to", "2026-03-08",
        "--sections", "lost")).get("lost");
    assertThat(lost.get("total").asInt()).isEqualTo(cliLost.size());
  }

  @Test
  void badPagingAndSortingIs400NamingTheParameter() throws Exception {
    assertError("/api/inbound/report/answered?sort=colour", 400, "sort: 'colour' is not one of enteredAt");
    assertError("/api/inbound/report/lost?sort=talk", 400, "sort: 'talk' is not one of");
    assertError("/api/inbound/report/answered?size=100000", 400, "size: 100000 is not between 1 and 500");
    assertError("/api/inbound/report/answered?size=0", 400, "size: ");
    assertError("/api/inbound/report/answered?page=-1", 400, "page: ");
    assertError("/api/inbound/report/answered?page=two", 400, "page: 'two' is not a whole number");
    assertError("/api/inbound/report/queues", 400, "table: 'queues' is not a detail table");
  }

  @Test
  void aRecordingIsServedWholeAndInRangesAsAudio() throws Exception {
    HttpResponse<byte[]> r = admin("/api/inbound/recordings/" + REC.callId + "?day=2026-03-02");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("inline"));
    assertThat(r.body()).isEqualTo(REC.wav);
    HttpResponse<byte[]> part = admin("/api/inbound/recordings/" + REC.callId + "?day=2026-03-02", "Range",
        "bytes=0-43");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-43/" + REC.wav.length);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(REC.wav, 44));
    HttpResponse<byte[]> dl = admin("/api/inbound/recordings/" + REC.callId + "?day=2026-03-02&download=true");
    assertThat(dl.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("attachment").contains(REC.callId + ".wav"));
    assertError("/api/inbound/recordings/" + REC.callId + "?day=2026-03-03", 404, "no recording of call");
    assertError("/api/inbound/recordings/" + REC.callId + "?day=March", 400, "day: 'March'");
  }

  @Test
  void nothingOutsideTheRecordingsDirectoryIsServed() throws Exception {
    // the symlink in the day's directory leads to a file outside
    assertError("/api/inbound/recordings/" + REC.otherCallId + "?day=2026-03-02", 400, "leads out of the recordings");
    for (String path : List.of("..%2Fsecret", "..%2F..%2Fsecret.wav", "%2Fetc%2Fpasswd", "..%5Csecret",
        "%2e%2e%2fsecret", "1.2%2F..%2F..%2Fsecret", "%252e%252e%252fsecret")) {
      HttpResponse<byte[]> r = admin("/api/inbound/recordings/" + path + "?day=2026-03-02");
      String body = new String(r.body(), StandardCharsets.UTF_8);
      // refused by the firewall (400) or by the library (400 naming callId); never the secret's bytes
      assertThat(r.statusCode()).as(path + " " + body).isIn(400, 404);
      assertThat(body).as(path).doesNotContain("not a recording");
    }
    for (String path : List.of("../secret.wav", "../../secret.wav", "..;/secret.wav")) {
      HttpResponse<byte[]> r = admin("/api/inbound/recordings/" + path + "?day=2026-03-02");
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("not a recording");
    }
    // the day cannot climb either: it is a date or nothing
    assertError("/api/inbound/recordings/" + REC.callId + "?day=..%2F..%2F", 400, "day: ");
  }

  @Test
  void onlyReportRolesFetchRecordings() throws Exception {
    String path = "/api/inbound/recordings/" + REC.callId + "?day=2026-03-02";
    assertThat(get(path, "sv", WebTestSupport.SUPERVISOR_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(get(path, "op", WebTestSupport.OPERATOR_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(get("/api/inbound/report/answered", "op", WebTestSupport.OPERATOR_PASSWORD).statusCode()).isEqualTo(403);
    HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void thePageAnswers400ForABadSortKeyNamingIt() throws Exception {
    HttpResponse<byte[]> r = admin("/reports/inbound?section=answered&answeredSort=colour");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(admin("/reports/inbound?section=lost&lostPage=0").body(), StandardCharsets.UTF_8))
        .contains("lostPage: 0 is not a page number");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("answeredSort: &#39;colour&#39; is not one of");
  }

  private void assertError(String path, int status, String message) throws Exception {
    HttpResponse<byte[]> r = admin(path);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(path + " " + body).isEqualTo(status);
    assertThat(json.readTree(body).get("error").asText()).as(path).contains(message);
  }
}
