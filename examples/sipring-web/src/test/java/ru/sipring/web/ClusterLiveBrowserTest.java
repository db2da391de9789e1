package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cluster page over the CI's real one-node pacemaker cluster ({@code .ci/services.d/40-pacemaker.sh},
 * {@code SIPRING_TEST_PACEMAKER=1}) through the starter's real command runner: crm_mon, pgrep. Read only on
 * purpose — sipring-ha's live tests change the same cluster at the same time, so the panel's tests do their
 * actions at the command-runner boundary ({@link ClusterBrowserTest}). Fails when CI=true and the cluster is
 * missing; skipped with the reason otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterLiveBrowserTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    WebTestSupport.properties(r);
    r.add("sipring.ha.enabled", () -> "true");
    r.add("sipring.ha.interval", () -> "1h");
  }

  @LocalServerPort
  int port;

  @BeforeAll
  static void cluster() throws Exception {
    BrowserTest.chromium();
    if (!"1".equals(System.getenv("SIPRING_TEST_PACEMAKER"))) {
      String reason = "SIPRING_TEST_PACEMAKER is not 1: no local pacemaker cluster (.ci/services.d/40-pacemaker.sh)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + reason);
      }
      Assumptions.abort(reason);
    }
  }

  @Test
  void thePageShowsTheRealClusterThroughPacemakersOwnTools() throws Exception {
    String node = System.getenv().getOrDefault("SIPRING_HA_NODE", "node1");
    WebDriver d = OpsBrowser.open("en-US");
    try {
      OpsBrowser.signIn(d, port, "admin", WebTestSupport.ADMIN_PASSWORD);
      d.get("http://127.0.0.1:" + port + "/cluster");
      assertThat(d.findElement(By.id("verdict")).getText()).containsAnyOf("Verdict: OK", "Verdict: DEGRADED",
          "Verdict: CRITICAL");
      assertThat(d.findElement(By.cssSelector("tr[data-node='" + node + "']")).getText()).contains(node);
      assertThat(d.findElement(By.id("daemons")).getText()).contains("pacemaker Running (pid",
          "corosync Running (pid");
      assertThat(d.findElements(By.cssSelector("#resources tbody tr"))).isNotEmpty();
      assertThat(d.findElement(By.id("drbd-none")).getText()).isNotBlank();
      OpsBrowser.shot(d, "cluster-06-live-en");
    } finally {
      d.quit();
    }
    HttpResponse<String> api = OpsBrowser.http(port, "GET", "/api/cluster", "sv", WebTestSupport.SUPERVISOR_PASSWORD,
        null, null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"name\":\"" + node + "\"", "\"daemons\"");
  }
}
