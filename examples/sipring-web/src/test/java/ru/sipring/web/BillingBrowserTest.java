package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.call.ClickToCall;
import ru.sipring.testkit.cdr.CdrRow;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.Eventually;

/**
 * The billing screens end to end in headless Chromium: a rate file with bad lines imported on the tariff screen
 * (every rejected line shown with its number), a version edited (a bad row refused beside the row, then stored with
 * its validity date), an operator's click-to-call answered by the fake PBX, the call ended and its CDR row written,
 * the CDR reconciliation (the starter's bean on {@code cdr}) bringing its billsec and recording, and the outbound
 * report showing the call with the cost of the version in force and a player for its recording. Hostile names stay
 * text, CSV cells stay inert. Screenshots go to target/screenshots/billing-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BillingTestSupport.FakePbx.class)
class BillingBrowserTest {
  static final String HOSTILE_NAME = "<script>window.pwned=1</script>Мобильные";
  static final String HOSTILE_OPERATOR = "<img src=x onerror=window.pwned=2>Иванов";
  static final String FORMULA = "=cmd|' /C calc'!A0";

  @TempDir
  static Path recordings;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    BillingTestSupport.properties(r, "sipring-billing-browser", recordings);
  }

  @LocalServerPort
  int port;

  @Autowired
  CampaignStore store;

  @Autowired
  ClickToCall clickToCall;

  @Autowired
  InMemoryPbxGateway pbx;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
  }

  @Test
  void importEditCallReconcileAndReport() throws Exception {
    LocalDate today = LocalDate.now(BillingTestSupport.ZONE);
    Path rates = Files.createTempFile("rates", ".csv");
    Files.writeString(rates, String.join("\n",
        "prefix,name,price_per_minute,initial_block,billing_block",
        "7916,\"" + HOSTILE_NAME + "\",1.20,60,60",
        "79x1,Плохой префикс,1.00,0,1",
        "7495,Москва,abc,0,1",
        "7903,Билайн,0.90,0,1") + "\n", StandardCharsets.UTF_8);
    WebDriver d = browser();
    try {
      signIn(d, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/billing/tariffs"));
      d.findElement(By.id("import-table")).sendKeys("Основной");
      WebElement from = d.findElement(By.id("import-valid-from"));
      from.clear();
      from.sendKeys(today.minusMonths(1).toString());
      d.findElement(By.id("import-file")).sendKeys(rates.toString());
      submit(d, "import-submit");
      assertThat(d.findElement(By.id("imported")).getText()).contains("Основной").contains("2");
      List<WebElement> rejected = d.findElements(By.cssSelector("#rejected tbody tr"));
      assertThat(rejected).hasSize(2);
      assertThat(rejected.get(0).getText()).startsWith("3 ").contains("79x1");
      assertThat(rejected.get(1).getText()).startsWith("4 ").contains("abc");
      shot(d, "billing-import");

      OpsBrowser.submit(d, By.linkText("Основной"));
      assertThat(d.findElement(By.id("rates")).getText()).contains(HOSTILE_NAME);
      assertThat(((JavascriptExecutor) d).executeScript("return window.pwned === undefined")).isEqualTo(true);
      // a new version: the mobile price doubles from today, one added row is wrong at first
      WebElement validFrom = d.findElement(By.id("edit-valid-from"));
      validFrom.clear();
      validFrom.sendKeys(today.toString());
      setRow(d, 0, "pricePerMinute", "2,40");
      setRow(d, 2, "prefix", "8800x");
      setRow(d, 2, "pricePerMinute", "-1");
      submit(d, "edit-submit");
      assertThat(d.findElement(By.id("invalid")).isDisplayed()).isTrue();
      String bad = d.findElement(By.cssSelector("#row-2 td.row-error")).getText();
      assertThat(bad).contains("prefix").contains("pricePerMinute");
      assertThat(d.findElement(By.cssSelector("#row-0 td.row-error")).getText()).isEmpty();
      // what was typed stays: the corrected price of row 0 is still there
      assertThat(d.findElement(By.cssSelector("#row-0 input[name=pricePerMinute]")).getAttribute("value"))
          .isEqualTo("2,40");
      shot(d, "billing-edit-errors");
      setRow(d, 2, "prefix", "8800");
      setRow(d, 2, "pricePerMinute", "0");
      setRow(d, 2, "name", "Бесплатные");
      submit(d, "edit-submit");
      assertThat(d.findElement(By.id("flash-done")).getText()).isNotBlank();
      assertThat(d.findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
      assertThat(d.findElement(By.cssSelector("#versions tbody tr:nth-child(2)")).getText())
          .contains(today.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))).contains("edited");
      assertThat(d.findElement(By.id("rates")).getText()).contains("8800").contains("2.40");
      shot(d, "billing-tariff");

      // the operator's call: click-to-call, the fake PBX answers, the operator finishes, the call ends 61 s later
      long task = store.campaigns().createTask(store.campaigns().createProject("Проект А").id(), "Обзвон").id();
      Assignment a = store.campaigns().createAssignment(task, "Задание 1", AssignmentSettings.defaults(BillingTestSupport.ZONE));
      store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "89160000001",
          Map.of(ContactField.FULL_NAME, FORMULA), Map.of())));
      Contact card = store.contacts().byAssignment(a.id()).get(0);
      CallAttempt open = clickToCall.call(HOSTILE_OPERATOR, "501", card.id());
      Eventually.assertWithin(Duration.ofSeconds(10), () ->
          assertThat(store.attempts().byId(open.id()).orElseThrow().uniqueId()).isNotNull());
      clickToCall.finish(open.id(), ContactStatus.DONE, FORMULA);
      CdrRow row = pbx.hangUp(open.tag(), Duration.ofSeconds(61));
      Path day = recordings.resolve(String.format("%04d/%02d/%02d", row.calldate().getYear(),
          row.calldate().getMonthValue(), row.calldate().getDayOfMonth()));
      Files.createDirectories(day);
      Files.write(day.resolve(row.recordingfile()), new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
      Eventually.assertWithin(Duration.ofSeconds(30), () -> {
        CallAttempt got = store.attempts().byId(open.id()).orElseThrow();
        assertThat(got.billsec()).isEqualTo(61);
        assertThat(got.recording()).isEqualTo(row.recordingfile());
      });

      d.get(url("/outbound/report?from=" + today + "&to=" + today));
      WebElement call = d.findElement(By.id("call-" + open.id()));
      assertThat(call.findElement(By.cssSelector("td.operator")).getText()).isEqualTo(HOSTILE_OPERATOR);
      assertThat(call.findElement(By.cssSelector("td.talk")).getText()).isEqualTo("00:01:01");
      // 61 s on 60/60 billing is two minutes at today's 2.40 (the imported 1.20 was in force until today)
      assertThat(call.findElement(By.cssSelector("td.cost")).getText()).isEqualTo("4.80");
      assertThat(call.findElements(By.cssSelector("td.rec audio"))).hasSize(1);
      assertThat(d.findElement(By.id("by-operator")).getText()).contains("4.80");
      assertThat(d.findElement(By.id("report2")).getText()).contains("4.80");
      assertThat(d.findElements(By.cssSelector("#charts svg"))).hasSize(3);
      assertThat(((JavascriptExecutor) d).executeScript("return window.pwned === undefined")).isEqualTo(true);
      shot(d, "billing-report");
      String audio = call.findElement(By.cssSelector("td.rec audio")).getAttribute("src");
      d.get(url("/outbound/report?from=" + today + "&to=" + today + "&lang=ru#calls"));
      assertThat(d.findElement(By.id("calls")).getText()).contains("Детализация").contains("4.80");
      shot(d, "billing-report-calls-ru");
      d.get(url("/outbound/report?lang=en"));
      HttpResponse<byte[]> wav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(audio))
          .header("Authorization", basic("admin", WebTestSupport.ADMIN_PASSWORD)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(wav.statusCode()).isEqualTo(200);
      assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");

      // exports through the library's renderers; the CSV keeps the hostile client and note inert
      String csv = get("/api/outbound/report.csv?from=" + today + "&to=" + today).body();
      assertThat(csv).contains("\"'" + FORMULA.replace("\"", "\"\"") + "\"").doesNotContain(";\"" + FORMULA);
      assertThat(csv).contains("\"4.80\"");
      HttpResponse<String> pdf = get("/api/outbound/report.pdf?from=" + today + "&to=" + today);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.body()).startsWith("%PDF");
      HttpResponse<String> xlsx = get("/api/outbound/report.xlsx?from=" + today + "&to=" + today);
      assertThat(xlsx.statusCode()).isEqualTo(200);
      assertThat(xlsx.body()).startsWith("PK");
      d.get(url("/api/outbound/report.html?from=" + today + "&to=" + today));
      assertThat(d.findElement(By.tagName("body")).getText()).contains("Отчет 2").contains(HOSTILE_OPERATOR);
      assertThat(((JavascriptExecutor) d).executeScript("return window.pwned === undefined")).isEqualTo(true);
      shot(d, "billing-print");

      // a supervisor reads the report and the rate tables but is offered no import or edit
      d.get(url("/logout"));
      d.manage().deleteAllCookies();
      signIn(d, "sv", WebTestSupport.SUPERVISOR_PASSWORD);
      d.get(url("/billing/tariffs"));
      assertThat(d.findElements(By.id("import"))).isEmpty();
      OpsBrowser.submit(d, By.linkText("Основной"));
      assertThat(d.findElements(By.id("edit"))).isEmpty();
      d.get(url("/outbound/report?from=" + today + "&to=" + today));
      assertThat(d.findElement(By.id("call-" + open.id())).getText()).contains("4.80");
      shot(d, "billing-report-supervisor");
    } finally {
      d.quit();
    }
  }

  private static void setRow(WebDriver d, int row, String field, String value) {
    WebElement e = d.findElement(By.cssSelector("#row-" + row + " input[name=" + field + "]"));
    e.clear();
    e.sendKeys(value);
  }

  private WebDriver browser() {
    return OpsBrowser.open("en-US");
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

  private static void submit(WebDriver d, String buttonId) {
    OpsBrowser.submit(d, By.id(buttonId));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", basic("admin", WebTestSupport.ADMIN_PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
  }
}
