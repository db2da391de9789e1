package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;

/**
 * pcsd cannot run usefully here without systemd (it asks systemctl whether pacemaker runs), so the client is
 * tested against a loopback HTTP server that replays what a real pcsd 0.11.5 answered (corpus
 * ha/live-2.1.5/pcsd-api: the transcript and the JSON bodies, read at run time).
 */
class PcsdClientTest {
  private static final String TOKEN = "953fe3d0-0000-4000-8000-000000000001";
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private URI base;
  private final List<String> requests = new ArrayList<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startReplay() throws IOException {
    String transcript = Files.readString(Corpus.file("live-2.1.5/pcsd-api/pcsd-api-transcript.txt"));
    String v1Success = response(transcript, "POST /api/v1/resource-disable/v1");
    String v2Unknown = Files.readString(Corpus.file("live-2.1.5/pcsd-api/v2-status.json"));
    ObjectNode v2Success = (ObjectNode) JSON.readTree(v2Unknown);
    // the transcript records the standby task as "FINISHED, SUCCESS, result null, reports []"
    v2Success.put("task_finish_type", "SUCCESS").putArray("reports");
    String checkAuthOk = response(transcript, "GET /remote/check_auth  (Cookie");
    String notAuthorized = response(transcript, "GET /remote/check_auth  (no cookie)");
    String v2Unauthorized = response(transcript, "POST /api/v2/task/run  (no cookie");
    String cleanupNoPacemaker = response(transcript, "POST /remote/resource_cleanup");

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      requests.add(ex.getRequestMethod() + " " + path);
      bodies.put(path, body);
      boolean authed = ("token=" + TOKEN).equals(ex.getRequestHeaders().getFirst("Cookie"));
      switch (path) {
        case "/remote/auth" -> reply(ex, 200, body.contains("password=secret") ? TOKEN : "");
        case "/remote/check_auth" -> reply(ex, authed ? 200 : 401, authed ? checkAuthOk : notAuthorized);
        case "/api/v2/task/run" -> {
          if (!authed) {
            reply(ex, 401, v2Unauthorized);
          } else {
            reply(ex, 200, body.contains("status.full_cluster_status_plaintext") ? v2Unknown : v2Success.toString());
          }
        }
        case "/remote/resource_cleanup" -> reply(ex, 200, cleanupNoPacemaker);
        case "/slow" -> {
          sleep(3000);
          reply(ex, 200, "{}");
        }
        default -> {
          if (path.startsWith("/api/v1/")) {
            reply(ex, authed ? 200 : 401, authed ? v1Success : v2Unauthorized);
          } else {
            reply(ex, 404, "not found");
          }
        }
      }
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** The response a transcript block recorded: the "-> ..." line after the request line, minus "HTTP nnn,". */
  private static String response(String transcript, String requestPrefix) {
    int at = transcript.indexOf("\n" + requestPrefix);
    assertThat(at).as("transcript has " + requestPrefix).isPositive();
    // the answer is on the request line itself ("... -> HTTP 200 {...}") or on the next "-> " line
    Matcher m = Pattern.compile("-> (?:HTTP \\d+,? )?(?:body: )?(.*)").matcher(transcript);
    assertThat(m.find(at)).isTrue();
    String r = m.group(1).trim();
    return r.startsWith("{") ? r.substring(0, r.lastIndexOf('}') + 1) : r;
  }

  private static void reply(HttpExchange ex, int code, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
    try (var out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private PcsdClient client(String token) {
    return PcsdClient.of(base, token, http, Duration.ofSeconds(5));
  }

  @Test
  void authenticationGivesATokenAndAWrongPasswordIsRefused() {
    assertThat(PcsdClient.authenticate(base, "hacluster", "secret".toCharArray(), http, Duration.ofSeconds(5)))
        .isEqualTo(TOKEN);
    assertThatThrownBy(() -> PcsdClient.authenticate(base, "hacluster", "wrong".toCharArray(), http, Duration.ofSeconds(5)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("refused the credentials of user hacluster")
        .hasMessageContaining("empty answer");
    assertThat(bodies.get("/remote/auth")).isEqualTo("username=hacluster&password=wrong");
    assertThat(client(TOKEN).checkAuth()).isTrue();
    assertThat(client("stale").checkAuth()).isFalse();
  }

  @Test
  void resourceActionsGoToApiV1WithTheToken() throws IOException {
    client(TOKEN).execute(new ClusterAction.Disable("httpd-dummy"));
    assertThat(JSON.readTree(bodies.get("/api/v1/resource-disable/v1")).toString())
        .isEqualTo("{\"resource_or_tag_ids\":[\"httpd-dummy\"]}");
    client(TOKEN).execute(new ClusterAction.Enable("httpd-dummy"));
    client(TOKEN).execute(new ClusterAction.Move("pbx", "node2"));
    assertThat(JSON.readTree(bodies.get("/api/v1/resource-move-autoclean/v1")).toString())
        .isEqualTo("{\"resource_id\":\"pbx\",\"node\":\"node2\"}");
    client(TOKEN).execute(new ClusterAction.Ban("pbx", "node1"));
    client(TOKEN).execute(new ClusterAction.Clear("pbx", null));
    assertThat(requests).containsExactly("POST /api/v1/resource-disable/v1", "POST /api/v1/resource-enable/v1",
        "POST /api/v1/resource-move-autoclean/v1", "POST /api/v1/resource-ban/v1", "POST /api/v1/resource-unmove-unban/v1");
  }

  @Test
  void nodeStandbyIsAnApiV2Task() throws IOException {
    client(TOKEN).execute(new ClusterAction.Standby("node1", true));
    assertThat(JSON.readTree(bodies.get("/api/v2/task/run")).toString()).isEqualTo("{\"command_name\":"
        + "\"node.standby_unstandby_list\",\"params\":{\"standby\":true,\"node_names\":[\"node1\"],\"wait\":false},"
        + "\"options\":{}}");
  }

  @Test
  void aFailedTaskCarriesPcsdsReport() {
    // the real COMMAND_UNKNOWN answer of pcsd, through the client's v2 path
    assertThatThrownBy(() -> client(TOKEN).v2("status.full_cluster_status_plaintext", Map.of()))
        .isInstanceOf(RejectedException.class)
        .hasMessage("pcsd status.full_cluster_status_plaintext: task FINISHED/FAIL — Unknown command "
            + "'status.full_cluster_status_plaintext'");
  }

  @Test
  void withoutAValidTokenEveryActionIsRefusedAs401() {
    assertThatThrownBy(() -> client("stale").execute(new ClusterAction.Standby("node1", true)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("not authorised (HTTP 401)");
    assertThatThrownBy(() -> client("stale").execute(new ClusterAction.Disable("x")))
        .isInstanceOf(RejectedException.class).hasMessageContaining("not authorised (HTTP 401)");
  }

  @Test
  void cleanupWithoutSystemdIsReportedAsNotDone() {
    assertThatThrownBy(() -> client(TOKEN).execute(new ClusterAction.Cleanup("asterisk", null)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("nothing was cleaned up");
    assertThat(bodies.get("/remote/resource_cleanup")).isEqualTo("resource=asterisk");
    assertThatThrownBy(() -> client(TOKEN).execute(new ClusterAction.Restart("asterisk")))
        .isInstanceOf(RejectedException.class).hasMessageContaining("pcsd has no endpoint for \"restart asterisk\"");
  }

  @Test
  void pcsdDownIsAConnectionError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PcsdClient down = PcsdClient.of(URI.create("http://127.0.0.1:" + port), TOKEN, http, Duration.ofSeconds(2));
    assertThatThrownBy(() -> down.execute(new ClusterAction.Standby("node1", true)))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("cannot be reached")
        .hasMessageContaining("is pcsd running?");
  }

  @Test
  void pcsdThatDoesNotAnswerInTimeIsAConnectionError() throws IOException {
    HttpServer hung = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hung.createContext("/", ex -> {
      sleep(3000);
      reply(ex, 200, "{}");
    });
    hung.start();
    try {
      PcsdClient c = PcsdClient.of(URI.create("http://127.0.0.1:" + hung.getAddress().getPort()), TOKEN, http,
          Duration.ofMillis(300));
      assertThatThrownBy(() -> c.execute(new ClusterAction.Standby("node1", true)))
          .isInstanceOf(ConnectionException.class).hasMessageContaining("did not answer /api/v2/task/run within 300 ms");
    } finally {
      hung.stop(0);
    }
  }
}
