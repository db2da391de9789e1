package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
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
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopResponse;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.testkit.ami.FakeAsterisk;

/**
 * The operator workspace end to end in headless Chromium on the demo (fake Asterisk, embedded database): an
 * operator signs in, starts work, pauses with a reason and resumes (the timers tick), searches and pages the client
 * list, opens a card with hostile fields (shown inert), edits it, adds and deletes a card, calls a client through
 * the fake Asterisk (answered), sets the outcome and a note, calls another that is busy and finds it under "return
 * to unanswered"; then a queue call put through to the operator's interface pops the card and the queue's survey in
 * the open page, and the answers are stored with the call, the operator and the card. Screenshots in
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceBrowserTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WorkspaceFixture.properties(r);
  }

  @LocalServerPort
  int port;

  @Autowired
  DemoConfiguration.Demo demo;

  @Autowired
  AmiPbxGateway gateway;

  @Autowired
  CampaignStore store;

  @Autowired
  WorkTracker work;

  @Autowired
  SurveyService surveys;

  @Autowired
  PopResponseRepository popLinks;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static Object js(WebDriver d, String script, Object... args) {
    return ((JavascriptExecutor) d).executeScript(script, args);
  }

  private static List<String> rowNames(WebDriver d, String table) {
    return OpsBrowser.texts(d, "#" + table + " tbody tr td:first-child");
  }

  private Contact cardNamed(long assignment, String name) {
    return store.contacts().byAssignment(assignment).stream()
        .filter(c -> name.equals(c.get(ContactField.FULL_NAME))).findFirst()
        .orElseThrow(() -> new AssertionError("no card " + name));
  }

  private static void noAlert(WebDriver d) {
    try {
      Alert a = d.switchTo().alert();
      throw new AssertionError("an alert opened: " + a.getText());
    } catch (NoAlertPresentException expected) {
      // the hostile text stayed text
    }
  }

  @Test
  void anOperatorWorksTheAssignmentCallsClientsAndAnswersTheScreenPopSurvey() throws Exception {
    assertThat(gateway.awaitConnected(Duration.ofSeconds(20))).isTrue();
    long assignment = WorkspaceFixture.seed(store, "Задание WS");
    WorkspaceFixture.survey(surveys);
    WorkspaceFixture.queue(demo.pbx.engine());
    demo.pbx.onOriginate(o -> FakeAsterisk.OriginateScript.answered(Duration.ofMillis(50)));

    WebDriver d = OpsBrowser.open("ru-RU");
    try {
      OpsBrowser.signIn(d, port, "op", WebTestSupport.OPERATOR_PASSWORD);
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
      assertThat(d.findElement(By.id("nav-workspace")).getText()).isEqualTo("Рабочее место");
      d.get(url("/workspace"));
      wait.until(x -> "true".equals(x.findElement(By.id("workspace")).getAttribute("data-ready")));
      wait.until(x -> "connected".equals(x.findElement(By.id("workspace")).getAttribute("data-pops")));
      assertThat(d.findElement(By.id("ws-me")).getText()).contains("777");

      // start work on the assignment: the work timer ticks from the server's start instant
      new Select(d.findElement(By.id("ws-assignment"))).selectByValue(String.valueOf(assignment));
      OpsBrowser.click(d, By.id("ws-start"));
      wait.until(x -> x.findElement(By.id("ws-working")).isDisplayed());
      assertThat(d.findElement(By.id("ws-current-assignment")).getText())
          .isEqualTo("Проект Задание WS / Обзвон / Задание WS");
      String first = d.findElement(By.id("ws-work-timer")).getText();
      wait.until(x -> !x.findElement(By.id("ws-work-timer")).getText().equals(first));
      assertThat(work.current("777")).get().extracting(WorkSession::assignmentId).isEqualTo(assignment);

      // pause with a reason, the pause timer ticks, then resume
      d.findElement(By.id("ws-pause-reason")).sendKeys("обед");
      OpsBrowser.click(d, By.id("ws-pause"));
      wait.until(x -> x.findElement(By.id("ws-state")).getText().equals("Пауза: обед"));
      wait.until(x -> !x.findElement(By.id("ws-pause-timer")).getText().equals("00:00:00"));
      assertThat(work.current("777").orElseThrow().currentPause()).isNotNull()
          .extracting(WorkSession.Pause::reason).isEqualTo("обед");
      OpsBrowser.shot(d, "60-workspace-paused-ru");
      OpsBrowser.click(d, By.id("ws-resume"));
      wait.until(x -> x.findElement(By.id("ws-state")).getText().equals("Работает"));
      assertThat(work.current("777").orElseThrow().paused()).isFalse();

      // the client list: 26 cards, 15 a page; a search by any field; a status filter
      wait.until(x -> x.findElement(By.id("ws-page-info")).getText().equals("страница 1 из 2 (карточек: 26)"));
      assertThat(rowNames(d, "ws-cards")).hasSize(15).startsWith("Клиент 01");
      OpsBrowser.click(d, By.id("ws-next"));
      wait.until(x -> x.findElement(By.id("ws-page-info")).getText().startsWith("страница 2 из 2"));
      assertThat(rowNames(d, "ws-cards")).hasSize(11).contains(WorkspaceFixture.HOSTILE, "Звонящий Клиент");
      d.findElement(By.id("ws-q")).sendKeys("Тверь");
      OpsBrowser.click(d, By.id("ws-search"));
      wait.until(x -> x.findElement(By.id("ws-page-info")).getText().equals("страница 1 из 1 (карточек: 12)"));
      d.findElement(By.id("ws-q")).clear();
      OpsBrowser.click(d, By.id("ws-search"));
      wait.until(x -> x.findElement(By.id("ws-page-info")).getText().startsWith("страница 1 из 2"));

      // the hostile card: every field inert (text in cells, values in inputs), no alert, no element made of it
      OpsBrowser.click(d, By.id("ws-next"));
      wait.until(x -> rowNames(x, "ws-cards").contains(WorkspaceFixture.HOSTILE));
      OpsBrowser.click(d, w -> w.findElements(By.cssSelector("#ws-cards tbody tr")).stream()
          .filter(tr -> tr.getText().contains("<script>")).findFirst().orElseThrow(), "the hostile card's row");
      wait.until(x -> WorkspaceFixture.HOSTILE.equals(x.findElement(By.id("card-f-full_name")).getAttribute("value")));
      assertThat(d.findElement(By.id("card-f-company")).getAttribute("value")).isEqualTo("<img src=x onerror=alert(2)>");
      assertThat(d.findElements(By.cssSelector("#card-custom input.cname")).get(0).getAttribute("value"))
          .isEqualTo("<b>поле</b>");
      assertThat(d.findElements(By.cssSelector("#workspace main img, #ws-cards script, #ws-card img, #card-custom b")))
          .isEmpty();
      assertThat(d.findElement(By.id("card-title")).getText()).contains(WorkspaceFixture.HOSTILE);
      noAlert(d);
      OpsBrowser.shot(d, "61-workspace-hostile-card-ru");

      // edit a card: a field changed and a custom field added
      OpsBrowser.click(d, By.id("ws-prev"));
      wait.until(x -> rowNames(x, "ws-cards").contains("Клиент 02"));
      OpsBrowser.click(d, w -> w.findElements(By.cssSelector("#ws-cards tbody tr")).get(1), "the second card's row");
      wait.until(x -> "Клиент 02".equals(x.findElement(By.id("card-f-full_name")).getAttribute("value")));
      WebElement city = d.findElement(By.id("card-f-city"));
      city.clear();
      city.sendKeys("Казань");
      OpsBrowser.click(d, By.id("card-add-custom"));
      List<WebElement> names = d.findElements(By.cssSelector("#card-custom input.cname"));
      names.get(names.size() - 1).sendKeys("Интерес");
      List<WebElement> values = d.findElements(By.cssSelector("#card-custom input.cvalue"));
      values.get(values.size() - 1).sendKeys("кредит");
      OpsBrowser.click(d, By.id("card-save"));
      wait.until(x -> x.findElement(By.id("ws-ok")).getText().equals("Сохранено."));
      Contact edited = cardNamed(assignment, "Клиент 02");
      assertThat(edited.get(ContactField.CITY)).isEqualTo("Казань");
      assertThat(edited.custom()).containsEntry("Интерес", "кредит").containsEntry("Канал", "сайт");

      // add a card, then delete it after the confirmation
      OpsBrowser.click(d, By.id("card-new"));
      d.findElement(By.id("card-phone")).sendKeys("+7 916 000-03-33");
      d.findElement(By.id("card-f-full_name")).sendKeys("Новый Клиент");
      d.findElement(By.id("card-f-position")).sendKeys("Директор");
      OpsBrowser.click(d, By.id("card-save"));
      wait.until(x -> x.findElement(By.id("ws-ok")).getText().equals("Карточка добавлена."));
      Contact added = cardNamed(assignment, "Новый Клиент");
      assertThat(added.phoneNormalized()).isEqualTo("79160000333");
      assertThat(added.get(ContactField.POSITION)).isEqualTo("Директор");
      assertThat(d.findElement(By.id("card-title")).getText()).contains("Новый Клиент");
      OpsBrowser.shot(d, "62-workspace-card-added-ru");
      OpsBrowser.click(d, By.id("card-delete"));
      Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
      assertThat(confirm.getText()).contains("Новый Клиент");
      confirm.accept();
      wait.until(x -> x.findElement(By.id("ws-ok")).getText().equals("Карточка удалена."));
      assertThat(store.contacts().byId(added.id())).isEmpty();

      // call a client: the fake Asterisk answers; the operator sets the outcome and a note
      Contact first2 = cardNamed(assignment, "Клиент 02");
      d.findElement(By.id("ws-q")).sendKeys("Клиент 02");
      OpsBrowser.click(d, By.id("ws-search"));
      // a text with digits also finds the phones that contain them (the library's search): pick the row by name
      wait.until(x -> rowNames(x, "ws-cards").get(0).equals("Клиент 02"));
      OpsBrowser.click(d, By.cssSelector("#ws-cards tbody tr"));
      wait.until(x -> "Клиент 02".equals(x.findElement(By.id("card-f-full_name")).getAttribute("value")));
      OpsBrowser.click(d, By.id("card-call"));
      wait.until(x -> x.findElement(By.id("call-state")).getText().equals("Отвечен"));
      FakeAsterisk.OriginateSeen originate = demo.pbx.originates().get(demo.pbx.originates().size() - 1);
      assertThat(originate.channel()).isEqualTo("Local/79160000102@from-internal");
      assertThat(originate.exten()).isEqualTo("777");
      new Select(d.findElement(By.id("call-status"))).selectByValue("DONE");
      d.findElement(By.id("call-note")).sendKeys("перезвонить в пятницу");
      OpsBrowser.click(d, By.id("call-finish"));
      wait.until(x -> x.findElement(By.id("call-state")).getText().equals("Сохранено: Выполнено"));
      CallAttempt answered = store.attempts().byContact(first2.id()).get(0);
      assertThat(answered.operator()).isEqualTo("777");
      assertThat(answered.note()).isEqualTo("перезвонить в пятницу");
      assertThat(store.contacts().byId(first2.id()).orElseThrow().status()).isEqualTo(ContactStatus.DONE);
      OpsBrowser.shot(d, "63-workspace-call-done-ru");

      // a client not reached (busy): it is in "return to unanswered", also under the BUSY filter
      demo.pbx.onOriginate(o -> new FakeAsterisk.OriginateScript(5, Duration.ofMillis(50)));
      Contact busy = cardNamed(assignment, "Клиент 03");
      d.findElement(By.id("ws-q")).clear();
      d.findElement(By.id("ws-q")).sendKeys("Клиент 03");
      OpsBrowser.click(d, By.id("ws-search"));
      // a text with digits also finds the phones that contain them (the library's search): pick the row by name
      wait.until(x -> rowNames(x, "ws-cards").get(0).equals("Клиент 03"));
      OpsBrowser.click(d, By.cssSelector("#ws-cards tbody tr"));
      wait.until(x -> "Клиент 03".equals(x.findElement(By.id("card-f-full_name")).getAttribute("value")));
      OpsBrowser.click(d, By.id("card-call"));
      wait.until(x -> x.findElement(By.id("call-state")).getText().equals("Занят"));
      wait.until(x -> rowNames(x, "ws-unanswered").contains("Клиент 03"));
      new Select(d.findElement(By.id("ws-un-outcome"))).selectByValue("NO_ANSWER");
      OpsBrowser.click(d, By.id("ws-un-show"));
      wait.until(x -> rowNames(x, "ws-unanswered").isEmpty());
      new Select(d.findElement(By.id("ws-un-outcome"))).selectByValue("BUSY");
      OpsBrowser.click(d, By.id("ws-un-show"));
      wait.until(x -> rowNames(x, "ws-unanswered").equals(List.of("Клиент 03")));
      assertThat(store.contacts().byId(busy.id()).orElseThrow().status()).isEqualTo(ContactStatus.BUSY);
      OpsBrowser.shot(d, "64-workspace-unanswered-ru");

      // SCREEN POP: a queue call put through to PJSIP/777 pops the caller's card and the queue's survey
      Contact caller = cardNamed(assignment, "Звонящий Клиент");
      String callId = WorkspaceFixture.connect(demo.pbx.engine(), WorkspaceFixture.POP_CALLER, "<b>Caller</b>");
      wait.until(x -> x.findElement(By.id("ws-pop")).isDisplayed());
      wait.until(x -> x.findElement(By.id("pop-card-name")).getText().equals("Звонящий Клиент"));
      assertThat(d.findElement(By.id("pop-caller")).getText()).isEqualTo(WorkspaceFixture.POP_CALLER);
      assertThat(d.findElement(By.id("pop-queue")).getText()).isEqualTo(WorkspaceFixture.QUEUE);
      wait.until(x -> "Звонящий Клиент".equals(x.findElement(By.id("card-f-full_name")).getAttribute("value")));
      wait.until(x -> x.findElement(By.id("survey-question")).getText().equals("Довольны ли вы обслуживанием?"));
      assertThat(d.findElement(By.id("survey-title")).getText()).isEqualTo("Удовлетворённость");
      OpsBrowser.shot(d, "65-workspace-screen-pop-ru");
      OpsBrowser.click(d, By.id("survey-option-yes"));
      OpsBrowser.click(d, By.id("survey-answer"));
      wait.until(x -> x.findElement(By.id("survey-question")).getText().equals("Комментарий"));
      d.findElement(By.id("survey-text")).sendKeys("<script>alert(4)</script> всё хорошо");
      OpsBrowser.click(d, By.id("survey-answer"));
      wait.until(x -> x.findElement(By.id("survey-done")).isDisplayed());
      List<PopResponse> links = popLinks.forCall(callId);
      assertThat(links).singleElement().satisfies(l -> {
        assertThat(l.operator()).isEqualTo("777");
        assertThat(l.queue()).isEqualTo(WorkspaceFixture.QUEUE);
        assertThat(l.clientCardId()).isEqualTo(String.valueOf(caller.id()));
        assertThat(l.callerNumber()).isEqualTo("79165550001");
      });
      SurveyResponse response = surveys.responses().find(links.get(0).responseId()).orElseThrow();
      assertThat(response.completed()).isTrue();
      assertThat(response.answers()).hasSize(2);
      assertThat(response.answers().get(0).optionIds()).containsExactly("yes");
      assertThat(response.answers().get(1).text()).isEqualTo("<script>alert(4)</script> всё хорошо");
      noAlert(d);
      OpsBrowser.shot(d, "66-workspace-survey-done-ru");
      demo.pbx.engine().complete(callId, false);

      // an unknown caller with markup in its caller ID: a new-card form with the number, everything inert
      String hostileCaller = "<img src=x onerror=alert(5)>";
      WorkspaceFixture.connect(demo.pbx.engine(), hostileCaller, "<script>alert(6)</script>");
      wait.until(x -> x.findElement(By.id("pop-caller")).getText().equals(hostileCaller));
      wait.until(x -> x.findElement(By.id("pop-nocard")).isDisplayed());
      assertThat(d.findElement(By.id("card-phone")).getAttribute("value")).isEqualTo(hostileCaller);
      assertThat(d.findElements(By.cssSelector("#ws-pop img, #ws-pop script, #ws-card img"))).isEmpty();
      noAlert(d);
      assertThat(d.getPageSource()).doesNotContain("??");
      OpsBrowser.shot(d, "67-workspace-unknown-caller-ru");

      // stop work
      OpsBrowser.click(d, By.id("ws-stop"));
      wait.until(x -> x.findElement(By.id("ws-idle")).isDisplayed());
      assertThat(work.current("777")).isEmpty();
    } catch (Throwable e) {
      OpsBrowser.shot(d, "69-workspace-failure");
      throw e;
    } finally {
      d.quit();
    }
  }

  @Test
  void theEnglishPageAndASupervisorIsRefused() throws Exception {
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "sv", WebTestSupport.SUPERVISOR_PASSWORD);
      assertThat(d.findElements(By.id("nav-workspace"))).isEmpty();
      d.get(url("/workspace"));
      assertThat(d.findElements(By.id("ws-work"))).isEmpty();
      assertThat(d.getPageSource()).contains("403");
    } finally {
      d.quit();
    }
    d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/workspace?lang=en"));
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      wait.until(x -> "true".equals(x.findElement(By.id("workspace")).getAttribute("data-ready")));
      assertThat(d.findElement(By.id("ws-start")).getText()).isEqualTo("Start work");
      // the admin has no extension: the page says who they work as and does not offer the call button
      assertThat(d.findElement(By.id("ws-me")).getText()).isEqualTo("Operator admin");
      assertThat(d.findElement(By.id("card-call")).isEnabled()).isFalse();
      assertThat(d.getPageSource()).doesNotContain("??");
      OpsBrowser.shot(d, "68-workspace-admin-en");
    } finally {
      d.quit();
    }
  }
}
