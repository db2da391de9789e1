package ru.sipring.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;

/**
 * The pcsd REST client against the real pcsd the CI script starts on 127.0.0.1:2224 (TLS, pinned self-signed
 * certificate), acting on the real one-node cluster. Leaves the cluster as it found it.
 */
class PcsdLiveTest {
  private URI url;
  private HttpClient http;
  private String password;
  private PacemakerTools tools;
  private ClusterManager manager;
  private String node;

  @BeforeEach
  void setUp() throws Exception {
    LiveCluster.require();
    String u = System.getenv("SIPRING_TEST_PCSD_URL");
    if (u == null && "true".equals(System.getenv("CI"))) {
      fail("CI=true but SIPRING_TEST_PCSD_URL is not set: .ci/services.d/40-pacemaker.sh did not start pcsd");
    }
    assumeTrue(u != null, "no pcsd: source .ci/services.d/40-pacemaker.sh (sets SIPRING_TEST_PCSD_URL)");
    url = URI.create(u);
    http = PcsdClient.pinnedHttpClient(Path.of(System.getenv("SIPRING_TEST_PCSD_CERT")), Duration.ofSeconds(10));
    password = Files.readString(Path.of(System.getenv("SIPRING_TEST_PCSD_PASSWORD_FILE"))).strip();
    node = LiveCluster.node();
    tools = PacemakerTools.of(CommandRunner.processes(), PacemakerTools.Tool.PCS, Duration.ofSeconds(60));
    String token = PcsdClient.authenticate(url, "hacluster", password.toCharArray(), http, Duration.ofSeconds(30));
    manager = ClusterManager.builder(tools, PcsdClient.of(url, token, http, Duration.ofSeconds(60))).build();
  }

  @AfterEach
  void restore() {
    if (tools == null) {
      return;
    }
    ClusterManager viaPcs = ClusterManager.builder(tools, tools).build();
    ClusterStatus s = tools.snapshot();
    if (s.node(node).map(ClusterNode::standby).orElse(false)) {
      viaPcs.perform(new ClusterAction.Standby(node, false));
    }
    tools.snapshot().allResources().filter(ClusterResource::isDisabled)
        .forEach(r -> viaPcs.perform(new ClusterAction.Enable(r.id())));
    assertThat(tools.snapshot().nodesOf("pbx")).containsExactly(node);
  }

  @Test
  void tokenAuthenticationAgainstRealPcsd() {
    String token = PcsdClient.authenticate(url, "hacluster", password.toCharArray(), http, Duration.ofSeconds(30));
    assertThat(token).matches("[0-9a-f-]{36}");
    assertThat(PcsdClient.of(url, token, http, Duration.ofSeconds(10)).checkAuth()).isTrue();
    assertThat(PcsdClient.of(url, "00000000-0000-0000-0000-000000000000", http, Duration.ofSeconds(10)).checkAuth())
        .isFalse();
    assertThatThrownBy(() -> PcsdClient.authenticate(url, "hacluster", "wrong".toCharArray(), http, Duration.ofSeconds(30)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("refused the credentials");
  }

  @Test
  void standbyAndUnstandbyThroughApiV2() {
    ActionOutcome on = manager.perform(new ClusterAction.Standby(node, true));
    assertThat(on.settled()).isTrue();
    assertThat(on.status().node(node).orElseThrow().standby()).isTrue();
    ActionOutcome off = manager.perform(new ClusterAction.Standby(node, false));
    assertThat(off.settled()).isTrue();
    assertThat(off.status().nodesOf("pbx")).containsExactly(node);
  }

  @Test
  void disableAndEnableThroughApiV1() {
    ActionOutcome off = manager.perform(new ClusterAction.Disable("freepbx"));
    assertThat(off.settled()).isTrue();
    assertThat(off.status().resource("freepbx").orElseThrow().active()).isFalse();
    ActionOutcome on = manager.perform(new ClusterAction.Enable("freepbx"));
    assertThat(on.settled()).isTrue();
    assertThat(on.status().resource("freepbx").orElseThrow().active()).isTrue();
  }

  @Test
  void pcsdRefusalCarriesItsReport() {
    // moving a group to the node it already runs on: pcsd's library refuses with a report
    assertThatThrownBy(() -> manager.perform(new ClusterAction.Move("pbx", node)))
        .isInstanceOf(RejectedException.class).hasMessageStartingWith("pcsd resource-move-autoclean: error");
  }

  @Test
  void cleanupThroughLegacyEndpoint() {
    if (Files.isDirectory(Path.of("/run/systemd/system"))) {
      assertThat(manager.perform(new ClusterAction.Cleanup("asterisk", null)).settled()).isTrue();
    } else {
      // without systemd pcsd thinks pacemaker is down and does nothing; the client must say so, not pretend
      assertThatThrownBy(() -> manager.perform(new ClusterAction.Cleanup("asterisk", null)))
          .isInstanceOf(RejectedException.class).hasMessageContaining("nothing was cleaned up");
    }
  }

  @Test
  void aCertificateOtherThanThePinnedOneIsRefused() throws Exception {
    Path other = Files.createTempFile("other", ".crt");
    try {
      // any other self-signed certificate: the JDK's cacerts has plenty; take one
      java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
        ks.load(in, null);
      }
      java.security.cert.Certificate c = ks.getCertificate(ks.aliases().nextElement());
      Files.writeString(other, "-----BEGIN CERTIFICATE-----\n"
          + java.util.Base64.getMimeEncoder().encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n");
      HttpClient wrong = PcsdClient.pinnedHttpClient(other, Duration.ofSeconds(5));
      assertThatThrownBy(() -> PcsdClient.authenticate(url, "hacluster", password.toCharArray(), wrong,
          Duration.ofSeconds(10))).isInstanceOf(ru.sipring.core.ConnectionException.class);
    } finally {
      Files.deleteIfExists(other);
    }
    assertThat(List.of(url.getPort())).containsExactly(2224);
  }
}
