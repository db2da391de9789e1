package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopResponse;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.cdr.CdrRow;
import ru.sipring.testkit.cdr.JdbcCdrSink;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * The whole outbound chain in one flow, in headless Chromium on the fake Asterisk of sipring-testkit: an admin
 * imports a rate table; the operator signs in, starts work on the assignment and clicks to call a client; the fake
 * PBX answers, the call ends after 61 s and the fake writes its FreePBX {@code cdr} row; the starter's CDR
 * reconciliation brings billsec and the recording; the operator sets the outcome and a note; a supervisor (a second
 * browser) sees the operator at work, then the call with its talk time, cost and recording on the outbound report;
 * a queue call put through to the operator pops the card and the queue's survey, the operator answers it and the
 * supervisor reads the answer on the survey's results page. On MariaDB when SIPRING_TEST_JDBC_URL is set (a private
 * database, dropped after), else on an embedded database; under CI=true a missing MariaDB fails.
 * Screenshots in target/screenshots/e2e-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OutboundEndToEndBrowserTest.DropDatabase.class)
@DirtiesContext
class OutboundEndToEndBrowserTest {
  static final String JDBC_ENV = "SIPRING_TEST_JDBC_URL";
  /*
   * The fake on the real clock (not the demo's, whose simulated day runs ahead): the CDR reconciliation matches the
   * attempt to the cdr row within a window of wall-clock time.
   */
  static final FakeAsterisk PBX = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(),
      QueueLogWriter.inMemory());
  static @Nullable TestDatabase privateDb;

  @TempDir
  static Path recordings;

  static boolean onMariaDb() {
    String url = System.getenv(JDBC_ENV);
    return url != null && !url.isBlank();
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.web.workspace.operators.op", () -> "777");
    r.add("sipring.ami.host", () -> "127.0.0.1");
    r.add("sipring.ami.port", () -> String.valueOf(PBX.port()));
    r.add("sipring.ami.username", () -> "sipring");
    r.add("sipring.ami.secret", () -> "sipring-secret");
    if (onMariaDb()) {
      if (privateDb == null) {
        privateDb = TestDatabase.create("web_e2e");
      }
      TestDatabase db = privateDb;
      r.add("sipring.database.url", db::jdbcUrl);
      r.add("sipring.database.username", TestDatabase::user);
      r.add("sipring.database.password", TestDatabase::password);
    } else {
      r.add("sipring.database.url", () -> "jdbc:h2:mem:sipring-e2e;DB_CLOSE_DELAY=-1;MODE=MariaDB"
          + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE");
      r.add("sipring.database.username", () -> "sa");
    }
    r.add("sipring.database.migrate", () -> "true");
    r.add("sipring.campaign.cdr.table", () -> "cdr");
    r.add("sipring.campaign.cdr.period", () -> "200ms");
    r.add("sipring.recordings.directory", recordings::toString);
  }

  /** Drops the private MariaDB database when the context closes (after this class: @DirtiesContext). */
  @TestConfiguration(proxyBeanMethods = false)
  static class DropDatabase {
    @Bean
    AutoCloseable e2eDatabaseDrop() {
      return () -> {
        TestDatabase db = privateDb;
        privateDb = null;
        if (db != null) {
          db.close();
        }
        PBX.close();
      };
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  AmiPbxGateway gateway;

  @Autowired
  CampaignStore store;

  @Autowired
  SurveyService surveys;

  @Autowired
  PopResponseRepository popLinks;

  @Autowired
  DataSource dataSource;

  @BeforeAll
  static void chromiumAndDatabase() throws Exception {
    BrowserTest.chromium();
    String url = System.getenv(JDBC_ENV);
    if ((url == null || url.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + JDBC_ENV + " is not set: the end-to-end test runs on the test MariaDB in CI "
          + "(source .ci/services.d/10-mariadb.sh)");
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static List<String> rowNames(WebDriver d, String table) {
    return OpsBrowser.texts(d, "#" + table + " tbody tr td:first-child");
  }

  private Contact cardNamed(long assignment, String name) {
    return store.contacts().byAssignment(assignment).stream()
        .filter(c -> name.equals(c.get(ContactField.FULL_NAME))).findFirst()
        .orElseThrow(() -> new AssertionError("no card " + name));
  }

  /** FreePBX's cdr table in the panel's database (H2 takes the columns but not MariaDB's keys and options). */
  private void createCdrTable(boolean mariaDb) throws Exception {
    String ddl = mariaDb ? CdrTables.FREEPBX_DDL
        : CdrTables.FREEPBX_DDL.replaceAll(",\\s*KEY calldate[\\s\\S]*?\\(191\\)\\)", "")
            .replaceAll("\\) ENGINE[^\\n]*$", ")");
    try (var c = dataSource.getConnection(); var st = c.createStatement()) {
      st.execute(String.format(ddl, "cdr"));
    }
  }

  @Test
  void anOutboundCallFromTheWorkspaceToTheReportAndAQueueSurveyToItsResults() throws Exception {
    boolean mariaDb = onMariaDb();
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getURL()).as("the database the panel uses")
          .startsWith(mariaDb ? "jdbc:mariadb:" : "jdbc:h2:");
    }
    createCdrTable(mariaDb);
    PBX.writingCdr(JdbcCdrSink.of(dataSource, "cdr"), BillingTestSupport.ZONE, true);
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    long assignment = WorkspaceFixture.seed(store, "Задание E2E");
    WorkspaceFixture.survey(surveys);
    WorkspaceFixture.queue(PBX.engine());
    PBX.onOriginate(o -> FakeAsterisk.OriginateScript.answered(Duration.ofMillis(50)));
    LocalDate today = LocalDate.now(BillingTestSupport.ZONE);

    // the admin imports a rate table on the tariff page: mobiles 1.20 a minute, billed by whole minutes
    Path rates = Files.createTempFile("e2e-rates", ".csv");
    Files.writeString(rates, "prefix,name,price_per_minute,initial_block,billing_block\n"
        + "7916,Мобильные,1.20,60,60\n", StandardCharsets.UTF_8);
    WebDriver admin = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(admin, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      admin.get(url("/billing/tariffs"));
      admin.findElement(By.id("import-table")).sendKeys("Основной");
      WebElement from = admin.findElement(By.id("import-valid-from"));
      from.clear();
      from.sendKeys(today.minusMonths(1).toString());
      admin.findElement(By.id("import-file")).sendKeys(rates.toString());
      assertThat(OpsBrowser.submitAndRead(admin, By.id("import-submit"), By.id("imported")))
          .contains("Основной").contains("1");
      OpsBrowser.shot(admin, "e2e-1-rates-imported");
    } finally {
      admin.quit();
    }

    WebDriver d = OpsBrowser.open("ru-RU");
    WebDriver sv = OpsBrowser.open("en-US");
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      OpsBrowser.signIn(d, port, "op", WebTestSupport.OPERATOR_PASSWORD);
      d.get(url("/workspace"));
      wait.until(x -> "true".equals(x.findElement(By.id("workspace")).getAttribute("data-ready")));
      wait.until(x -> "connected".equals(x.findElement(By.id("workspace")).getAttribute("data-pops")));
      new Select(d.findElement(By.id("ws-assignment"))).selectByValue(String.valueOf(assignment));
      OpsBrowser.click(d, By.id("ws-start"));
      wait.until(x -> x.findElement(By.id("ws-working")).isDisplayed());

      // click to call: the fake Asterisk answers
      Contact client = cardNamed(assignment, "Клиент 02");
      d.findElement(By.id("ws-q")).sendKeys("Клиент 02");
      OpsBrowser.click(d, By.id("ws-search"));
      wait.until(x -> rowNames(x, "ws-cards").get(0).equals("Клиент 02"));
      OpsBrowser.click(d, By.cssSelector("#ws-cards tbody tr"));
      wait.until(x -> "Клиент 02".equals(x.findElement(By.id("card-f-full_name")).getAttribute("value")));
      OpsBrowser.click(d, By.id("card-call"));
      wait.until(x -> x.findElement(By.id("call-state")).getText().equals("Отвечен"));
      OpsBrowser.shot(d, "e2e-2-call-answered");
      CallAttempt open = store.attempts().byContact(client.id()).get(0);
      wait.until(x -> store.attempts().byId(open.id()).orElseThrow().uniqueId() != null);
      String uniqueId = store.attempts().byId(open.id()).orElseThrow().uniqueId();

      // the call ends after 61 s of talk and the fake writes its cdr row (naming the recording, placed where the
      // panel serves recordings from)
      CdrRow row = PBX.hangUp(uniqueId, Duration.ofSeconds(61));
      Path day = recordings.resolve(String.format("%04d/%02d/%02d", row.calldate().getYear(),
          row.calldate().getMonthValue(), row.calldate().getDayOfMonth()));
      Files.createDirectories(day);
      Files.write(day.resolve(row.recordingfile()), new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});

      // the operator sets the outcome and a note (the attempt ends then: the reconciliation skips calls in progress)
      new Select(d.findElement(By.id("call-status"))).selectByValue("DONE");
      d.findElement(By.id("call-note")).sendKeys("договорились о встрече");
      OpsBrowser.click(d, By.id("call-finish"));
      wait.until(x -> x.findElement(By.id("call-state")).getText().equals("Сохранено: Выполнено"));

      // the starter's CDR reconciliation brings billsec and the recording from the cdr row
      wait.until(x -> store.attempts().byId(open.id()).orElseThrow().billsec() != 0);
      CallAttempt finished = store.attempts().byId(open.id()).orElseThrow();
      assertThat(finished.billsec()).isEqualTo(61L);
      assertThat(finished.recording()).isEqualTo(row.recordingfile());
      assertThat(finished.operator()).isEqualTo("777");
      assertThat(finished.note()).isEqualTo("договорились о встрече");
      assertThat(store.contacts().byId(client.id()).orElseThrow().status()).isEqualTo(ContactStatus.DONE);
      OpsBrowser.shot(d, "e2e-3-call-finished");

      // the supervisor sees the operator at work on the campaign, then the call on the outbound report
      OpsBrowser.signIn(sv, port, "sv", WebTestSupport.SUPERVISOR_PASSWORD);
      sv.get(url("/campaign/live?lang=en"));
      WebElement working = sv.findElements(By.cssSelector("#live tbody tr")).stream()
          .filter(tr -> tr.findElement(By.cssSelector("td.operator")).getText().equals("777")).findFirst()
          .orElseThrow(() -> new AssertionError("777 not at work: " + sv.findElement(By.tagName("body")).getText()));
      assertThat(working.getText()).contains("Задание E2E", "working");
      OpsBrowser.shot(sv, "e2e-4-operators-at-work");
      sv.get(url("/outbound/report?from=" + today + "&to=" + today + "&lang=en"));
      WebElement call = sv.findElement(By.id("call-" + open.id()));
      assertThat(call.findElement(By.cssSelector("td.operator")).getText()).isEqualTo("777");
      assertThat(call.findElement(By.cssSelector("td.talk")).getText()).isEqualTo("00:01:01");
      // 61 s on 60/60 billing: two minutes at 1.20
      assertThat(call.findElement(By.cssSelector("td.cost")).getText()).isEqualTo("2.40");
      assertThat(call.findElements(By.cssSelector("td.rec audio"))).hasSize(1);
      OpsBrowser.shot(sv, "e2e-5-outbound-report");

      // a queue call put through to the operator pops the card and the queue's survey; the operator answers it
      Contact caller = cardNamed(assignment, "Звонящий Клиент");
      String callId = WorkspaceFixture.connect(PBX.engine(), WorkspaceFixture.POP_CALLER, "Caller");
      wait.until(x -> x.findElement(By.id("ws-pop")).isDisplayed());
      wait.until(x -> x.findElement(By.id("pop-card-name")).getText().equals("Звонящий Клиент"));
      wait.until(x -> x.findElement(By.id("survey-question")).getText().equals("Довольны ли вы обслуживанием?"));
      ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()",
          d.findElement(By.id("ws-pop")));
      OpsBrowser.shot(d, "e2e-6-screen-pop");
      OpsBrowser.click(d, By.id("survey-option-yes"));
      OpsBrowser.click(d, By.id("survey-answer"));
      wait.until(x -> x.findElement(By.id("survey-question")).getText().equals("Комментарий"));
      d.findElement(By.id("survey-text")).sendKeys("звонок по акции");
      OpsBrowser.click(d, By.id("survey-answer"));
      wait.until(x -> x.findElement(By.id("survey-done")).isDisplayed());
      List<PopResponse> links = popLinks.forCall(callId);
      assertThat(links).singleElement().satisfies(l -> {
        assertThat(l.operator()).isEqualTo("777");
        assertThat(l.clientCardId()).isEqualTo(String.valueOf(caller.id()));
      });
      SurveyResponse response = surveys.responses().find(links.get(0).responseId()).orElseThrow();
      assertThat(response.completed()).isTrue();
      PBX.engine().complete(callId, false);

      // the answer on the survey's results page
      sv.get(url("/surveys/ws-survey/results?lang=en"));
      assertThat(sv.findElement(By.id("responses")).getText()).isEqualTo("1");
      assertThat(sv.findElement(By.id("completed")).getText()).isEqualTo("1");
      assertThat(sv.findElement(By.id("r-q1")).getText()).contains("Да");
      assertThat(sv.findElement(By.cssSelector("#r-q2 .answer-text")).getText()).isEqualTo("звонок по акции");
      OpsBrowser.shot(sv, "e2e-7-survey-results");

      OpsBrowser.click(d, By.id("ws-stop"));
      wait.until(x -> x.findElement(By.id("ws-idle")).isDisplayed());
    } catch (Throwable e) {
      OpsBrowser.shot(d, "e2e-9-failure-operator");
      OpsBrowser.shot(sv, "e2e-9-failure-supervisor");
      throw e;
    } finally {
      d.quit();
      sv.quit();
    }
  }
}
