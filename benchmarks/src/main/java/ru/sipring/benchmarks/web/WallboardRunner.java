package ru.sipring.benchmarks.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * The wallboard under a large call centre (issue #14): the fake Asterisk of sipring-testkit in this process with
 * {@code MEMBERS} queue members and {@code CALLERS} waiting callers spread over {@code QUEUES} queues, and the
 * panel started from its jar as a child process, connected to the fake over AMI and reading the queue_log the
 * fake writes (so today's figures of the wallboard are computed too). Not a JMH benchmark: the panel is a
 * separate process and the event stream ticks once a second, so what is measured is wall-clock time on the
 * wire. Measures:
 *
 * <ol>
 *   <li>the wallboard's snapshot: {@code GET /api/live/queues} (JSON of every queue, member and caller) and
 *       {@code GET /wallboard} (the page; the board itself is drawn by its script from the same JSON) — first
 *       request, then median, p95 and max of {@code RUNS} more, and the body size;</li>
 *   <li>event latency: {@code EVENTS} member pauses, each with a unique reason, emitted by the fake (AMI
 *       {@code QueueMemberPause}) every {@code INTERVAL_MS}, and an SSE client on {@code /api/live/stream} noting
 *       when the {@code queues} event first carries that reason: p50, p95 and max from the fake's emit to the
 *       client's receipt. The stream pushes the whole board once a second, so up to one second of it is the
 *       tick, by design;</li>
 *   <li>the panel's heap in use and committed and process CPU ({@code /actuator/metrics}) at the end, and the
 *       {@code /proc/loadavg} load before and after.</li>
 * </ol>
 *
 * <p>Usage: {@code WallboardRunner WEB_JAR [MEMBERS CALLERS QUEUES EVENTS INTERVAL_MS RUNS]} (defaults 500 200 10
 * 1000 100 50); the panel's JVM options from {@code $SIPRING_WEB_JAVA_OPTS} (default {@code -Xmx512m}). The
 * panel listens on a free loopback port with a generated admin password. Not thread-safe; a main program.
 */
public final class WallboardRunner {
  private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String auth;

  private WallboardRunner(String base, String password) {
    this.base = base;
    this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs the measurement.
   *
   * @param args WEB_JAR [MEMBERS CALLERS QUEUES EVENTS INTERVAL_MS RUNS]
   * @throws Exception when the panel does not start or answers an error
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: WallboardRunner WEB_JAR [MEMBERS CALLERS QUEUES EVENTS INTERVAL_MS RUNS]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int members = arg(args, 1, 500);
    int callers = arg(args, 2, 200);
    int queues = arg(args, 3, 10);
    int events = arg(args, 4, 1000);
    int interval = arg(args, 5, 100);
    int runs = arg(args, 6, 50);
    if (!Files.isRegularFile(jar)) {
      System.err.println("WallboardRunner: " + jar + " is missing (./mvnw -B -pl examples/sipring-web -am package "
          + "-DskipTests)");
      System.exit(2);
    }
    System.out.println("load before: " + load());
    Path log = Files.createTempFile("sipring-wallboard-bench-", ".queue_log");
    QueueLogWriter writer = QueueLogWriter.toFile(log);
    Process panel = null;
    try (FakeAsterisk pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), writer)) {
      List<String[]> seats = populate(pbx.engine(), members, callers, queues);
      int port = freePort();
      String password = "bench-" + Long.toHexString(System.nanoTime());
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String opts = System.getenv().getOrDefault("SIPRING_WEB_JAVA_OPTS", "-Xmx512m");
      cmd.addAll(List.of(opts.trim().split("\\s+")));
      cmd.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
          "--sipring.zone=UTC", "--sipring.queue-log.paths=" + log, "--sipring.ami.host=127.0.0.1",
          "--sipring.ami.port=" + pbx.port(), "--sipring.ami.username=sipring", "--logging.level.root=WARN"));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createTempFile("sipring-wallboard-bench-", ".log")
              .toFile()));
      pb.environment().put("SIPRING_ADMIN_PASSWORD", password);
      pb.environment().put("SIPRING_AMI_SECRET", "sipring-secret");
      long started = System.nanoTime();
      panel = pb.start();
      WallboardRunner r = new WallboardRunner("http://127.0.0.1:" + port, password);
      r.awaitBoard(panel, members, callers);
      System.out.printf(Locale.ROOT, "panel up with %d members and %d callers in %d queues after %d ms%n", members,
          callers, queues, (System.nanoTime() - started) / 1_000_000);
      r.snapshots(runs);
      r.latency(pbx.engine(), seats, events, interval);
      System.out.printf(Locale.ROOT, "heap used %.0f MB, committed %.0f MB (jvm.memory.used/committed, area heap); "
          + "process CPU %.2f (process.cpu.usage, share of all cores, at the end)%n",
          r.metric("jvm.memory.used?tag=area:heap") / 1e6, r.metric("jvm.memory.committed?tag=area:heap") / 1e6,
          r.metric("process.cpu.usage"));
      System.out.println("load after: " + load());
    } finally {
      if (panel != null) {
        panel.destroy();
        panel.waitFor();
      }
      writer.close();
      Files.deleteIfExists(log);
    }
  }

  /** Queues 7000.., members PJSIP/2000.. round-robin over them, callers likewise; returns {iface, queue}. */
  private static List<String[]> populate(QueueEngine e, int members, int callers, int queues) {
    List<String[]> seats = new ArrayList<>();
    for (int q = 0; q < queues; q++) {
      e.createQueue(String.valueOf(7000 + q), QueueEngine.Strategy.RRMEMORY);
    }
    for (int m = 0; m < members; m++) {
      String queue = String.valueOf(7000 + m % queues);
      String iface = "PJSIP/" + (2000 + m);
      e.addMember(queue, iface, "Operator " + (2000 + m), 0, false, null, null, "MANAGER");
      seats.add(new String[] {iface, queue});
    }
    for (int c = 0; c < callers; c++) {
      e.join(String.valueOf(7000 + c % queues), String.format(Locale.ROOT, "7000%07d", c), "Caller " + c);
    }
    return seats;
  }

  /** Waits until the board's JSON has every member and caller (the gateway logged in and resynced). */
  private void awaitBoard(Process panel, int members, int callers) throws Exception {
    String memberKey = "\"status\":";
    String callerKey = "\"callerIdNum\":";
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!panel.isAlive()) {
        throw new IllegalStateException("the panel exited with " + panel.exitValue() + " (its log is in /tmp)");
      }
      try {
        HttpResponse<String> r = http.send(request("/api/live/queues"), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && count(r.body(), memberKey) == members && count(r.body(), callerKey) == callers) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the panel did not show the board within 3 minutes");
  }

  private void snapshots(int runs) throws Exception {
    System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %9s %10s%n", "request", "first ms", "median", "p95", "max",
        "bytes");
    for (String[] p : List.of(new String[] {"api: /api/live/queues (JSON)", "/api/live/queues"},
        new String[] {"page: /wallboard (HTML)", "/wallboard"})) {
      long[] first = time(p[1]);
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        times.add(time(p[1])[0] / 1000);
      }
      times.sort(null);
      System.out.printf(Locale.ROOT, "%-36s %9.1f %9.1f %9.1f %9.1f %10d%n", p[0], first[0] / 1e6,
          pct(times, 50) / 1e3, pct(times, 95) / 1e3, times.get(times.size() - 1) / 1e3, first[1]);
    }
  }

  /** Pauses a member with a unique reason every {@code interval} ms; the SSE reader notes when each shows. */
  private void latency(QueueEngine e, List<String[]> seats, int events, int interval) throws Exception {
    Map<String, Long> emitted = new ConcurrentHashMap<>();
    List<Long> latencies = new CopyOnWriteArrayList<>();
    AtomicLong ticks = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/live/stream"))
        .header("Authorization", auth).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines());
    if (stream.statusCode() != 200) {
      throw new IllegalStateException("/api/live/stream answered " + stream.statusCode());
    }
    Thread reader = new Thread(() -> {
      boolean queuesEvent = false;
      try {
        for (String line : (Iterable<String>) stream.body()::iterator) {
          long now = System.nanoTime();
          if (line.startsWith("event:")) {
            queuesEvent = line.substring(6).trim().equals("queues");
          } else if (queuesEvent && line.startsWith("data:")) {
            ticks.incrementAndGet();
            bytes.addAndGet(line.length());
            for (Map.Entry<String, Long> p : emitted.entrySet()) {
              if (line.contains("\"pausedReason\":\"" + p.getKey() + "\"") && emitted.remove(p.getKey()) != null) {
                latencies.add(now - p.getValue());
              }
            }
          }
        }
      } catch (java.io.UncheckedIOException closed) {
        // the panel stops at the end of the run and closes the stream: the measurement is over by then
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(2000); // the first events of the stream, before anything is timed
    long t0 = System.nanoTime();
    for (int i = 0; i < events; i++) {
      String[] seat = seats.get(i % seats.size());
      String reason = "bench" + i;
      emitted.put(reason, System.nanoTime());
      e.pause(seat[0], seat[1], true, reason);
      long next = t0 + (long) (i + 1) * interval * 1_000_000L;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!emitted.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<Long> ms = new ArrayList<>();
    for (long l : latencies) {
      ms.add(l / 1000);
    }
    ms.sort(null);
    System.out.printf(Locale.ROOT, "SSE latency, AMI QueueMemberPause emitted -> 'queues' event received, %d of %d "
        + "events seen (%d not within 10 s): p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d ticks, %.0f KB a tick%n",
        ms.size(), events, emitted.size(), ms.isEmpty() ? Double.NaN : pct(ms, 50) / 1e3,
        ms.isEmpty() ? Double.NaN : pct(ms, 95) / 1e3, ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1) / 1e3,
        ticks.get(), ticks.get() == 0 ? 0.0 : bytes.get() / 1024.0 / ticks.get());
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** Nanoseconds to the last byte and the body's size. */
  private long[] time(String path) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    long ns = System.nanoTime() - t0;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return new long[] {ns, r.body().length};
  }

  private double metric(String name) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request("/actuator/metrics/" + name), HttpResponse.BodyHandlers.ofString());
    Matcher m = VALUE.matcher(r.body());
    return r.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
        .timeout(Duration.ofMinutes(2)).build();
  }

  private static int count(String text, String key) {
    int n = 0;
    for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length())) {
      n++;
    }
    return n;
  }

  private static int arg(String[] args, int i, int def) {
    return args.length > i ? Integer.parseInt(args[i]) : def;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }
}
