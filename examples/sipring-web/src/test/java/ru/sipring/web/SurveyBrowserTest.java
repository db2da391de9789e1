package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.core.text.SpreadsheetCell;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;

/**
 * The survey screens in headless Chromium: build a survey with a branch, see the library's validation error
 * beside the question, publish, bind to a queue, test-run it along the branch, read the results (charts,
 * cross-tab, print view, CSV) with hostile answer text kept as text; operators are refused. Screenshots go to
 * target/screenshots/survey-*.png. Needs Chromium like {@link BrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyBrowserTest {
  static final String HOSTILE = "=HYPERLINK(evil)<script>window.pwned=1</script><b>bold</b>";
  static final String HOSTILE_TEST = "<img src=x onerror=window.pwned=2>";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
  }

  @LocalServerPort
  int port;

  @Autowired
  SurveyService surveys;

  @Autowired
  ru.sipring.survey.pop.PopSurveys popSurveys;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
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

  private static void question(WebDriver d, String id, String type, String text, String next) {
    d.findElement(By.id("qid")).sendKeys(id);
    new Select(d.findElement(By.id("qtype"))).selectByValue(type);
    d.findElement(By.id("qtext")).sendKeys(text);
    new Select(d.findElement(By.id("qnext"))).selectByValue(next);
    submit(d, "add-q");
  }

  private static void option(WebDriver d, String q, String id, String label, String next) {
    new Select(d.findElement(By.id("oq"))).selectByValue(q);
    d.findElement(By.id("oid")).sendKeys(id);
    d.findElement(By.id("olabel")).sendKeys(label);
    new Select(d.findElement(By.id("onext"))).selectByValue(next);
    submit(d, "add-o");
  }

  /** The id of the question the test run shows; the page's text when there is none (so a failure says why). */
  private static String current(WebDriver d) {
    OpsBrowser.loaded(d);
    var q = d.findElements(By.id("question"));
    return q.isEmpty() ? d.findElement(By.tagName("main")).getText() : q.get(0).getAttribute("data-question");
  }

  private HttpResponse<String> get(String user, String password, String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void buildPublishBindTestRunAndReadResults() throws Exception {
    WebDriver d = browser();
    try {
      signIn(d, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/surveys"));
      d.findElement(By.id("new-id")).sendKeys("csat");
      d.findElement(By.id("new-title")).sendKeys("After-call <satisfaction>");
      submit(d, "create");
      assertThat(d.getCurrentUrl()).endsWith("/surveys/csat");
      assertThat(d.findElement(By.id("survey-title")).getText()).isEqualTo("After-call <satisfaction>");
      assertThat(d.findElement(By.id("problems-scenario")).getText()).contains("no questions");

      // a single-choice question without options: the validator's error appears beside it
      question(d, "q1", "single", "Were you satisfied?", "");
      assertThat(d.findElement(By.id("problems-q1")).getText()).contains("needs options");
      shot(d, "survey-01-validation-error");
      submit(d, "publish");
      assertThat(d.findElement(By.id("error")).getText()).contains("not valid");

      // the branch: "no" asks what went wrong, "yes" goes straight to what they liked
      question(d, "q2", "text", "What went wrong?", "");
      question(d, "q3", "multiple", "What did you like?", "");
      question(d, "q2", "text", "What went wrong?", "q3");
      option(d, "q1", "yes", "Yes", "q3");
      option(d, "q1", "no", "No", "q2");
      option(d, "q3", "speed", "Speed", "");
      option(d, "q3", "polite", "Politeness", "");
      assertThat(d.findElements(By.id("problems-q1"))).isEmpty();
      assertThat(d.findElement(By.id("valid")).isDisplayed()).isTrue();
      submit(d, "publish");
      assertThat(d.findElement(By.id("message")).getText()).contains("v1");
      assertThat(d.findElement(By.id("versions")).getText()).isEqualTo("1");
      d.findElement(By.id("queue")).sendKeys("6001");
      submit(d, "bind");
      assertThat(d.findElement(By.id("queues")).getText()).contains("6001");
      assertThat(surveys.scenarioForQueue("6001")).isPresent();
      shot(d, "survey-02-editor");

      // test run along the "no" branch
      submit(d, "test-run");
      assertThat(d.getCurrentUrl()).contains("/test");
      assertThat(current(d)).isEqualTo("q1");
      OpsBrowser.click(d, By.id("opt-no"));
      submit(d, "answer");
      assertThat(current(d)).isEqualTo("q2");
      d.findElement(By.id("text")).sendKeys(HOSTILE_TEST);
      submit(d, "answer");
      assertThat(current(d)).isEqualTo("q3");
      OpsBrowser.click(d, By.id("opt-speed"));
      submit(d, "answer");
      assertThat(d.findElement(By.id("end")).isDisplayed()).isTrue();
      assertThat(d.findElement(By.id("path")).getText()).contains("q1: No", "q2: " + HOSTILE_TEST, "q3: Speed");
      shot(d, "survey-03-test-run");

      // two real calls on queue 6001, one with a hostile answer taken on the screen pop (the starter's PopSurveys,
      // which also links it to the client card), the other started straight on the service
      SurveyRun r1 = popSurveys.start(new ru.sipring.survey.ScreenPop(new CallContext("call-1", "6001", "op1",
          "client-1"), "client-1", java.util.Optional.empty(), surveys.scenarioForQueue("6001"))).orElseThrow();
      r1.answerSingle("no");
      r1.answerText(HOSTILE);
      r1.answerMultiple(java.util.List.of("polite"));
      r1.finish();
      SurveyRun r2 = surveys.startRun(new CallContext("call-2", "6001", "op2", "client-2")).orElseThrow();
      r2.answerSingle("yes");
      r2.answerMultiple(java.util.List.of("speed", "polite"));
      r2.finish();

      d.get(url("/surveys/csat/results"));
      assertThat(d.findElement(By.id("responses")).getText()).isEqualTo("2"); // the test run is left out
      assertThat(d.findElements(By.cssSelector("#r-q1 svg"))).isNotEmpty();
      assertThat(d.findElement(By.cssSelector("#r-q2 .answer-text")).getText()).isEqualTo(HOSTILE);
      assertThat(d.findElements(By.cssSelector("#results b")).stream().map(e -> e.getText()))
          .doesNotContain("bold");
      assertThat(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.pwned")).isNull();
      new Select(d.findElement(By.id("f-row"))).selectByValue("q1");
      new Select(d.findElement(By.id("f-col"))).selectByValue("q3");
      OpsBrowser.click(d, By.id("f-tests"));
      submit(d, "show");
      assertThat(d.findElement(By.id("responses")).getText()).isEqualTo("3");
      assertThat(d.findElement(By.id("cross")).getText()).contains("Yes", "No", "Speed", "Politeness");
      shot(d, "survey-04-results");
      ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()",
          d.findElement(By.id("r-q2")));
      shot(d, "survey-04b-results-texts-and-cross-tab");

      // queue filter: no responses on another queue
      d.findElement(By.id("f-queue")).sendKeys("7001");
      OpsBrowser.click(d, By.id("f-tests"));
      submit(d, "show");
      assertThat(d.findElement(By.id("responses")).getText()).isEqualTo("0");

      d.get(url("/surveys/csat/results/print?tests=false&row=q1&col=q3"));
      assertThat(d.getPageSource()).contains("&lt;script&gt;");
      assertThat(d.findElements(By.tagName("script"))).isEmpty();
      assertThat(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.pwned")).isNull();
      shot(d, "survey-05-print");
    } finally {
      d.quit();
    }

    HttpResponse<String> csv = get("admin", WebTestSupport.ADMIN_PASSWORD, "/surveys/csat/results.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains(SpreadsheetCell.neutralise(HOSTILE)).doesNotContain(",=HYPERLINK", "\"=HYPERLINK");
  }

  @Test
  void operatorsMayNotOpenOrChangeSurveys() throws Exception {
    surveys.saveDraft(ru.sipring.survey.Scenario.of("roles", "Roles", null));
    assertThat(get("op", WebTestSupport.OPERATOR_PASSWORD, "/surveys").statusCode()).isEqualTo(403);
    assertThat(get("op", WebTestSupport.OPERATOR_PASSWORD, "/surveys/roles").statusCode()).isEqualTo(403);
    assertThat(get("op", WebTestSupport.OPERATOR_PASSWORD, "/surveys/roles/results.csv").statusCode())
        .isEqualTo(403);
    assertThat(get("op", WebTestSupport.OPERATOR_PASSWORD, "/api/surveys/roles").statusCode()).isEqualTo(403);
    assertThat(get("sv", WebTestSupport.SUPERVISOR_PASSWORD, "/surveys/roles").statusCode()).isEqualTo(200);

    WebDriver d = browser();
    try {
      signIn(d, "op", WebTestSupport.OPERATOR_PASSWORD);
      assertThat(d.findElements(By.id("nav-surveys"))).isEmpty();
      d.get(url("/surveys/roles"));
      assertThat(d.getPageSource()).contains("403");
      shot(d, "survey-06-operator-403");
      // a forged POST from the operator's own session is refused too (with its CSRF token from another page)
      d.get(url("/wallboard"));
      Object status = ((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript(
          "const done = arguments[0];"
          + "const t = document.querySelector('input[name=_csrf]');"
          + "const body = new URLSearchParams({op: 'publish'}); if (t) body.append('_csrf', t.value);"
          + "fetch('/surveys/roles/edit', {method: 'POST', body}).then(r => done(r.status));");
      assertThat(((Number) status).intValue()).isEqualTo(403);
    } finally {
      d.quit();
    }
    assertThat(surveys.latest("roles")).isEmpty();
  }
}
