package ru.sipring.benchmarks.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Response times of the report pages of a running panel (not a JMH benchmark: a report computed from the whole
 * queue_log takes seconds on a 10-million-line log, so a handful of runs per page is the measurement). With the
 * starter's report cache (on by default) only the first request of a query computes; the pages that share a query
 * (the answered page, its sorted deep page and the answered JSON ask the same sections and window) are served from
 * it from their first request. The panel's {@code sipring.report.duration} count says how many computations ran.
 * For each page: the first request (cold: the panel just started, nothing of the log in the JIT's profile; the
 * file may be in the page cache) and the median and maximum of the next {@code RUNS} (warm); after all pages the
 * panel's heap in use and process CPU from {@code /actuator/metrics}. Prints one line per page and the
 * {@code uptime} load before and after, for docs/performance/web.md.
 *
 * <p>Usage: {@code ReportPagesRunner BASE_URL FROM TO [RUNS]} with the admin password in
 * {@code $SIPRING_ADMIN_PASSWORD}, e.g. {@code ReportPagesRunner http://127.0.0.1:8080 2023-11-14 2023-12-31 3}.
 * Not thread-safe; a main program.
 */
public final class ReportPagesRunner {
  private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String auth;

  private ReportPagesRunner(String base, String password) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs the measurement.
   *
   * @param args BASE_URL FROM TO [RUNS]
   * @throws Exception when the panel cannot be reached or answers an error
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ReportPagesRunner BASE_URL FROM TO [RUNS]   (admin password in $SIPRING_ADMIN_PASSWORD)");
      System.exit(2);
    }
    String password = System.getenv("SIPRING_ADMIN_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("ReportPagesRunner: set SIPRING_ADMIN_PASSWORD to the panel's admin password");
      System.exit(2);
    }
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    new ReportPagesRunner(args[0], password).run(args[1], args[2], runs);
  }

  private void run(String from, String to, int runs) throws Exception {
    String w = "from=" + from + "&to=" + to;
    List<String[]> pages = List.of(
        new String[] {"page: summary, service level, operators, queues", "/reports/inbound?" + w},
        new String[] {"page: answered calls, page 1 of 50", "/reports/inbound?" + w + "&section=answered"},
        new String[] {"page: answered by wait desc, page 100", "/reports/inbound?" + w
            + "&section=answered&answeredSort=-wait&answeredPage=100"},
        new String[] {"page: lost calls by cause, 500 a page", "/reports/inbound?" + w
            + "&section=lost&lostSort=cause&size=500"},
        new String[] {"api: answered JSON page of 500", "/api/inbound/report/answered?" + w + "&size=500&sort=talk"},
        new String[] {"api: whole report JSON", "/api/inbound/report?" + w});
    System.out.println("load before: " + load());
    System.out.printf(Locale.ROOT, "%-48s %10s %10s %10s %10s%n", "request", "cold ms", "warm med", "warm max", "bytes");
    for (String[] p : pages) {
      long[] first = time(p[1]);
      List<Long> warm = new ArrayList<>();
      long bytes = first[1];
      for (int i = 0; i < runs; i++) {
        warm.add(time(p[1])[0]);
      }
      warm.sort(null);
      System.out.printf(Locale.ROOT, "%-48s %10d %10d %10d %10d%n", p[0], first[0], warm.get(warm.size() / 2),
          warm.get(warm.size() - 1), bytes);
    }
    System.out.printf(Locale.ROOT, "report computations: %.0f for %d requests (sipring.report.duration count)%n",
        metric("sipring.report.duration"), pages.size() * (runs + 1));
    System.out.printf(Locale.ROOT, "heap used %.0f MB (jvm.memory.used, area heap), max %.0f MB; process CPU %.2f "
        + "(process.cpu.usage, share of all cores, at the end)%n",
        metric("jvm.memory.used?tag=area:heap") / 1e6, metric("jvm.memory.max?tag=area:heap") / 1e6,
        metric("process.cpu.usage"));
    System.out.println("load after: " + load());
  }

  /** Milliseconds to the last byte and the body's size. */
  private long[] time(String path) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
    return new long[] {ms, r.body().length};
  }

  private double metric(String name) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request("/actuator/metrics/" + name), HttpResponse.BodyHandlers.ofString());
    Matcher m = VALUE.matcher(r.body());
    return r.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
        .timeout(Duration.ofMinutes(10)).build();
  }

  private static String load() throws IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
  }
}
