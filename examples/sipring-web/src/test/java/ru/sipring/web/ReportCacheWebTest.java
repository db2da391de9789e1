package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.spring.InboundReports;

/**
 * The report page, its paging and sorting links, the detail API and the exports share the starter's kept report
 * of one query (computations counted by an {@link InboundReports.Listener}, never timed), and a line Asterisk
 * appends to the queue_log shows at the next request. Over a copy of examples/data so the test may append.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportCacheWebTest {
  static final Path LOG = copyOfTheSampleLog();
  static final AtomicInteger COMPUTED = new AtomicInteger();

  private static Path copyOfTheSampleLog() {
    try {
      Path dir = Files.createTempDirectory("sipring-report-cache-web-");
      dir.toFile().deleteOnExit();
      Path log = Files.copy(WebTestSupport.DATA.resolve("queue_log"), dir.resolve("queue_log"));
      log.toFile().deleteOnExit();
      return log;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.queue-log.paths", LOG::toString);
  }

  @TestConfiguration
  static class Counting {
    @Bean
    InboundReports.Listener countingComputations() {
      return (took, failed) -> COMPUTED.incrementAndGet();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  InboundReports reports;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r;
  }

  private HttpResponse<String> admin(String path) throws Exception {
    return get(path, "admin", WebTestSupport.ADMIN_PASSWORD);
  }

  private int answeredTotal() throws Exception {
    return new ObjectMapper().readTree(admin("/api/inbound/report/answered?from=2026-03-07&size=5").body())
        .get("total").asInt();
  }

  @Test
  void pagesSortsTheDetailApiAndRolesShareOneComputationAndAnAppendedCallShowsNext() throws Exception {
    // the page's answered table and the detail API ask the same query: sections {answered}, from 03-07, no end
    String page = "/reports/inbound?from=2026-03-07&section=answered";
    int before = COMPUTED.get();
    admin(page);
    int total = answeredTotal();
    assertThat(total).isPositive();
    admin(page + "&answeredPage=2");
    admin(page + "&answeredSort=-wait&answeredPage=3");
    admin("/api/inbound/report/answered?from=2026-03-07&size=50&sort=talk&page=2");
    String asAdmin = admin("/api/inbound/report.csv?from=2026-03-07&section=answered").body();
    // a supervisor sees the same report: served from the same entry, the same bytes
    String asSupervisor = get("/api/inbound/report.csv?from=2026-03-07&section=answered", "sv",
        WebTestSupport.SUPERVISOR_PASSWORD).body();
    assertThat(asSupervisor).isEqualTo(asAdmin);
    assertThat(COMPUTED.get() - before).as("one computation for every page, sort, export and role").isEqualTo(1);

    // Asterisk appends a call answered after the data's last line
    long t = 1_772_980_000L;
    String id = t + ".9001";
    Files.write(LOG, List.of(t + "|" + id + "|6000|NONE|ENTERQUEUE||70009990001|1",
        (t + 4) + "|" + id + "|6000|Local/501@from-queue/n|CONNECT|4|" + id + "1|2",
        (t + 94) + "|" + id + "|6000|Local/501@from-queue/n|COMPLETECALLER|4|90|1"),
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThat(answeredTotal()).isEqualTo(total + 1);
    assertThat(admin(page + "&answeredSort=-enteredAt").body()).contains("70009990001");
    assertThat(COMPUTED.get() - before).isEqualTo(2);
    assertThat(reports.cachedReports()).isPositive();
  }
}
