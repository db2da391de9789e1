package ru.sipring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium and HTTP helpers of every browser test: one browser set-up, and clicks that survive a loaded
 * machine (every click that leaves the page goes through {@link #submit}, every other one through {@link #click}).
 */
final class OpsBrowser {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private OpsBrowser() {
  }

  static WebDriver open(String language) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(BrowserTest.CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000", "--lang=" + language);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", language);
    o.setExperimentalOption("prefs", prefs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(BrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    WebDriver d = new ChromeDriver(service, o);
    d.manage().window().setSize(new Dimension(1400, 1000));
    return d;
  }

  static void signIn(WebDriver d, int port, String user, String password) {
    d.get("http://127.0.0.1:" + port + "/login");
    loaded(d);
    d.findElement(By.id("username")).sendKeys(user);
    d.findElement(By.id("password")).sendKeys(password);
    submit(d, By.id("sign-in"));
    new WebDriverWait(d, Duration.ofSeconds(20))
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Waits until the browser's current document has finished loading. */
  static void loaded(WebDriver d) {
    new WebDriverWait(d, WAIT).ignoring(WebDriverException.class).withMessage("the page did not finish loading")
        .until(w -> "complete".equals(((JavascriptExecutor) w).executeScript("return document.readyState")));
  }

  /**
   * Clicks what {@code target} finds without waiting for a navigation: for buttons the page's own script handles.
   * The element is looked up afresh for every try, in a loaded document: under load Chromium may hand out a node of
   * a document that is being replaced, and then reports "Node with given id does not belong to the document"
   * instead of a stale element (chromedriver answers that way since Chrome 134); such a click never reached the
   * page, so it is safe to repeat.
   */
  static void click(WebDriver d, By target) {
    click(d, w -> w.findElement(target), target.toString());
  }

  /** {@link #click(WebDriver, By)} for an element found relative to another one (a table row's button). */
  static void click(WebDriver d, Function<WebDriver, WebElement> target, String what) {
    click(d, target, what, () -> { });
  }

  /** Clicks with {@code beforeClick} run in the document of each try, just before its click. */
  private static void click(WebDriver d, Function<WebDriver, WebElement> target, String what, Runnable beforeClick) {
    WebDriverException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      loaded(d);
      try {
        WebElement e = new WebDriverWait(d, WAIT).ignoring(StaleElementReferenceException.class)
            .withMessage(what + " is not clickable")
            .until(w -> {
              WebElement found = target.apply(w);
              return found.isDisplayed() && found.isEnabled() ? found : null;
            });
        beforeClick.run();
        e.click();
        return;
      } catch (WebDriverException e) {
        if (!staleNode(e)) {
          throw e;
        }
        last = e;
        sleep();
      }
    }
    throw new IllegalStateException("could not click " + what + ": its document kept being replaced", last);
  }

  /**
   * Clicks what {@code target} finds and waits until the page it was on has been replaced by the one the click
   * loads (a form post, a link), and that page has loaded. The old page is recognised by a mark left in its
   * window object, which no later page has: a staleness check on the clicked element can itself fail with the
   * node error above.
   */
  static void submit(WebDriver d, By target) {
    submit(d, w -> w.findElement(target), target.toString());
  }

  /** {@link #submit(WebDriver, By)} for an element found relative to another one (a table row's button). */
  static void submit(WebDriver d, Function<WebDriver, WebElement> target, String what) {
    // the mark goes into the document the click is made in, again on every try
    click(d, target, what, () -> ((JavascriptExecutor) d).executeScript("window.__sipringLeft = true;"));
    new WebDriverWait(d, WAIT).ignoring(WebDriverException.class)
        .withMessage("clicking " + what + " did not load a new page")
        .until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w).executeScript(
            "return window.__sipringLeft !== true && document.readyState === 'complete';")));
  }

  /**
   * The rendered texts (trimmed) of the elements matching {@code css}, read in one script: atomic against a page
   * whose script redraws that part (the wallboard, the workspace's tables), where elements found first and read
   * later may already have been replaced.
   */
  @SuppressWarnings("unchecked")
  static List<String> texts(WebDriver d, String css) {
    return (List<String>) ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
        + "arguments[0])).map(function (e) { return e.innerText.trim(); });", css);
  }

  /** The rendered text of the first element matching {@code css}, read in one script; fails when there is none. */
  static String text(WebDriver d, String css) {
    List<String> all = texts(d, css);
    if (all.isEmpty()) {
      throw new org.openqa.selenium.NoSuchElementException("nothing matches " + css);
    }
    return all.get(0);
  }

  private static boolean staleNode(WebDriverException e) {
    if (e instanceof StaleElementReferenceException) {
      return true;
    }
    String m = String.valueOf(e.getMessage());
    return m.contains("does not belong to the document") || m.contains("No node with given id")
        || m.contains("Could not find node with given id");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Clicks a submit button and reads an element of the page the form posts to: waits until the old page is gone
   * (the button goes stale) and the element is shown, so the text is never the old page's nor missing mid-load.
   */
  static String submitAndRead(WebDriver d, By button, By result) {
    submit(d, button);
    return new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(result)).getText();
  }

  static void shot(WebDriver d, String name) throws Exception {
    Files.createDirectories(BrowserTest.SHOTS);
    Path png = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, BrowserTest.SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Posts a form from the signed-in page as a browser would (with the page's CSRF token): what a person who
   * crafts a request for a button the page does not show them can do.
   */
  static void postForm(WebDriver d, String path, Map<String, String> fields) {
    StringBuilder js = new StringBuilder("var f=document.createElement('form');f.method='post';f.action=arguments[0];"
        + "var t=document.querySelector('input[name=_csrf]');var add=function(n,v){var i=document.createElement('input');"
        + "i.type='hidden';i.name=n;i.value=v;f.appendChild(i);};add('_csrf',t.value);");
    fields.forEach((k, v) -> js.append("add(").append(quote(k)).append(',').append(quote(v)).append(");"));
    js.append("document.body.appendChild(f);f.submit();");
    loaded(d);
    js.insert(0, "window.__sipringLeft = true;");
    ((JavascriptExecutor) d).executeScript(js.toString(), path);
    new WebDriverWait(d, WAIT).ignoring(WebDriverException.class).withMessage("posting to " + path + " loaded no page")
        .until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w).executeScript(
            "return window.__sipringLeft !== true && document.readyState === 'complete';")));
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static HttpResponse<String> http(int port, String method, String path, String user, String password,
      String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
