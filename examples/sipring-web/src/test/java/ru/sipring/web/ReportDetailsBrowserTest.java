package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Headless Chromium on the report page's paged, sortable detail tables and a call's recording: the rows of each
 * page and sort equal the API's JSON for the same request; the recording's {@code <audio>} loads (metadata,
 * duration of the generated one-second WAV) and plays; the download link saves the file. Screenshots in
 * target/screenshots/details-*.png. Same browser rules as {@link BrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportDetailsBrowserTest {
  static final RecordingFixture REC = RecordingFixture.create();
  static final String WINDOW = "from=2026-03-02&to=2026-03-02&zone=Europe/Moscow";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.recordings.directory", REC.root::toString);
  }

  @LocalServerPort
  int port;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
  }

  private WebDriver browser(String language, Path downloads) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(BrowserTest.CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000", "--lang=" + language, "--autoplay-policy=no-user-gesture-required",
        "--mute-audio");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", language);
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    o.setExperimentalOption("prefs", prefs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(BrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    WebDriver d = new ChromeDriver(service, o);
    d.manage().window().setSize(new Dimension(1400, 1000));
    return d;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void signIn(WebDriver d) {
    OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
  }

  private static void shot(WebDriver d, String name) throws Exception {
    OpsBrowser.shot(d, name);
  }

  private JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
            + WebTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /** The call ids of a table's rows on the page, top to bottom. */
  private static List<String> pageCalls(WebDriver d, String table) {
    List<String> ids = new ArrayList<>();
    for (WebElement tr : d.findElements(By.cssSelector("#" + table + " table.detail-table tbody tr"))) {
      ids.add(tr.getAttribute("data-call"));
    }
    return ids;
  }

  private static List<String> apiCalls(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("rows").forEach(n -> ids.add(n.get("callId").asText()));
    return ids;
  }

  private static void clickAndWait(WebDriver d, By link, String urlPart) {
    OpsBrowser.submit(d, link);
    assertThat(d.getCurrentUrl()).contains(urlPart);
  }

  @Test
  void pagingAndSortingAgreeWithTheApi() throws Exception {
    WebDriver d = browser("en-US", Files.createTempDirectory("sipring-dl"));
    try {
      signIn(d);
      d.get(url("/reports/inbound?" + WINDOW + "&section=summary&section=answered&section=lost&size=10"));
      JsonNode first = api("/api/inbound/report/answered?" + WINDOW + "&size=10");
      assertThat(pageCalls(d, "answered")).hasSize(10).isEqualTo(apiCalls(first));
      assertThat(d.findElement(By.cssSelector("#answered-pager .where")).getText())
          .isEqualTo("Page 1 of " + first.get("pages").asInt() + ", " + first.get("total").asInt() + " rows");
      // the cells are the library's: the wait column of the first row shows the API's seconds as H:MM:SS
      long wait = first.get("rows").get(0).get("waitSeconds").asLong();
      List<WebElement> headers = d.findElements(By.cssSelector("#answered thead th"));
      int waitColumn = -1;
      for (int i = 0; i < headers.size(); i++) {
        if (headers.get(i).getText().startsWith("Wait")) {
          waitColumn = i;
        }
      }
      assertThat(waitColumn).isPositive();
      assertThat(d.findElements(By.cssSelector("#answered tbody tr:first-child td")).get(waitColumn).getText())
          .isEqualTo(String.format("%02d:%02d:%02d", wait / 3600, wait / 60 % 60, wait % 60));
      assertThat(d.findElements(By.cssSelector("#summary svg"))).isNotEmpty();
      assertThat(d.getPageSource()).doesNotContain("??");
      shot(d, "details-01-answered-en");

      clickAndWait(d, By.cssSelector("#answered a.sort[data-sort='wait']"), "answeredSort=wait");
      assertThat(pageCalls(d, "answered")).isEqualTo(apiCalls(api("/api/inbound/report/answered?" + WINDOW
          + "&size=10&sort=wait")));
      clickAndWait(d, By.cssSelector("#answered a.sort[data-sort='wait']"), "answeredSort=-wait");
      JsonNode byWait = api("/api/inbound/report/answered?" + WINDOW + "&size=10&sort=-wait");
      assertThat(pageCalls(d, "answered")).isEqualTo(apiCalls(byWait));
      assertThat(d.findElement(By.cssSelector("#answered thead .arrow")).getText()).isEqualTo("▼");
      shot(d, "details-02-answered-by-wait-desc");

      clickAndWait(d, By.cssSelector("#answered-pager a.next"), "answeredPage=2");
      assertThat(pageCalls(d, "answered")).isEqualTo(apiCalls(api("/api/inbound/report/answered?" + WINDOW
          + "&size=10&sort=-wait&page=2")));
      assertThat(d.findElement(By.cssSelector("#answered-pager .where")).getText()).startsWith("Page 2 of ");

      // the lost table pages on its own; the answered table keeps its sort and page
      clickAndWait(d, By.cssSelector("#lost a.sort[data-sort='cause']"), "lostSort=cause");
      assertThat(d.getCurrentUrl()).contains("answeredSort=-wait", "answeredPage=2");
      assertThat(pageCalls(d, "lost")).isEqualTo(apiCalls(api("/api/inbound/report/lost?" + WINDOW
          + "&size=10&sort=cause")));
      assertThat(pageCalls(d, "answered")).isEqualTo(apiCalls(api("/api/inbound/report/answered?" + WINDOW
          + "&size=10&sort=-wait&page=2")));
      // lost calls were never answered: no recording column
      assertThat(d.findElements(By.cssSelector("#lost audio"))).isEmpty();
      shot(d, "details-03-lost-by-cause");

      d.get(url("/reports/inbound?" + WINDOW + "&section=answered&answeredSort=colour"));
      assertThat(d.findElement(By.id("error")).getText()).startsWith("answeredSort: 'colour' is not one of enteredAt");
      shot(d, "details-04-bad-sort-key");
    } finally {
      d.quit();
    }
  }

  @Test
  void aCallsRecordingPlaysInThePageAndDownloads() throws Exception {
    Path downloads = Files.createTempDirectory("sipring-dl");
    WebDriver d = browser("ru-RU", downloads);
    try {
      signIn(d);
      d.get(url("/reports/inbound?" + WINDOW + "&section=answered&size=10"));
      WebElement audio = d.findElement(By.cssSelector("#answered tr[data-call='" + REC.callId + "'] audio"));
      JavascriptExecutor js = (JavascriptExecutor) d;
      js.executeScript("arguments[0].preload = 'auto'; arguments[0].load();", audio);
      new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> ((Number) js.executeScript(
          "return arguments[0].readyState;", audio)).intValue() >= 1);
      double duration = ((Number) js.executeScript("return arguments[0].duration;", audio)).doubleValue();
      assertThat(duration).isBetween(0.9, 1.1); // the generated WAV is one second long
      js.executeScript("arguments[0].play();", audio);
      new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> ((Number) js.executeScript(
          "return arguments[0].currentTime;", audio)).doubleValue() > 0);
      assertThat(js.executeScript("return arguments[0].error;", audio)).isNull();
      assertThat(d.findElement(By.cssSelector("#answered thead")).getText()).contains("Запись");
      // only the call with a file has a player: the one whose file leads out of the directory and the calls
      // never recorded say so instead
      assertThat(d.findElements(By.cssSelector("#answered audio"))).hasSize(1);
      assertThat(d.findElements(By.cssSelector("#answered a.download"))).hasSize(1);
      assertThat(d.findElements(By.cssSelector("#answered tr[data-call='" + REC.otherCallId + "'] audio"))).isEmpty();
      assertThat(d.findElement(By.cssSelector("#answered tr[data-call='" + REC.otherCallId + "'] .no-recording"))
          .getText()).isEqualTo("нет записи");
      assertThat(d.findElements(By.cssSelector("#answered tbody tr"))).hasSize(10);
      assertThat(d.findElements(By.cssSelector("#answered .no-recording"))).hasSize(9);
      shot(d, "details-05-recording-plays-ru");

      OpsBrowser.click(d, By.cssSelector("#answered tr[data-call='" + REC.callId + "'] a.download"));
      Path saved = downloads.resolve("q-6000-100-20260302-091500-" + REC.callId + ".wav");
      new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> Files.exists(saved));
      new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> {
        try {
          return Files.size(saved) == REC.wav.length;
        } catch (java.io.IOException e) {
          return false;
        }
      });
      assertThat(saved).hasBinaryContent(REC.wav);
    } finally {
      d.quit();
    }
  }
}
