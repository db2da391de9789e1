package ru.sipring.ha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;

/**
 * The pcsd REST API (pcs 0.11) as a {@link ClusterControl}: token authentication ({@code POST /remote/auth},
 * then cookie {@code token=...}); node standby and maintenance through API v2 tasks
 * ({@code /api/v2/task/run}); resource move / ban / clear / enable / disable and cluster maintenance through API
 * v1 ({@code /api/v1/<cmd>/v1}); cleanup through the legacy {@code /remote/resource_cleanup} (neither API has
 * it). Restart has no pcsd endpoint and is refused. pcsd that cannot be reached, or answers 401, fails with a
 * clear {@link ConnectionException} / {@link RejectedException}; nothing is retried. Thread-safe.
 */
public final class PcsdClient implements ClusterControl {
  private static final Logger LOG = LoggerFactory.getLogger(PcsdClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final Duration timeout;

  private PcsdClient(URI base, String token, HttpClient http, Duration timeout) {
    this.base = base;
    this.token = token;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * A client for pcsd at {@code base} ({@code https://node1:2224}) using an auth token.
   *
   * @param base pcsd's address, such as {@code https://node1:2224}
   * @param token the pcsd token
   * @param http the HTTP client
   * @param timeout how long to wait at most
   * @return a client for pcsd at {@code base}
   */
  public static PcsdClient of(URI base, String token, HttpClient http, Duration timeout) {
    return new PcsdClient(base, token, http, timeout);
  }

  /**
   * Logs in as {@code user} (normally {@code hacluster}) and returns the token. pcsd answers a wrong password
   * with HTTP 200 and an empty body; that becomes a {@link RejectedException}.
   *
   * @param base pcsd's address, such as {@code https://node1:2224}
   * @param user the pcsd user, normally {@code hacluster}
   * @param password the password
   * @param http the HTTP client
   * @param timeout how long to wait at most
   * @return the token, for {@link #of}
   */
  public static String authenticate(URI base, String user, char[] password, HttpClient http, Duration timeout) {
    String form = "username=" + enc(user) + "&password=" + enc(new String(password));
    HttpRequest req = HttpRequest.newBuilder(base.resolve("/remote/auth")).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    HttpResponse<String> r = send(http, req, base);
    String body = r.body().strip();
    if (r.statusCode() != 200 || body.isEmpty()) {
      throw new RejectedException("pcsd at " + base + " refused the credentials of user " + user + " (HTTP "
          + r.statusCode() + (body.isEmpty() ? ", empty answer" : "") + ")");
    }
    return body;
  }

  /**
   * An HTTP client that trusts exactly one certificate, pcsd's own ({@code /var/lib/pcsd/pcsd.crt}, self-signed,
   * generated at first start): certificate pinning. The host name is not checked — the pinned certificate is the
   * identity — so {@code https://127.0.0.1:2224} works although the certificate names the host.
   *
   * @param certificatePem the certificate pem
   * @param connectTimeout the connect timeout
   * @return an HTTP client that trusts exactly one certificate, pcsd's own
   */
  public static HttpClient pinnedHttpClient(java.nio.file.Path certificatePem, Duration connectTimeout) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(certificatePem)) {
      X509Certificate pinned = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificate(in);
      return withTrust(new Trust(pinned), connectTimeout);
    } catch (IOException | java.security.cert.CertificateException e) {
      throw new ru.sipring.core.BadInputException(certificatePem.toString(), "not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /**
   * An HTTP client that accepts any certificate and any host name. Only for a trusted network or a quick look;
   * prefer {@link #pinnedHttpClient}.
   *
   * @param connectTimeout the connect timeout
   * @return an HTTP client that accepts any certificate and any host name
   */
  public static HttpClient insecureHttpClient(Duration connectTimeout) {
    return withTrust(new Trust(null), connectTimeout);
  }

  private static HttpClient withTrust(Trust trust, Duration connectTimeout) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, new SecureRandom());
      return HttpClient.newBuilder().sslContext(ctx).connectTimeout(connectTimeout).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("TLS not available", e);
    }
  }

  /**
   * An extended trust manager: JSSE leaves the host-name check to it (a plain X509TrustManager would be
   * wrapped and the host name checked against the certificate anyway).
   */
  private static final class Trust extends javax.net.ssl.X509ExtendedTrustManager {
    private final @Nullable X509Certificate pinned;

    Trust(@Nullable X509Certificate pinned) {
      this.pinned = pinned;
    }

    private void check(X509Certificate[] chain) throws java.security.cert.CertificateException {
      if (pinned != null && (chain.length == 0 || !chain[0].equals(pinned))) {
        throw new java.security.cert.CertificateException("pcsd presented a certificate other than the pinned one ("
            + (chain.length == 0 ? "none" : chain[0].getSubjectX500Principal()) + ")");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
        throws java.security.cert.CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
        throws java.security.cert.CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return pinned == null ? new X509Certificate[0] : new X509Certificate[] {pinned};
    }
  }

  /**
   * True when the token is accepted ({@code GET /remote/check_auth}).
   *
   * @return true when pcsd accepts the token
   */
  public boolean checkAuth() {
    HttpResponse<String> r = send(http, request("/remote/check_auth").GET().build(), base);
    return r.statusCode() == 200 && r.body().contains("\"success\":true");
  }

  @Override
  public void execute(ClusterAction action) {
    LOG.info("cluster action {} through pcsd {}", action.describe(), base);
    if (action instanceof ClusterAction.Standby s) {
      v2("node.standby_unstandby_list", params("standby", s.on(), "node_names", List.of(s.node()), "wait", false));
    } else if (action instanceof ClusterAction.NodeMaintenance m) {
      v2("node.maintenance_unmaintenance_list", params("maintenance", m.on(), "node_names", List.of(m.node()),
          "wait", false));
    } else if (action instanceof ClusterAction.ClusterMaintenance c) {
      v2("cluster_property.set_properties", params("cluster_properties", Map.of("maintenance-mode",
          Boolean.toString(c.on())), "force_flags", List.of()));
    } else if (action instanceof ClusterAction.Move m) {
      v1("resource-move-autoclean", params("resource_id", m.resource(), "node", m.node()));
    } else if (action instanceof ClusterAction.Ban b) {
      v1("resource-ban", params("resource_id", b.resource(), "node", b.node()));
    } else if (action instanceof ClusterAction.Clear c) {
      v1("resource-unmove-unban", params("resource_id", c.resource(), "node", c.node()));
    } else if (action instanceof ClusterAction.Enable e) {
      v1("resource-enable", params("resource_or_tag_ids", List.of(e.resource())));
    } else if (action instanceof ClusterAction.Disable d) {
      v1("resource-disable", params("resource_or_tag_ids", List.of(d.resource())));
    } else if (action instanceof ClusterAction.Cleanup c) {
      if (c.node() != null) {
        throw new RejectedException("pcsd's resource_cleanup cannot limit a cleanup to node " + c.node()
            + "; use pcs or crm_resource");
      }
      legacyCleanup(c.resource());
    } else {
      throw new RejectedException("pcsd has no endpoint for \"" + action.describe() + "\"; use pcs or crm_resource");
    }
  }

  private void v1(String command, Map<String, Object> params) {
    HttpResponse<String> r = send(http, request("/api/v1/" + command + "/v1")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(params))).build(), base);
    JsonNode body = checked(r, command);
    String status = body.path("status").asText("");
    if (!status.equals("success")) {
      throw new RejectedException("pcsd " + command + ": " + status + (body.path("status_msg").isNull() ? ""
          : ": " + body.path("status_msg").asText()) + reports(body.path("report_list")));
    }
  }

  void v2(String command, Map<String, Object> params) {
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("command_name", command);
    dto.put("params", params);
    dto.put("options", Map.of());
    HttpResponse<String> r = send(http, request("/api/v2/task/run").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(dto))).build(), base);
    JsonNode body = checked(r, command);
    String finish = body.path("task_finish_type").asText("");
    if (!finish.equals("SUCCESS")) {
      throw new RejectedException("pcsd " + command + ": task " + body.path("state").asText("?") + "/" + finish
          + reports(body.path("reports")));
    }
  }

