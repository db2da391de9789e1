package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.spring.InboundReports;

/**
 * {@code --demo}: the panel on the fake Asterisk's simulated day. The wallboard fills from server-sent events
 * of the library's live queue state, and the report reads the queue_log the fake writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WallboardDemoTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.web.demo", () -> "true");
    r.add("sipring.web.demo-speed", () -> "120");
  }

  @LocalServerPort
  int port;

  @Autowired
  AmiPbxGateway gateway;

  @Autowired
  InboundReports reports;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
  }

  @Test
  void theWallboardShowsTheDemoQueuesLiveAndTheReportReadsTheDemoLog() throws Exception {
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    assertThat(reports.source()).startsWith("demo ");
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "op", WebTestSupport.OPERATOR_PASSWORD);
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      // both demo queues appear, with their members (agents log in at 08:00 simulated, before the live part)
      wait.until(x -> x.findElements(By.id("queue-6000")).size() == 1 && x.findElements(By.id("queue-6001")).size() == 1
          && !x.findElements(By.cssSelector("#queue-6000 table.members tbody tr")).isEmpty());
      // the board is redrawn by its script: its texts are read in one script each, never from elements found earlier
      List<String> members = OpsBrowser.texts(d, "#queue-6000 table.members tbody tr");
      assertThat(members).isNotEmpty();
      assertThat(members.get(0)).startsWith("Operator 5");
      // the numbers move: the events stream replaces the board; the same element text changes over time
      String before = OpsBrowser.text(d, "#wallboard");
      wait.until(x -> !OpsBrowser.text(x, "#wallboard").equals(before));
      assertThat(d.getPageSource()).doesNotContain("??");
      // today's figures of the demo's queue_log (the report engine's, via QueueDayFigures) on every queue
      wait.until(x -> x.findElements(By.cssSelector("#queue-6000 .sl-today")).size() == 1);
      assertThat(WallboardLiveBrowserTest.boardText(d, "#queue-6000 .sl-today")).matches("\\d{1,3}\\.\\d%");
      assertThat(WallboardLiveBrowserTest.boardText(d, "#queue-6000 .answered-today")).matches("\\d+");
      assertThat(d.findElement(By.id("wall-stale")).isDisplayed()).isFalse();
      // every member state has its label (the fake's members are free, ringing, on a call or paused)
      assertThat(OpsBrowser.text(d, "#wallboard")).doesNotContain("undefined", "null")
          .containsAnyOf("free", "on a call", "ringing", "paused");
      Files.createDirectories(BrowserTest.SHOTS);
      Files.copy(((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath(),
          BrowserTest.SHOTS.resolve("08-wallboard-demo-en.png"), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      d.quit();
    }
    assertThat(reports.compute(InboundReports.Query.all(java.time.ZoneId.systemDefault())).summary().answered()
        + reports.compute(InboundReports.Query.all(java.time.ZoneId.systemDefault())).summary().lost())
        .isPositive();
  }
}
