package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.testkit.ami.AmiMessage;

/**
 * The admin's screens end to end in headless Chromium on the demo (fake Asterisk, embedded database): an operator
 * with a hostile full name is added on the registry page, put into a queue and paused from the wallboard; the AMI
 * actions reach the fake Asterisk, the wallboard shows the name and a hostile caller ID as text, the audit page lists
 * the actions, a user is added on the users page; an operator sees no action forms. Screenshots in
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentActionsBrowserTest {
  static final String HOSTILE_NAME = "<script>alert(1)</script> Петров";
  static final String HOSTILE_CALLER = "<img src=x onerror=alert(2)>";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.web.demo", () -> "true");
    r.add("sipring.web.demo-speed", () -> "60");
  }

  @LocalServerPort
  int port;

  @Autowired
  DemoConfiguration.Demo demo;

  @Autowired
  AmiPbxGateway gateway;

  @Autowired
  AuditLog audit;

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

  private AmiMessage awaitAction(String action, String memberInterface) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (AmiMessage m : demo.pbx.actionsSeen()) {
        if (action.equals(m.action()) && memberInterface.equals(m.get("Interface"))) {
          return m;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the fake Asterisk saw no " + action + " for " + memberInterface + ": "
        + demo.pbx.actionsSeen());
  }

  /** The texts of the elements matching {@code css}, read in one script (atomic against the board's redraws). */
  @SuppressWarnings("unchecked")
  private static java.util.List<String> texts(WebDriver d, String css) {
    return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent; });",
        css);
  }

  @Test
  void anAdminAddsAndPausesAnOperatorFromThePagesAndTheFakeAsteriskGetsTheAmiActions() throws Exception {
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    WebDriver d = browser();
    try {
      signIn(d, "admin", WebTestSupport.ADMIN_PASSWORD);
      // the live board is redrawn every second: an element read between two draws is stale, so waits retry
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

      // the registry page: a new operator with a hostile full name, under the service password rule
      d.get(url("/admin/operators?lang=en"));
      d.findElement(By.id("op-number")).sendKeys("777");
      d.findElement(By.id("op-name")).sendKeys(HOSTILE_NAME);
      d.findElement(By.id("op-sp")).sendKeys(DemoConfiguration.DEMO_SERVICE_PASSWORD);
      OpsBrowser.submit(d, By.id("add-operator-submit"));
      wait.until(x -> !x.findElements(By.id("flash-done")).isEmpty());
      assertThat(d.findElement(By.cssSelector("#operator-777 td.name")).getText()).isEqualTo(HOSTILE_NAME);
      assertThat(d.getPageSource()).doesNotContain("??");
      shot(d, "10-operators-en");

      // a hostile caller waits in queue 6000: the wallboard lists it as text
      demo.pbx.engine().join("6000", HOSTILE_CALLER, "<b>bold</b>");

      // the wallboard: the forms are drawn from the live state when the page loads
      d.get(url("/wallboard"));
      wait.until(x -> {
        x.navigate().refresh();
        return x.findElements(By.cssSelector("#add-queue option[value='6000']")).size() == 1
            && !x.findElements(By.cssSelector("#pause-member option")).isEmpty();
      });
      new Select(d.findElement(By.id("add-queue"))).selectByValue("6000");
      new Select(d.findElement(By.id("add-operator"))).selectByValue("777");
      d.findElement(By.id("add-interface")).sendKeys("PJSIP/777");
      OpsBrowser.submit(d, By.id("add-submit"));
      wait.until(x -> !x.findElements(By.id("flash-done")).isEmpty());
      AmiMessage add = awaitAction("queueadd", "PJSIP/777");
      assertThat(add.get("Queue")).isEqualTo("6000");
      assertThat(add.get("MemberName")).isEqualTo(HOSTILE_NAME);

      // the member appears on the live board under the registry's name, as text
      wait.until(x -> x.findElement(By.id("queue-6000")).getText().contains(HOSTILE_NAME));
      wait.until(x -> x.findElement(By.id("queue-6000")).getText().contains(HOSTILE_CALLER));
      assertThat(d.findElements(By.cssSelector("#wallboard script, #wallboard img, #wallboard b"))).isEmpty();
      assertThat(texts(d, "#queue-6000 table.members thead th")).containsExactly("Member", "State", "Calls taken");
      assertThat(texts(d, "#queue-6000 table.callers th")).containsExactly("No.", "Caller", "Waiting");

      // pause with a reason from the page: QueuePause reaches the fake Asterisk
      d.get(url("/wallboard"));
      wait.until(x -> !x.findElements(By.cssSelector("#pause-member option[value='6000|PJSIP/777']")).isEmpty());
      new Select(d.findElement(By.id("pause-member"))).selectByValue("6000|PJSIP/777");
      d.findElement(By.id("pause-reason")).sendKeys("lunch");
      OpsBrowser.submit(d, By.id("pause-submit"));
      wait.until(x -> !x.findElements(By.id("flash-done")).isEmpty());
      AmiMessage pause = awaitAction("queuepause", "PJSIP/777");
      assertThat(pause.get("Queue")).isEqualTo("6000");
      assertThat(pause.get("Paused")).isEqualToIgnoringCase("true");
      assertThat(pause.get("Reason")).isEqualTo("lunch");
      wait.until(x -> x.findElement(By.id("queue-6000")).getText().contains("(lunch)"));
      assertThat(d.getPageSource()).doesNotContain("??");
      shot(d, "11-wallboard-agents-en");

      // the audit page: who did what to whom
      d.get(url("/admin/audit"));
      String auditText = d.findElement(By.id("audit")).getText();
      assertThat(auditText).contains("agent.pause", "6000/PJSIP/777", "lunch", "agent.add", "operator.add",
          HOSTILE_NAME);
      assertThat(d.findElements(By.cssSelector("#audit script"))).isEmpty();
      assertThat(audit.recent(5)).extracting(e -> e.actor() + " " + e.action()).contains("admin agent.pause",
          "admin agent.add");
      shot(d, "12-audit-en");

      // the users page: a supervisor added through the form
      d.get(url("/admin/users"));
      d.findElement(By.id("new-name")).sendKeys("maria");
      new Select(d.findElement(By.id("new-role"))).selectByValue("SUPERVISOR");
      d.findElement(By.id("new-password")).sendKeys("Kx7-lantern-9");
      OpsBrowser.submit(d, By.id("add-user-submit"));
      wait.until(x -> !x.findElements(By.id("flash-done")).isEmpty());
      assertThat(d.findElement(By.id("user-maria")).getText()).contains("SUPERVISOR", "enabled");
      shot(d, "13-users-en");
      d.get(url("/admin/users?lang=ru"));
      shot(d, "14-users-ru");
    } finally {
      d.quit();
    }

    // the new supervisor may pause too; an operator sees the board without the forms
    WebDriver sv = browser();
    try {
      signIn(sv, "maria", "Kx7-lantern-9");
      sv.get(url("/wallboard"));
      assertThat(sv.findElements(By.id("agent-actions"))).hasSize(1);
    } finally {
      sv.quit();
    }
    WebDriver op = browser();
    try {
      signIn(op, "op", WebTestSupport.OPERATOR_PASSWORD);
      op.get(url("/wallboard"));
      assertThat(op.findElements(By.id("agent-actions"))).isEmpty();
      assertThat(op.findElements(By.cssSelector("header nav a[href='/admin/audit']"))).isEmpty();
    } finally {
      op.quit();
    }
  }
}
