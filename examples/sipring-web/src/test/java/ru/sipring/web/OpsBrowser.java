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
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium and HTTP helpers of the fax and cluster tests (the same browser set-up as BrowserTest). */
final class OpsBrowser {
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
    d.findElement(By.id("username")).sendKeys(user);
    d.findElement(By.id("password")).sendKeys(password);
    d.findElement(By.id("sign-in")).click();
    new WebDriverWait(d, Duration.ofSeconds(20))
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /**
   * Clicks a submit button and reads an element of the page the form posts to: waits until the old page is gone
   * (the button goes stale) and the element is shown, so the text is never the old page's nor missing mid-load.
   */
  static String submitAndRead(WebDriver d, By button, By result) {
    org.openqa.selenium.WebElement old = d.findElement(button);
    old.click();
    WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.stalenessOf(old));
    wait.until(w -> "complete".equals(((JavascriptExecutor) w).executeScript("return document.readyState")));
    return wait.until(ExpectedConditions.visibilityOfElementLocated(result)).getText();
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
    ((JavascriptExecutor) d).executeScript(js.toString(), path);
    new WebDriverWait(d, Duration.ofSeconds(20)).until(w -> !String.valueOf(
        ((JavascriptExecutor) w).executeScript("return document.readyState")).equals("loading"));
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
