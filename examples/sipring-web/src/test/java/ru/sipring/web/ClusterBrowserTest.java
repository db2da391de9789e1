package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

/**
 * The cluster pages in headless Chromium. Pacemaker's tools are replaced at the library's command-runner boundary
 * ({@link FakePacemaker}: a real two-node cluster's crm_mon XML and DRBD JSON), so a click is checked down to the
 * exact {@code pcs} command line the library runs. The CI's real one-node cluster is not changed here: sipring-ha's
 * own tests drive it at the same time (and run the same pcs commands against it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterBrowserTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.ha.enabled", () -> "true");
    r.add("sipring.ha.interval", () -> "1h");
    r.add("sipring.ha.settle-timeout", () -> "10s");
  }

  @TestConfiguration
  static class Pacemaker {
    /** The one CommandRunner of the context: the starter's backs off. */
    @Bean
    FakePacemaker commandRunner() {
      return new FakePacemaker();
    }

    @Bean
    AuditLog auditLog() {
      return AuditLog.inMemory();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  FakePacemaker pacemaker;

  @Autowired
  AuditLog audit;

  @BeforeAll
  static void chromium() throws Exception {
    BrowserTest.chromium();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void adminPutsANodeInStandbyAfterConfirmingAndPcsIsRun() throws Exception {
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get(url("/cluster"));
      assertThat(d.findElement(By.id("verdict")).getText()).contains("Verdict: DEGRADED");
      assertThat(d.findElement(By.id("fencing")).getText()).isEqualTo("fencing: DISABLED");
      assertThat(d.findElement(By.id("reasons")).getText()).contains("fencing disabled");
      assertThat(d.findElement(By.id("nodes")).getText()).contains("node1", "node2 ONLINE (DC)");
      assertThat(d.findElement(By.id("daemons")).getText()).contains("pacemaker Running (pid 4230)",
          "corosync Running (pid 4211)", "pcsd Not running");
      assertThat(d.findElement(By.id("resources")).getText()).contains("ocf:heartbeat:IPaddr2");
      assertThat(d.findElement(By.id("drbd")).getText()).contains("1-single-0");
      assertThat(d.findElements(By.cssSelector("#availability tbody tr"))).isNotEmpty();
      assertThat(d.getPageSource()).doesNotContain("??");
      OpsBrowser.shot(d, "cluster-01-overview-en");

      OpsBrowser.submit(d, By.cssSelector("tr[data-node=node2] button.standby"));
      // step one only shows what will happen: nothing has run yet
      assertThat(d.findElement(By.id("confirm-what")).getText()).isEqualTo("Really do this: standby node2?");
      assertThat(pacemaker.pcs()).isEmpty();
      OpsBrowser.shot(d, "cluster-02-confirm-en");

      OpsBrowser.submit(d, By.id("confirm"));
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
      assertThat(pacemaker.pcs()).containsExactly(List.of("pcs", "node", "standby", "node2"));
      assertThat(d.findElement(By.id("outcome")).getText()).startsWith("Done: standby node2; the cluster settled in");
      assertThat(d.findElement(By.cssSelector("tr[data-node=node2] td.state")).getText()).startsWith("STANDBY");
      List<AuditEntry> entries = audit.recent(10);
      assertThat(entries).first().satisfies(e -> {
        assertThat(e.actor()).isEqualTo("admin");
        assertThat(e.action()).isEqualTo("cluster.standby");
        assertThat(e.target()).isEqualTo("node2");
        assertThat(e.detail()).startsWith("settled in");
      });
      assertThat(d.findElement(By.id("audit")).getText()).contains("admin", "cluster.standby", "node2");
      OpsBrowser.shot(d, "cluster-03-after-standby-en");

      // and back, in Russian: the unstandby button now stands where standby was
      d.get(url("/cluster?lang=ru"));
      OpsBrowser.submit(d, By.cssSelector("tr[data-node=node2] button.unstandby"));
      assertThat(d.findElement(By.id("confirm-what")).getText()).isEqualTo("Действительно выполнить: unstandby node2?");
      OpsBrowser.submit(d, By.id("confirm"));
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
      assertThat(pacemaker.pcs()).last().isEqualTo(List.of("pcs", "node", "unstandby", "node2"));
      assertThat(d.getPageSource()).doesNotContain("??");
      OpsBrowser.shot(d, "cluster-04-after-unstandby-ru");

      // move and cleanup through the same two steps
      OpsBrowser.submit(d, By.cssSelector("tr[data-resource=pbx] button.cleanup"));
      OpsBrowser.submit(d, By.id("confirm"));
      new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
      assertThat(pacemaker.pcs()).last().isEqualTo(List.of("pcs", "resource", "cleanup", "pbx"));
    } finally {
      d.quit();
    }
  }

  @Test
  void supervisorSeesTheClusterButMayNotActOnThePage() throws Exception {
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "sv", WebTestSupport.SUPERVISOR_PASSWORD);
      d.get(url("/cluster"));
      assertThat(d.findElement(By.id("nodes")).getText()).contains("node1");
      assertThat(d.findElements(By.cssSelector("button.standby"))).isEmpty();
      assertThat(d.findElement(By.id("view-only")).getText()).contains("only administrators");
      OpsBrowser.shot(d, "cluster-05-supervisor-en");
      int before = pacemaker.pcs().size();
      // a hand-made request for the buttons the page does not show: refused at both steps
      OpsBrowser.postForm(d, "/cluster/confirm", Map.of("action", "standby", "node", "node1"));
      assertThat(d.findElement(By.id("forbidden")).getText()).contains("403");
      d.get(url("/cluster"));
      OpsBrowser.postForm(d, "/cluster/perform", Map.of("action", "standby", "node", "node1"));
      assertThat(d.findElement(By.id("forbidden")).getText()).contains("403");
      assertThat(pacemaker.pcs()).hasSize(before);
    } finally {
      d.quit();
    }
  }

  @Test
  void operatorMayNotOpenTheClusterPage() throws Exception {
    WebDriver d = OpsBrowser.open("ru-RU");
    try {
      OpsBrowser.signIn(d, port, "op", WebTestSupport.OPERATOR_PASSWORD);
      assertThat(d.findElements(By.id("nav-cluster"))).isEmpty();
      d.get(url("/cluster"));
      assertThat(d.findElement(By.id("forbidden")).getText()).contains("403");
      assertThat(d.findElements(By.id("nodes"))).isEmpty();
    } finally {
      d.quit();
    }
  }

  @Test
  void apiReadsForSupervisorsAndActsForAdminsOnlyWhenConfirmed() throws Exception {
    HttpResponse<String> view = OpsBrowser.http(port, "GET", "/api/cluster", "sv", WebTestSupport.SUPERVISOR_PASSWORD,
        null, null);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body()).contains("\"verdict\":\"DEGRADED\"", "\"daemons\"", "\"name\":\"node2\"");

    int before = pacemaker.pcs().size();
    String cleanup = "{\"action\":\"cleanup\",\"resource\":\"pbx\",\"confirm\":true}";
    assertThat(OpsBrowser.http(port, "POST", "/api/cluster/actions", "sv", WebTestSupport.SUPERVISOR_PASSWORD,
        "application/json", cleanup).statusCode()).isEqualTo(403);
    assertThat(OpsBrowser.http(port, "GET", "/api/cluster", "op", WebTestSupport.OPERATOR_PASSWORD, null, null)
        .statusCode()).isEqualTo(403);
    assertThat(OpsBrowser.http(port, "POST", "/api/cluster/actions", "op", WebTestSupport.OPERATOR_PASSWORD,
        "application/json", cleanup).statusCode()).isEqualTo(403);
    assertThat(pacemaker.pcs()).hasSize(before);

    HttpResponse<String> unconfirmed = OpsBrowser.http(port, "POST", "/api/cluster/actions", "admin",
        WebTestSupport.ADMIN_PASSWORD, "application/json", "{\"action\":\"cleanup\",\"resource\":\"pbx\"}");
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("confirm");
    HttpResponse<String> injected = OpsBrowser.http(port, "POST", "/api/cluster/actions", "admin",
        WebTestSupport.ADMIN_PASSWORD, "application/json",
        "{\"action\":\"standby\",\"node\":\"node1; reboot\",\"confirm\":true}");
    assertThat(injected.statusCode()).isIn(400, 403);
    assertThat(pacemaker.pcs()).hasSize(before);

    HttpResponse<String> done = OpsBrowser.http(port, "POST", "/api/cluster/actions", "admin",
        WebTestSupport.ADMIN_PASSWORD, "application/json", cleanup);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"action\":\"cleanup pbx\"", "\"settled\":true");
    assertThat(pacemaker.pcs()).last().isEqualTo(List.of("pcs", "resource", "cleanup", "pbx"));
    assertThat(audit.recent(1)).first().satisfies(e -> assertThat(e.action()).isEqualTo("cluster.cleanup"));
  }
}
