package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.spring.InboundReports;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * The wallboard against the fake Asterisk (not the demo): today's answered / lost / service level per queue are
 * the report engine's over a queue_log of today, on the page and in the JSON; when the AMI link drops (the fake
 * stops listening and closes its sessions) the page says the data is stale and since when, and the banner
 * clears once the gateway has reconnected and resynced. Screenshots: target/screenshots/09-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WallboardLiveBrowserTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  static final FakeAsterisk PBX = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(),
      QueueLogWriter.inMemory());
  static final Path QUEUE_LOG = todaysLog();

  /**
   * Queue 6000 today (in the panel's zone): answered after 5, 15, 20 and 30 s and one abandon after 12 s, so at
   * T = 20 s DESIGN.md §4 gives 3 / 5 = 60.0% (of answered 75.0%); yesterday's fast calls must not count.
   */
  static Path todaysLog() {
    LocalDate today = LocalDate.now(ZONE);
    List<String> lines = new ArrayList<>();
    long t0 = today.atStartOfDay(ZONE).toEpochSecond();
    long y0 = today.minusDays(1).atStartOfDay(ZONE).toEpochSecond();
    int[] waits = {5, 15, 20, 30};
    int n = 0;
    for (long base : new long[] {y0 + 3600, t0 + 60}) {
      for (int w : (base == t0 + 60 ? waits : new int[] {1, 1})) {
        long t = base + 120L * n++;
        String id = t + "." + n;
        lines.add(t + "|" + id + "|6000|NONE|ENTERQUEUE||7000000010" + (n % 10) + "|1");
        lines.add((t + w) + "|" + id + "|6000|PJSIP/501|CONNECT|" + w + "|" + id + "9|2");
        lines.add((t + w + 60) + "|" + id + "|6000|PJSIP/501|COMPLETECALLER|" + w + "|60|1");
      }
    }
    long t = t0 + 60 + 120L * n++;
    lines.add(t + "|" + t + "." + n + "|6000|NONE|ENTERQUEUE||70000000109|1");
    lines.add((t + 12) + "|" + t + "." + n + "|6000|NONE|ABANDON|1|1|12");
    try {
      Path f = Files.createTempFile("sipring-wallboard-", ".queue_log");
      Files.write(f, lines);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.queue-log.paths", QUEUE_LOG::toString);
    r.add("sipring.ami.host", () -> "127.0.0.1");
    r.add("sipring.ami.port", () -> String.valueOf(PBX.port()));
    r.add("sipring.ami.username", () -> "sipring");
    r.add("sipring.ami.secret", () -> "sipring-secret");
  }

  @LocalServerPort
  int port;

  @Autowired
  AmiPbxGateway gateway;

  @Autowired
  InboundReports reports;

  @BeforeAll
  static void chromiumAndQueue() throws Exception {
    BrowserTest.chromium();
    QueueEngine q = PBX.engine();
    q.createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    q.addMember("6000", "PJSIP/501", "Operator 501", 0, false, null, null, "MANAGER");
    q.addMember("6000", "PJSIP/502", "Operator 502", 0, true, "lunch", null, "MANAGER");
    q.join("6000", "70000000200", "Caller <b>x</b>");
  }

  @AfterAll
  static void stopFake() throws IOException {
    PBX.close();
    Files.deleteIfExists(QUEUE_LOG);
  }

  private JsonNode get(String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("op:" + WebTestSupport.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /** The text of an element of the board, which the event stream redraws every second (so it may go stale). */
  static String boardText(WebDriver d, String css) {
    return new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(x -> x.findElement(By.cssSelector(css)).getText());
  }

  private static void shot(WebDriver d, String name) throws IOException {
    Files.createDirectories(BrowserTest.SHOTS);
    Files.copy(((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath(), BrowserTest.SHOTS.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void todaysFiguresAreTheEnginesAndADroppedAmiLinkShowsStaleUntilItIsBack() throws Exception {
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    // the JSON: today's figures are the report's for today and queue 6000 (no arithmetic of the panel)
    LocalDate today = LocalDate.now(ZONE);
    Instant from = today.atStartOfDay(ZONE).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(ZONE).toInstant();
    InboundReport engine = reports.compute(new InboundReports.Query(from, to, ZONE,
        EnumSet.of(ReportSection.SUMMARY, ReportSection.SERVICE_LEVEL), List.of("6000"), List.of(), List.of(),
        ReportView.QUEUE, PeriodTable.PeriodUnit.DAY));
    JsonNode q = get("/api/live/queues").get(0);
    assertThat(q.get("queue").asText()).isEqualTo("6000");
    assertThat(q.get("answeredToday").asLong()).isEqualTo(engine.summary().answered()).isEqualTo(4);
    assertThat(q.get("lostToday").asLong()).isEqualTo(engine.summary().lost()).isEqualTo(1);
    assertThat(q.get("serviceLevelThresholdSeconds").asInt()).isEqualTo(20);
    assertThat(q.get("serviceLevelToday").asDouble())
        .isEqualTo(engine.serviceLevelAt(Duration.ofSeconds(20)).percent()).isCloseTo(60.0, within(1e-9));
    assertThat(q.get("serviceLevelTodayOfAnswered").asDouble()).isCloseTo(75.0, within(1e-9));
    assertThat(q.get("stale").asBoolean()).isFalse();
    assertThat(q.get("staleSince").isNull()).isTrue();
    // the existing keys are still there
    assertThat(q.has("waiting") && q.has("longestWaitSeconds") && q.has("answered") && q.has("abandoned")
        && q.has("members") && q.has("callers")).isTrue();
    assertThat(get("/api/live/status").get("stale").asBoolean()).isFalse();

    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "op", WebTestSupport.OPERATOR_PASSWORD);
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.until(x -> !x.findElements(By.cssSelector("#queue-6000 .sl-today")).isEmpty());
      assertThat(boardText(d, "#queue-6000 .answered-today")).isEqualTo("4");
      assertThat(boardText(d, "#queue-6000 .lost-today")).isEqualTo("1");
      assertThat(boardText(d, "#queue-6000 .sl-today")).isEqualTo("60.0%");
      assertThat(boardText(d, "#queue-6000 .today"))
          .contains("Today", "answered", "lost", "service level (≤ 20 s)");
      // the hostile caller name is text, not markup
      assertThat(boardText(d, "#queue-6000 table.callers")).contains("Caller <b>x</b>");
      WebElement banner = d.findElement(By.id("wall-stale"));
      assertThat(banner.isDisplayed()).isFalse();
      shot(d, "09-wallboard-today-en.png");

      // the AMI link drops: the fake stops listening and closes every session
      PBX.stop();
      wait.until(x -> x.findElement(By.id("wall-stale")).isDisplayed());
      assertThat(banner.getText()).startsWith("No connection to Asterisk since ").contains("ago");
      assertThat(d.findElement(By.id("wallboard")).getAttribute("class")).contains("is-stale");
      // the queues are still shown, as they were
      assertThat(d.findElements(By.id("queue-6000"))).hasSize(1);
      JsonNode status = get("/api/live/status");
      assertThat(status.get("stale").asBoolean()).isTrue();
      Instant since = Instant.parse(status.get("staleSince").asText());
      assertThat(banner.getText()).contains(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
          .format(since.atZone(ZONE)));
      JsonNode staleQueue = get("/api/live/queues").get(0);
      assertThat(staleQueue.get("stale").asBoolean()).isTrue();
      assertThat(staleQueue.get("staleSince").asText()).isEqualTo(status.get("staleSince").asText());
      shot(d, "09-wallboard-stale-en.png");

      // and back: the gateway reconnects with its back-off, resyncs, and the banner goes
      PBX.restart();
      wait.until(x -> !x.findElement(By.id("wall-stale")).isDisplayed());
      assertThat(d.findElement(By.id("wallboard")).getAttribute("class")).doesNotContain("is-stale");
      assertThat(get("/api/live/status").get("stale").asBoolean()).isFalse();
      assertThat(d.findElements(By.id("queue-6000"))).hasSize(1);
      shot(d, "09-wallboard-recovered-en.png");
    } finally {
      d.quit();
    }
  }
}