  private void legacyCleanup(@Nullable String resource) {
    String form = resource == null ? "" : "resource=" + enc(resource);
    HttpResponse<String> r = send(http, request("/remote/resource_cleanup")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), base);
    JsonNode body = checked(r, "resource_cleanup");
    if (body.path("pacemaker_not_running").asBoolean(false)) {
      // pcs decides this with systemctl; on hosts without systemd it is wrong, but pcsd did not clean up
      throw new RejectedException("pcsd resource_cleanup: pcsd believes pacemaker is not running on its node "
          + "(it asks systemd); nothing was cleaned up");
    }
    if (!"true".equals(body.path("success").asText())) {
      throw new RejectedException("pcsd resource_cleanup failed: " + body.path("stderror").asText("")
          + body.path("stdout").asText(""));
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Cookie", "token=" + token);
  }

  private JsonNode checked(HttpResponse<String> r, String what) {
    if (r.statusCode() == 401) {
      throw new RejectedException("pcsd " + what + ": not authorised (HTTP 401): the token is missing, wrong or "
          + "expired; authenticate again");
    }
    if (r.statusCode() != 200) {
      throw new RejectedException("pcsd " + what + ": HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
    }
    try {
      return JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new RejectedException("pcsd " + what + ": answer is not JSON: " + abbreviate(r.body()));
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest req, URI base) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new ConnectionException("pcsd at " + base + " did not answer " + req.uri().getPath() + " within "
          + req.timeout().map(Duration::toMillis).orElse(0L) + " ms", e);
    } catch (IOException e) {
      throw new ConnectionException("pcsd at " + base + " cannot be reached (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ") — is pcsd running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while calling pcsd at " + base, e);
    }
  }

  private static String reports(JsonNode list) {
    List<String> msgs = new ArrayList<>();
    for (JsonNode r : list) {
      JsonNode m = r.path("message");
      msgs.add(m.isObject() ? m.path("message").asText(m.path("code").asText()) : r.path("report_text").asText(r.toString()));
    }
    return msgs.isEmpty() ? "" : " — " + String.join("; ", msgs);
  }

  private static Map<String, Object> params(@Nullable Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
