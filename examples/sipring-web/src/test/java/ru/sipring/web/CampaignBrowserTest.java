package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.core.audit.AuditLog;

/**
 * The campaign admin screens end to end in headless Chromium on the demo (fake Asterisk, embedded database): an admin
 * creates a project (with a hostile name), a task and an assignment, previews and imports a CSV with bad lines and a
 * formula cell, sees every rejected line, exports the base (the formula inert), puts a number on the DNC list, sets
 * the dialer and runs it on the fake Asterisk watching its progress, pauses and stops it; the live view shows an
 * operator at work and the admin closes the hung session. Screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignBrowserTest {
  static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.web.demo", () -> "true");
    r.add("sipring.web.demo-speed", () -> "60");
    r.add("sipring.campaign.dialer-period", () -> "200ms");
    r.add("sipring.campaign.hung-after", () -> "0s");
  }

  @LocalServerPort
  int port;

  @Autowired
  AmiPbxGateway gateway;

  @Autowired
  WorkTracker work;

  @Autowired
  DemoConfiguration.Demo demo;

  @Autowired
  AuditLog audit;

  @TempDir
  Path dir;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
  }

  private WebDriver browser() {
    WebDriver d = OpsBrowser.open("en-US");
    d.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1100));
    return d;
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

  private static WebElement project(WebDriver d, String name) {
    for (WebElement li : d.findElements(By.cssSelector("#tree > li.project"))) {
      if (li.findElement(By.cssSelector(":scope > strong.name")).getText().equals(name)) {
        return li;
      }
    }
    throw new AssertionError("no project " + name + " in " + d.findElement(By.id("tree")).getText());
  }

  private static void done(WebDriverWait wait) {
    wait.until(x -> !x.findElements(By.id("flash-done")).isEmpty() || !x.findElements(By.id("flash-failure")).isEmpty());
    assertThat(wait.until(x -> x).findElements(By.id("flash-failure"))).as("no refusal").isEmpty();
  }

  private static int number(WebDriver d, String id) {
    return Integer.parseInt(d.findElement(By.id(id)).getText().trim());
  }

  @Test
  void anAdminRunsACampaignFromThePanel() throws Exception {
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    WebDriver d = browser();
    try {
      signIn(d, "admin", WebTestSupport.ADMIN_PASSWORD);
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));

      // the tree: the demo's campaign is there; a project with a hostile name, a task and an assignment are added
      d.get(url("/campaign?lang=en"));
      assertThat(d.findElement(By.id("tree")).getText()).contains("Демо: привлечение клиентов", "Поиск магазинов");
      d.findElement(By.id("project-name")).sendKeys(HOSTILE + " Проект");
      OpsBrowser.submit(d, By.id("create-project"));
      done(wait);
      WebElement p = project(d, HOSTILE + " Проект");
      assertThat(d.findElements(By.cssSelector("#tree img, #tree script"))).isEmpty();
      p.findElement(By.cssSelector("form.add-task input[name=name]")).sendKeys("Мелкий опт");
      OpsBrowser.submit(d, w -> project(w, HOSTILE + " Проект").findElement(By.cssSelector("form.add-task button")),
          "the add-task button");
      done(wait);
      project(d, HOSTILE + " Проект").findElement(By.cssSelector("li.task form.add-assignment input[name=name]"))
          .sendKeys("Обзвон магазинов");
      OpsBrowser.submit(d, w -> project(w, HOSTILE + " Проект")
          .findElement(By.cssSelector("li.task form.add-assignment button")), "the add-assignment button");
      done(wait);
      shot(d, "30-campaign-tree-en");
      OpsBrowser.submit(d, w -> project(w, HOSTILE + " Проект").findElement(By.linkText("Обзвон магазинов")),
          "the assignment's link");
      wait.until(ExpectedConditions.urlMatches(".*/campaign/assignments/\\d+$"));
      long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/", ""));
      assertThat(d.findElement(By.id("assignment-name")).getText()).isEqualTo("Обзвон магазинов");

      // import: the preview shows what was detected and a field per column, then every rejected line
      Path csv = dir.resolve("база клиентов.csv");
      Files.write(csv, ("ФИО;Телефон;Город;Примечание\n"
          + HOSTILE + ";8 (916) 000-00-01;Москва;=HYPERLINK(\"http://x\")\n"
          + "Петров;;Тверь;без номера\n"
          + "Сидоров;8 916 000 00 02;Клин;\n"
          + "Козлов;не номер;Химки;\n"
          + "Орлов;8 916 000 00 03;\"Москва;\n").getBytes(java.nio.charset.Charset.forName("windows-1251")));
      d.findElement(By.id("import-file")).sendKeys(csv.toString());
      OpsBrowser.submit(d, By.id("import-preview"));
      wait.until(x -> !x.findElements(By.id("preview")).isEmpty());
      assertThat(d.findElement(By.id("detected-encoding")).getText()).isEqualTo("windows-1251");
      assertThat(d.findElement(By.id("detected-delimiter")).getText()).isEqualTo(";");
      assertThat(d.findElement(By.id("detected-header")).getText()).isEqualTo("yes");
      assertThat(new Select(d.findElement(By.id("col-2"))).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("phone");
      assertThat(new Select(d.findElement(By.id("col-1"))).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("full_name");
      assertThat(d.findElement(By.id("preview")).getText()).contains(HOSTILE, "=HYPERLINK(\"http://x\")");
      assertThat(d.findElements(By.cssSelector("#preview img"))).isEmpty();
      new Select(d.findElement(By.id("col-3"))).selectByValue("skip"); // the city is not wanted
      new Select(d.findElement(By.id("import-duplicates"))).selectByValue("PROJECT");
      shot(d, "31-campaign-import-preview-en");
      OpsBrowser.submit(d, By.id("import-run"));
      wait.until(x -> !x.findElements(By.id("import-result")).isEmpty());
      assertThat(number(d, "imported")).isEqualTo(2);
      assertThat(number(d, "rejected-count")).isEqualTo(3);
      String rejected = d.findElement(By.id("rejected")).getText();
      assertThat(rejected).contains("3 phone: missing", "5 phone: 'не номер' is not a phone number", "6 ");
      shot(d, "32-campaign-import-result-en");

      // the base on the assignment page, and its export: the formula cell is inert text
      OpsBrowser.submit(d, By.id("to-assignment"));
      wait.until(x -> !x.findElements(By.id("base-table")).isEmpty());
      assertThat(number(d, "base-total")).isEqualTo(2);
      assertThat(d.findElement(By.id("base-table")).getText()).contains(HOSTILE, "Сидоров");
      assertThat(d.findElements(By.cssSelector("#base-table img"))).isEmpty();
      String exported = (String) ((JavascriptExecutor) d).executeAsyncScript(
          "var done = arguments[arguments.length - 1];"
              + "fetch(document.getElementById('export').href).then(function (r) { return r.text(); }).then(done);");
      assertThat(exported).contains("'=HYPERLINK(\"\"http://x\"\")").doesNotContain(";=HYPERLINK");
      assertThat(exported).doesNotContain("Москва"); // the skipped column

      // the assignment's DNC list: one client's number
      OpsBrowser.submit(d, By.id("assignment-dnc"));
      d.findElement(By.id("dnc-number")).sendKeys("8 (916) 000-00-02");
      OpsBrowser.submit(d, By.id("dnc-add-btn"));
      done(wait);
      assertThat(d.findElement(By.id("dnc-numbers")).getText()).contains("79160000002");
      assertThat(d.findElement(By.id("dnc-scope-name")).getText()).contains("Обзвон магазинов", HOSTILE);
      shot(d, "33-campaign-dnc-en");

      // the dialer: the guide's settings, started on the fake Asterisk; progress moves, then pause and stop
      d.get(url("/campaign/assignments/" + id));
      d.findElement(By.id("dialer-extension")).clear();
      d.findElement(By.id("dialer-extension")).sendKeys("520");
      d.findElement(By.id("dialer-callerid")).sendKeys("74950000000");
      d.findElement(By.id("dialer-pause")).clear();
      d.findElement(By.id("dialer-pause")).sendKeys("0");
      new Select(d.findElement(By.id("dialer-mode"))).selectByValue("FIXED");
      OpsBrowser.submit(d, By.id("dialer-save"));
      done(wait);
      assertThat(number(d, "p-remaining")).isEqualTo(1); // two clients, one on the DNC list
      // the fake Asterisk answers after 2 s: the page drawn after the start cannot know it, the polling must
      demo.pbx.onOriginate(o -> new ru.sipring.testkit.ami.FakeAsterisk.OriginateScript(4, Duration.ofSeconds(2)));
      OpsBrowser.submit(d, By.id("dialer-start"));
      done(wait);
      ((JavascriptExecutor) d).executeScript("window.sipringSamePage = true;");
      wait.until(x -> number(x, "p-placed") >= 1 && number(x, "p-answered") >= 1);
      assertThat(((JavascriptExecutor) d).executeScript("return window.sipringSamePage === true;"))
          .as("the progress came by polling, not by reloading the page").isEqualTo(true);
      wait.until(x -> number(x, "p-remaining") == 0);
      assertThat(d.findElement(By.id("p-status")).getText()).isEqualTo("running");
      shot(d, "34-campaign-dialer-running-en");
      OpsBrowser.submit(d, By.id("dialer-pause-btn"));
      done(wait);
      wait.until(x -> x.findElement(By.id("p-status")).getText().equals("paused"));
      OpsBrowser.submit(d, By.id("dialer-stop"));
      done(wait);
      wait.until(x -> x.findElement(By.id("p-status")).getText().equals("stopped"));
      assertThat(number(d, "p-placed")).isEqualTo(1);
      shot(d, "35-campaign-dialer-stopped-en");
      d.get(url("/campaign/assignments/" + id + "?lang=ru"));
      shot(d, "36-campaign-assignment-ru");
      d.get(url("/campaign/assignments/" + id + "?lang=en"));

      // operators at work: one works, one on a pause; the admin closes the first as hung
      work.start("Иванов " + HOSTILE, id);
      work.start("Петрова", id);
      work.pause("Петрова", "обед");
      d.get(url("/campaign/live"));
      String live = d.findElement(By.id("live")).getText();
      assertThat(live).contains("Иванов " + HOSTILE, "working", "Петрова", "paused: обед", "Обзвон магазинов");
      assertThat(d.findElements(By.cssSelector("#live img, #hung img"))).isEmpty();
      shot(d, "37-campaign-live-en");
      OpsBrowser.submit(d, w -> w.findElements(By.cssSelector("#hung tbody tr")).stream()
          .filter(r -> r.getText().contains("Иванов")).findFirst().orElseThrow()
          .findElement(By.cssSelector("button.close-hung")), "Иванов's close button");
      done(wait);
      assertThat(d.findElement(By.id("live")).getText()).doesNotContain("Иванов").contains("Петрова");
      assertThat(audit.recent(50)).extracting(e -> e.actor() + " " + e.action()).contains(
          "admin campaign.session.close", "admin campaign.dialer.start", "admin campaign.dnc.add",
          "admin campaign.import", "admin campaign.project.create");
      assertThat(d.getPageSource()).doesNotContain("??");
      shot(d, "38-campaign-live-closed-en");
      work.stop("Петрова");
    } finally {
      d.quit();
    }

    // an operator has no campaign link and is refused the pages
    WebDriver op = browser();
    try {
      signIn(op, "op", WebTestSupport.OPERATOR_PASSWORD);
      assertThat(op.findElements(By.id("nav-campaign"))).isEmpty();
      op.get(url("/campaign"));
      assertThat(op.findElements(By.id("tree"))).isEmpty();
    } finally {
      op.quit();
    }
  }
}
