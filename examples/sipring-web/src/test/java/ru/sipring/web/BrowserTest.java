package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real headless Chromium against the running panel: sign in, read the report page, compare its numbers with
 * the CLI's JSON, check what each role may not open. Screenshots go to target/screenshots. Needs
 * /usr/bin/chromium and /usr/bin/chromedriver (.ci/packages.d/web.txt): fails under CI=true without them,
 * skips with the reason otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SIPRING_TEST_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SIPRING_TEST_CHROMEDRIVER",
      "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target", "screenshots");

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
  }

  @LocalServerPort
  int port;

  @BeforeAll
  static void chromium() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String reason = "no headless browser: " + CHROMIUM + " and " + CHROMEDRIVER
          + " are needed (Debian packages chromium, chromium-driver; .ci/packages.d/web.txt)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
    Files.createDirectories(SHOTS);
  }

  private WebDriver browser(String language) {
    return OpsBrowser.open(language);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void signIn(WebDriver d, String user, String password) {
    OpsBrowser.signIn(d, port, user, password);
  }

  private static void shot(WebDriver d, String name) throws Exception {
    OpsBrowser.shot(d, name);
  }

  /** The value beside a label in the report's summary panel ("Answered:" → "123"). */
  private static String summaryValue(WebDriver d, String label) {
    for (WebElement row : d.findElements(By.cssSelector("#summary table.panel tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      if (cells.size() >= 2 && cells.get(0).getText().trim().equals(label)) {
        return cells.get(1).getText().trim();
      }
    }
    throw new AssertionError("no summary row " + label + " on " + d.getCurrentUrl());
  }

  @Test
  void adminSignsInAndTheReportPageShowsTheCliNumbers() throws Exception {
    WebDriver d = browser("en-US");
    try {
      d.get(url("/login"));
      shot(d, "01-login-en");
      signIn(d, "admin", WebTestSupport.ADMIN_PASSWORD);
      assertThat(d.getCurrentUrl()).contains("/reports/inbound");
      d.get(url("/reports/inbound?from=2026-03-02&to=2026-03-08&zone=Europe/Moscow"));
      JsonNode cli = new ObjectMapper().readTree(WebTestSupport.cliJson("--from", "2026-03-02", "--to", "2026-03-08",
          "--sections", "summary"));
      assertThat(summaryValue(d, "Answered:")).isEqualTo(cli.get("summary").get("answered").asText());
      assertThat(summaryValue(d, "Lost:")).isEqualTo(cli.get("summary").get("lost").asText());
      assertThat(summaryValue(d, "Unfinished:")).isEqualTo(cli.get("summary").get("unfinished").asText());
      assertThat(d.findElements(By.cssSelector("#summary svg"))).isNotEmpty();
      assertThat(d.findElements(By.cssSelector("#serviceLevel svg"))).isNotEmpty();
      assertThat(d.findElement(By.id("export-json")).getAttribute("href")).contains("/api/inbound/report?");
      assertThat(d.findElement(By.id("export-pdf")).getAttribute("href")).contains("/api/inbound/report.pdf?")
          .contains("answered");
      assertThat(d.findElement(By.id("export-xlsx")).getAttribute("href")).contains("/api/inbound/report.xlsx?");
      assertThat(d.getPageSource()).doesNotContain("??"); // an untranslated Thymeleaf message shows as ??key??
      shot(d, "02-report-en");

      // a queue filter from the form, the same as the CLI's --queue
      WebElement queue = d.findElement(By.name("queue"));
      queue.clear();
      queue.sendKeys("6001");
      OpsBrowser.submit(d, By.id("show"));
      assertThat(d.getCurrentUrl()).contains("queue=6001");
      JsonNode support = new ObjectMapper().readTree(WebTestSupport.cliJson("--from", "2026-03-02", "--to",
          "2026-03-08", "--sections", "summary", "--queue", "6001"));
      assertThat(summaryValue(d, "Answered:")).isEqualTo(support.get("summary").get("answered").asText());

      // Russian for this user from now on (cookie), whatever the browser asks for
      d.get(url("/reports/inbound?from=2026-03-02&to=2026-03-08&lang=ru"));
      assertThat(summaryValue(d, "Принято:")).isEqualTo(cli.get("summary").get("answered").asText());
      d.get(url("/reports/inbound?from=2026-03-02&to=2026-03-08"));
      assertThat(d.findElement(By.id("show")).getText()).isEqualTo("Показать");
      assertThat(d.getPageSource()).doesNotContain("??");
      shot(d, "03-report-ru");

      d.get(url("/admin/users"));
      assertThat(d.findElement(By.id("users")).getText()).contains("admin", "ADMIN", "op", "OPERATOR");
      shot(d, "04-users-ru");
    } finally {
      d.quit();
    }
  }

  @Test
  void operatorCannotOpenReportsOrAdminPages() throws Exception {
    WebDriver d = browser("ru-RU");
    try {
      signIn(d, "op", WebTestSupport.OPERATOR_PASSWORD);
      assertThat(d.getCurrentUrl()).contains("/wallboard");
      assertThat(d.findElements(By.linkText("Входящие звонки"))).isEmpty();
      shot(d, "05-wallboard-operator-ru");
      d.get(url("/reports/inbound"));
      assertThat(d.findElement(By.id("forbidden")).getText()).contains("403", "вашей роли эта страница недоступна");
      assertThat(d.findElements(By.id("report"))).isEmpty();
      shot(d, "06-operator-forbidden");
      d.get(url("/api/inbound/report?sections=summary"));
      assertThat(d.getPageSource()).doesNotContain("\"summary\"");
      d.get(url("/admin/users"));
      assertThat(d.findElements(By.id("users"))).isEmpty();
    } finally {
      d.quit();
    }
  }

  @Test
  void wrongPasswordStaysOnTheSignInPageWithAMessage() throws Exception {
    WebDriver d = browser("ru-RU");
    try {
      d.get(url("/login"));
      d.findElement(By.id("username")).sendKeys("sv");
      d.findElement(By.id("password")).sendKeys("not-the-password");
      OpsBrowser.submit(d, By.id("sign-in"));
      assertThat(d.getCurrentUrl()).contains("error");
      assertThat(d.findElement(By.cssSelector(".error")).getText()).startsWith("Неверное имя или пароль");
      shot(d, "07-login-failed-ru");
    } finally {
      d.quit();
    }
  }
}
