package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxJob;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.ReceiveEvent;

/**
 * The fax pages in headless Chromium against the real hfaxd of the CI ({@code SIPRING_TEST_HFAXD*}, from
 * {@code .ci/services.d/30-hylafax.sh}): a fax sent from the page is in hfaxd's send queue and in the outbox, is
 * cancelled from the page; a received fax (a G3 TIFF placed in recvq/ as faxgetty would) with a hostile sender ID
 * is shown escaped and viewed as PNG pages; each user sees only what their fax rights allow. Fails when CI=true
 * and hfaxd is not configured; skipped with the reason otherwise.
 *
 * <p>Panel users and fax accounts: {@code admin} acts as the fax administrator {@code $SIPRING_TEST_HFAXD_USER};
 * {@code sv} as the ordinary {@code $SIPRING_TEST_HFAXD_USER2} who sees modem ttyIAX2 only; {@code op} has no
 * fax account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaxBrowserTest {
  static final String HOSTILE_TSI = "<script>alert(1)</script>\u202eFAKE";
  static final List<String> JOBS = new ArrayList<>();

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    String hfaxd = System.getenv("SIPRING_TEST_HFAXD");
    if (hfaxd == null) {
      return; // the test class fails or is skipped in @BeforeAll
    }
    FaxServerAddress a = FaxServerAddress.parse(hfaxd, "SIPRING_TEST_HFAXD");
    r.add("sipring.fax.host", a::host);
    r.add("sipring.fax.port", a::port);
    r.add("sipring.fax.user", () -> System.getenv("SIPRING_TEST_HFAXD_USER"));
    r.add("sipring.fax.password", () -> System.getenv("SIPRING_TEST_HFAXD_PASSWORD"));
    r.add("sipring.fax.admin-password", () -> System.getenv("SIPRING_TEST_HFAXD_ADMIN_PASSWORD"));
    r.add("sipring.fax.max-upload", () -> "300KB");
    String u1 = System.getenv("SIPRING_TEST_HFAXD_USER");
    String u2 = System.getenv("SIPRING_TEST_HFAXD_USER2");
    r.add("sipring.fax.panel-users.admin", () -> u1);
    r.add("sipring.fax.panel-users.sv", () -> u2);
    r.add("sipring.fax.accounts." + u1 + ".password", () -> System.getenv("SIPRING_TEST_HFAXD_PASSWORD"));
    r.add("sipring.fax.accounts." + u1 + ".admin", () -> "true");
    r.add("sipring.fax.accounts." + u1 + ".name", () -> "Анна Админ");
    r.add("sipring.fax.accounts." + u2 + ".password", () -> System.getenv("SIPRING_TEST_HFAXD_PASSWORD2"));
    r.add("sipring.fax.accounts." + u2 + ".modems", () -> "ttyIAX2");
    r.add("sipring.fax.accounts." + u2 + ".categories", () -> "FAX2");
    r.add("sipring.fax.lines.ttyIAX0", () -> "Управление 1");
    r.add("sipring.fax.lines.ttyIAX2", () -> "Управление 3");
  }

  @LocalServerPort
  int port;

  @Autowired
  FaxCenter center;

  @Autowired
  ru.sipring.core.audit.AuditLog audit;

  @TempDir
  Path tmp;

  @BeforeAll
  static void servers() throws Exception {
    BrowserTest.chromium();
    if (System.getenv("SIPRING_TEST_HFAXD") == null) {
      String reason = "SIPRING_TEST_HFAXD is not set: no hfaxd to test against (.ci/services.d/30-hylafax.sh;"
          + " source /work/tools/ci-env.sh)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
  }

  /** Every job the tests made is killed and deleted, whatever happened. */
  @AfterAll
  static void removeJobs() {
    if (System.getenv("SIPRING_TEST_HFAXD") == null) {
      return;
    }
    FaxCredentials admin = FaxCredentials.of(System.getenv("SIPRING_TEST_HFAXD_USER"),
        System.getenv("SIPRING_TEST_HFAXD_PASSWORD")).withAdmin(System.getenv("SIPRING_TEST_HFAXD_ADMIN_PASSWORD"));
    try (HylaFaxClient c = HylaFaxClient.connect(FaxServerAddress.parse(System.getenv("SIPRING_TEST_HFAXD"), "env"),
        admin)) {
      for (String id : JOBS) {
        try {
          c.kill(id);
        } catch (RuntimeException e) {
          // already done or killed from the page
        }
        try {
          c.delete(id);
        } catch (RuntimeException e) {
          // already deleted from the page
        }
      }
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String number() {
    return "555" + ThreadLocalRandom.current().nextInt(1000000, 9999999);
  }

  private HylaFaxClient hfaxd() {
    return HylaFaxClient.connect(FaxServerAddress.parse(System.getenv("SIPRING_TEST_HFAXD"), "env"),
        FaxCredentials.of(System.getenv("SIPRING_TEST_HFAXD_USER"), System.getenv("SIPRING_TEST_HFAXD_PASSWORD")));
  }

  @Test
  void aFaxSentFromThePageIsInTheOutboxAndIsCancelledFromThere() throws Exception {
    String to = number();
    Path text = tmp.resolve("счёт <7>.txt");
    Files.writeString(text, "Счёт № 7\nОплатить до пятницы.\n");
    WebDriver d = OpsBrowser.open("ru-RU");
    try {
      OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/fax/send"));
      assertThat(d.getPageSource()).doesNotContain("??");
      d.findElement(By.id("to")).sendKeys(to);
      d.findElement(By.id("file")).sendKeys(text.toString());
      d.findElement(By.id("coverTo")).sendKeys("Иван Петров");
      d.findElement(By.id("coverSubject")).sendKeys("Счёт 7");
      OpsBrowser.shot(d, "fax-01-send-ru");
      OpsBrowser.submit(d, By.id("send"));
      new WebDriverWait(d, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("sent")));
      assertThat(d.getCurrentUrl()).endsWith("/fax/outbox");
      String id = d.findElement(By.id("sent")).getText().replaceAll("\\D+", " ").strip();
      assertThat(id).matches("\\d+");
      JOBS.add(id);

      // the real hfaxd has it, owned by the fax user, two documents (cover page + the text rendered to PDF)
      try (HylaFaxClient c = hfaxd()) {
        FaxJob job = c.job(id);
        assertThat(job.number()).isEqualTo(to);
        assertThat(job.owner()).contains(System.getenv("SIPRING_TEST_HFAXD_USER"));
        assertThat(job.state().isFinished()).isFalse();
      }
      WebElement row = d.findElement(By.cssSelector("#jobs-send tr[data-job='" + id + "']"));
      assertThat(row.getText()).contains(to, "в очереди");
      OpsBrowser.shot(d, "fax-02-outbox-ru");

      // hold, then resubmit: the buttons follow the job's state
      OpsBrowser.submit(d, By.cssSelector("#jobs-send tr[data-job='" + id + "'] button.suspend"));
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("notice"),
          "Задание приостановлено."));
      row = d.findElement(By.cssSelector("#jobs-send tr[data-job='" + id + "']"));
      assertThat(row.findElement(By.cssSelector("td.phase")).getText()).isEqualTo("приостановлено");
      assertThat(row.findElements(By.cssSelector("button.suspend"))).isEmpty();
      OpsBrowser.shot(d, "fax-02b-held-ru");
      OpsBrowser.submit(d, By.cssSelector("#jobs-send tr[data-job='" + id + "'] button.resubmit"));
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("notice"),
          "Задание снова в очереди."));
      row = d.findElement(By.cssSelector("#jobs-send tr[data-job='" + id + "']"));
      assertThat(row.findElement(By.cssSelector("td.phase")).getText()).isEqualTo("в очереди");
      // the browser's session cannot change anything through the API without the page's CSRF token
      Object status = ((JavascriptExecutor) d).executeAsyncScript("var done=arguments[arguments.length-1];"
          + "fetch('/api/fax/jobs/" + id + "/cancel',{method:'POST'}).then(function(r){done(r.status);});");
      assertThat(((Number) status).intValue()).isEqualTo(403);
      try (HylaFaxClient c = hfaxd()) {
        assertThat(c.job(id).state().isFinished()).isFalse();
      }
      OpsBrowser.submit(d, By.cssSelector("#jobs-send tr[data-job='" + id + "'] button.cancel"));
      // the page before had a notice too (the resubmit's): wait for this action's text, not for any notice
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("notice"),
          "Задание отменено."));
      try (HylaFaxClient c = hfaxd()) {
        assertThat(c.job(id).state().isFinished()).isTrue();
      }
      // hfaxd moves a killed job to the done queue a moment later: the page shows it there once it has
      new WebDriverWait(d, Duration.ofSeconds(30)).until(w -> {
        w.navigate().refresh();
        return !w.findElements(By.cssSelector("#jobs-done tr[data-job='" + id + "']")).isEmpty();
      });
      assertThat(d.findElement(By.cssSelector("#jobs-done tr[data-job='" + id + "']")).getText()).contains("ошибка");
      OpsBrowser.shot(d, "fax-03-cancelled-ru");
      OpsBrowser.submit(d, By.cssSelector("#jobs-done tr[data-job='" + id + "'] button.delete"));
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("notice"), "Задание удалено."));
      assertThat(d.findElements(By.cssSelector("tr[data-job='" + id + "']"))).isEmpty();

      // every action is in the audit log under the panel user's name (the CSRF-less API call did nothing, so it
      // is not there), and the audit page shows them
      List<ru.sipring.core.audit.AuditEntry> entries = audit.recent(200);
      assertThat(entries.stream().filter(e -> e.target().equals("job " + id)))
          .extracting(ru.sipring.core.audit.AuditEntry::action)
          .containsExactly("fax.job.delete", "fax.job.cancel", "fax.job.resubmit", "fax.job.suspend");
      assertThat(entries.stream().filter(e -> e.target().equals("job " + id)))
          .allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
      assertThat(entries).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo("fax.send");
        assertThat(e.actor()).isEqualTo("admin");
        assertThat(e.target()).isEqualTo(to);
        assertThat(e.detail()).contains("jobs " + id, "cover page");
      });
      d.get(url("/admin/audit"));
      assertThat(d.findElement(By.tagName("table")).getText()).contains("fax.send", "fax.job.cancel", "job " + id);
      OpsBrowser.shot(d, "fax-03b-audit-ru");
    } finally {
      d.quit();
    }
  }

  @Test
  void uploadsAreCheckedForTypeAndSize() throws Exception {
    Path binary = tmp.resolve("photo.png");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    Path big = tmp.resolve("big.txt");
    Files.writeString(big, "x".repeat(400 * 1024));
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/fax/send"));
      assertThat(d.findElement(By.cssSelector("#send-form .hint")).getText()).contains("at most 300 KB each");
      d.findElement(By.id("to")).sendKeys(number());
      d.findElement(By.id("file")).sendKeys(binary.toString());
      assertThat(OpsBrowser.submitAndRead(d, By.id("send"), By.id("error"))).contains("file photo.png", "unsupported file type",
          "PDF, PostScript, TIFF or UTF-8 plain text");
      OpsBrowser.shot(d, "fax-04-bad-type-en");
      d.findElement(By.id("file")).sendKeys(big.toString());
      assertThat(OpsBrowser.submitAndRead(d, By.id("send"), By.id("error"))).contains("file big.txt", "the limit is 307200 bytes");
      d.findElement(By.id("to")).clear();
      d.findElement(By.id("to")).sendKeys("CALL-ME");
      Path ok = tmp.resolve("ok.txt");
      Files.writeString(ok, "hello");
      d.findElement(By.id("file")).sendKeys(ok.toString());
      assertThat(OpsBrowser.submitAndRead(d, By.id("send"), By.id("error"))).contains("to[1]");
    } finally {
      d.quit();
    }
  }

  /** A received fax as faxgetty leaves it: a G3 TIFF in recvq/, owned by uucp; recorded as the hook would. */
  private String placeReceived(String device, String sender) throws Exception {
    Path spool = Path.of(System.getenv().getOrDefault("SIPRING_TEST_HFAXD_SPOOL", "/var/spool/hylafax"));
    String name = String.format("fax%09d.tif", ThreadLocalRandom.current().nextInt(100000000, 999999999));
    Path pdf = tmp.resolve("in.pdf");
    Files.write(pdf, ru.sipring.fax.FaxDocument.fromBytes("in.txt",
        "Входящий факс для теста панели".getBytes(StandardCharsets.UTF_8), "test").bytes());
    Path tif = tmp.resolve(name);
    run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg3", "-r204x196", "-o", tif.toString(),
        pdf.toString()));
    Path target = spool.resolve("recvq").resolve(name);
    Files.copy(tif, target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    center.recordReceived(new ReceiveEvent("recvq/" + name, device, "77", "0301234", "ACME\r\nBcc: x", sender, 1,
        Instant.now()));
    return name;
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(command + " failed: " + out);
    }
  }

  @Test
  void aReceivedFaxIsShownEscapedViewedAsPagesAndOnlyToThoseWithTheRight() throws Exception {
    String file = placeReceived("ttyIAX0", HOSTILE_TSI);
    Path spool = Path.of(System.getenv().getOrDefault("SIPRING_TEST_HFAXD_SPOOL", "/var/spool/hylafax"));
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/fax"));
      WebElement row = d.findElement(By.cssSelector("#faxes tr[data-file='" + file + "']"));
      // the sender ID is text: the tag is shown, not run, and the right-to-left override is shown escaped
      assertThat(row.findElement(By.cssSelector("td.sender")).getText())
          .isEqualTo("<script>alert(1)</script>\\u202eFAKE");
      assertThat(row.getText()).contains("0301234 ACME\\r\\nBcc: x", "Управление 1");
      assertThat(((JavascriptExecutor) d).executeScript("return window.__xss === undefined && "
          + "document.querySelectorAll('#faxes script').length === 0")).isEqualTo(true);
      OpsBrowser.shot(d, "fax-05-inbox-en");

      OpsBrowser.submit(d, By.cssSelector("#faxes tr[data-file='" + file + "'] a.view"));
      new WebDriverWait(d, Duration.ofSeconds(60)).until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w)
          .executeScript("var i=document.querySelector('img.fax-page');return i!=null&&i.complete&&i.naturalWidth>0;")));
      assertThat(((Number) ((JavascriptExecutor) d).executeScript(
          "return document.querySelector('img.fax-page').naturalWidth")).intValue()).isGreaterThan(500);
      assertThat(d.findElement(By.id("fax-sender")).getText()).isEqualTo("<script>alert(1)</script>\\u202eFAKE");
      OpsBrowser.shot(d, "fax-06-view-en");
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url("/api/fax/received/" + file + "/pdf"))).header("Authorization", basic("admin",
          WebTestSupport.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");

      // archive from the inbox
      d.get(url("/fax"));
      OpsBrowser.submit(d, By.cssSelector("#faxes tr[data-file='" + file + "'] form[action$='/archive'] button"));
      new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
      assertThat(d.findElements(By.cssSelector("#faxes tr[data-file='" + file + "']"))).isEmpty();
      d.get(url("/fax/archive"));
      assertThat(d.findElements(By.cssSelector("#faxes tr[data-file='" + file + "']"))).hasSize(1);
      OpsBrowser.shot(d, "fax-07-archive-en");
    } finally {
      d.quit();
      Files.deleteIfExists(spool.resolve("recvq").resolve(file));
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aUserWithoutTheModemRightNeitherSeesNorOpensNorControlsOthersFaxes() throws Exception {
    String file = placeReceived("ttyIAX0", "+1 555 0201");
    Path spool = Path.of(System.getenv().getOrDefault("SIPRING_TEST_HFAXD_SPOOL", "/var/spool/hylafax"));
    // the admin's job, which sv may neither see nor cancel
    String jobId;
    try (HylaFaxClient c = hfaxd()) {
      jobId = c.send(ru.sipring.fax.SendRequest.builder().to(number())
          .cover(ru.sipring.fax.CoverPage.withSubject("admin's")).build()).jobs().get(0).id();
      JOBS.add(jobId);
    }
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "sv", WebTestSupport.SUPERVISOR_PASSWORD);
      d.get(url("/fax"));
      assertThat(d.findElements(By.cssSelector("tr[data-file='" + file + "']"))).isEmpty();
      OpsBrowser.shot(d, "fax-08-inbox-other-user-en");
      d.get(url("/fax/view/" + file));
      assertThat(d.findElement(By.id("ops-error")).getText()).contains("404", "no received fax " + file);
      d.get(url("/fax/outbox"));
      assertThat(d.findElements(By.cssSelector("tr[data-job='" + jobId + "']"))).isEmpty();
      OpsBrowser.postForm(d, "/fax/jobs/" + jobId + "/cancel", Map.of());
      assertThat(d.findElement(By.id("ops-error")).getText()).contains("404", "no fax job " + jobId);
      d.get(url("/fax"));
      OpsBrowser.postForm(d, "/fax/received/" + file + "/delete", Map.of());
      assertThat(d.findElement(By.id("ops-error")).getText()).contains("404");
      OpsBrowser.shot(d, "fax-09-forbidden-en");

      // the same through the API
      String sv = WebTestSupport.SUPERVISOR_PASSWORD;
      assertThat(OpsBrowser.http(port, "GET", "/api/fax/inbox", "sv", sv, null, null).body()).doesNotContain(file);
      assertThat(OpsBrowser.http(port, "GET", "/api/fax/received/" + file + "/pdf", "sv", sv, null, null)
          .statusCode()).isEqualTo(404);
      assertThat(OpsBrowser.http(port, "POST", "/api/fax/jobs/" + jobId + "/cancel", "sv", sv, null, null)
          .statusCode()).isEqualTo(404);
      assertThat(OpsBrowser.http(port, "POST", "/api/fax/received/" + file + "/delete", "sv", sv, null, null)
          .statusCode()).isEqualTo(404);
      assertThat(OpsBrowser.http(port, "GET", "/api/fax/outbox", "sv", sv, null, null).body()).doesNotContain(
          "\"id\":\"" + jobId + "\"");
      try (HylaFaxClient c = hfaxd()) {
        assertThat(c.job(jobId).state().isFinished()).isFalse();
      }
      assertThat(center.receivedFaxes().find(file)).isPresent();
      // the refused attempts (page and API, cancel and delete) are audited under sv's name
      assertThat(audit.recent(200).stream().filter(e -> e.actor().equals("sv")
          && e.detail().startsWith("refused: ")).map(ru.sipring.core.audit.AuditEntry::action))
          .contains("fax.job.cancel", "fax.received.delete").hasSizeGreaterThanOrEqualTo(4);
    } finally {
      d.quit();
      Files.deleteIfExists(spool.resolve("recvq").resolve(file));
    }
  }

  @Test
  void anOperatorWithoutAFaxAccountGetsNothing() throws Exception {
    WebDriver d = OpsBrowser.open("ru-RU");
    try {
      OpsBrowser.signIn(d, port, "op", WebTestSupport.OPERATOR_PASSWORD);
      d.get(url("/fax"));
      assertThat(d.findElement(By.id("fax-no-account")).getText()).contains("нет учётной записи факса");
      assertThat(d.findElements(By.id("faxes"))).isEmpty();
      OpsBrowser.shot(d, "fax-10-no-account-ru");
      d.get(url("/fax/send"));
      assertThat(d.findElements(By.id("send-form"))).isEmpty();
    } finally {
      d.quit();
    }
    String op = WebTestSupport.OPERATOR_PASSWORD;
    assertThat(OpsBrowser.http(port, "GET", "/api/fax/inbox", "op", op, null, null).statusCode()).isEqualTo(404);
    assertThat(OpsBrowser.http(port, "POST", "/api/fax/send", "op", op, "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n5550100\r\n--x--\r\n").statusCode()).isEqualTo(404);
  }

  @Test
  void theApiSendsAsTheCallersFaxUser() throws Exception {
    String to = number();
    String boundary = "sipringboundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n" + to + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nAPI fax\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = OpsBrowser.http(port, "POST", "/api/fax/send", "admin", WebTestSupport.ADMIN_PASSWORD,
        "multipart/form-data; boundary=" + boundary, body);
    assertThat(r.statusCode()).isEqualTo(200);
    String id = r.body().replaceAll("(?s).*\"id\":\"(\\d+)\".*", "$1");
    JOBS.add(id);
    assertThat(r.body()).contains("\"number\":\"" + to + "\"", "\"state\":\"queued\"");
    HttpResponse<String> outbox = OpsBrowser.http(port, "GET", "/api/fax/outbox?queue=send", "admin",
        WebTestSupport.ADMIN_PASSWORD, null, null);
    assertThat(outbox.body()).contains("\"id\":\"" + id + "\"", to);
    HttpResponse<String> cancel = OpsBrowser.http(port, "POST", "/api/fax/jobs/" + id + "/cancel", "admin",
        WebTestSupport.ADMIN_PASSWORD, null, null);
    assertThat(cancel.statusCode()).isEqualTo(200);
    try (HylaFaxClient c = hfaxd()) {
      assertThat(c.job(id).state().isFinished()).isTrue();
    }
    assertThat(audit.recent(200)).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("admin");
      assertThat(e.action()).isEqualTo("fax.job.cancel");
      assertThat(e.target()).isEqualTo("job " + id);
      assertThat(e.detail()).doesNotStartWith("refused");
    }).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("fax.send");
      assertThat(e.detail()).contains("jobs " + id);
    });
    assertThat(OpsBrowser.http(port, "GET", "/api/fax/outbox?queue=bad", "admin", WebTestSupport.ADMIN_PASSWORD,
        null, null).statusCode()).isEqualTo(400);
  }
}
