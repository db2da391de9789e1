package ru.sipring.testkit.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.RejectedException;
import ru.sipring.testkit.cdr.CdrRow;
import ru.sipring.testkit.cdr.CdrSink;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * A fake Asterisk 22 that speaks AMI on loopback well enough for the real asterisk-java client: it sends the
 * banner, does the Challenge/MD5 (and plain) login, answers CoreSettings and {@code core show version}, Ping,
 * Logoff, Events, QueueStatus and QueueSummary (event lists with {@code EventList: start}/{@code Complete}),
 * QueueAdd/QueueRemove/QueuePause with app_queue's messages, and Originate (sync and async with a scripted
 * {@code OriginateResponse}). Everything is CRLF-framed. Behind it sits a {@link QueueEngine} whose events are
 * broadcast to every logged-in session that asked for events and whose queue_log lines go to the given writer.
 *
 * <p>Fault injection for tests: {@link #dropConnections()} (server closes the sockets),
 * {@link #freezeConnections()} (a half-open connection: sockets stay open, nothing is read or written),
 * {@link #stop()} and {@link #restart()} on the same port, {@link #emit} of any raw event (unknown events,
 * unknown headers, bursts).
 *
 * <p>Thread-safe. One acceptor thread, one reader thread and one writer thread per session; all daemon threads.
 */
public final class FakeAsterisk implements AutoCloseable {

  /** What Asterisk answers to an Originate: a Reason code (4 answered, 5 busy, 3 no answer, 8 congestion, 0/1 failed) after a delay. */
  public record OriginateScript(int reason, Duration delay) {
    /**
     * The call is answered after a delay.
     *
     * @param after how long the fake waits before the OriginateResponse
     * @return the script
     */
    public static OriginateScript answered(Duration after) {
      return new OriginateScript(4, after);
    }
  }

  /** An Originate as the fake received it. */
  public record OriginateSeen(String channel, @Nullable String context, @Nullable String exten,
      @Nullable String callerId, long timeoutMs, List<String> variables, boolean async) {}

  /** Settings; {@link #defaults()} then {@code with...}. */
  public record Config(int port, Map<String, String> users, String amiVersion, String asteriskVersion,
      Duration loginFailureDelay, boolean logMemberNameAsAgent, long seed) {
    /**
     * Port 0 (any free port), one user {@code sipring}/{@code sipring-secret}, AMI 11.0.0 of Asterisk 22.2.0, 200 ms
     * before a failed login is answered, interfaces (not member names) in queue_log, seed 42.
     *
     * @return the defaults
     */
    public static Config defaults() {
      return new Config(0, Map.of("sipring", "sipring-secret"), "11.0.0", "22.2.0", Duration.ofMillis(200), false,
          42L);
    }

    /**
     * These settings with another port.
     *
     * @param p the port to listen on, 0 for any free port
     * @return new settings
     */
    public Config withPort(int p) {
      return new Config(p, users, amiVersion, asteriskVersion, loginFailureDelay, logMemberNameAsAgent, seed);
    }

    /**
     * These settings with one more AMI user (or another secret for an existing one).
     *
     * @param user the manager user
     * @param secret its secret
     * @return new settings
     */
    public Config withUser(String user, String secret) {
      Map<String, String> u = new LinkedHashMap<>(users);
      u.put(user, secret);
      return new Config(port, u, amiVersion, asteriskVersion, loginFailureDelay, logMemberNameAsAgent, seed);
    }

    /**
     * These settings with queues.conf's {@code log_membername_as_agent}.
     *
     * @param v true to write member names in queue_log's agent column
     * @return new settings
     */
    public Config withLogMemberNameAsAgent(boolean v) {
      return new Config(port, users, amiVersion, asteriskVersion, loginFailureDelay, v, seed);
    }

    /**
     * These settings with another seed of the RANDOM queue strategy.
     *
     * @param s the seed
     * @return new settings
     */
    public Config withSeed(long s) {
      return new Config(port, users, amiVersion, asteriskVersion, loginFailureDelay, logMemberNameAsAgent, s);
    }
  }

  private final Config config;
  private final Clock clock;
  private final QueueEngine engine;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timers;
  private final AtomicInteger sessionCounter = new AtomicInteger();
  private final AtomicLong actionsHandled = new AtomicLong();
  private final List<AmiMessage> actionsSeen = new CopyOnWriteArrayList<>();
  private final List<OriginateSeen> originates = new CopyOnWriteArrayList<>();
  private volatile Function<OriginateSeen, OriginateScript> originateScript =
      o -> OriginateScript.answered(Duration.ofMillis(50));
  private volatile @Nullable ServerSocket server;
  private volatile int boundPort;
  private volatile @Nullable CdrWriting cdr;
  private final Map<String, CallUp> callsUp = new java.util.concurrent.ConcurrentHashMap<>();

  private record CdrWriting(CdrSink sink, ZoneId zone, boolean record) {}

  private record CallUp(OriginateSeen seen, Instant start, Instant answered) {}

  private FakeAsterisk(Config config, Clock clock, QueueLogWriter queueLog) {
    this.config = config;
    this.clock = clock;
    this.engine = QueueEngine.of(clock, this::broadcast, queueLog, config.logMemberNameAsAgent(), config.seed());
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fake-asterisk-timer"));
  }

  /**
   * Starts a fake on 127.0.0.1 (port 0 = any free port); the engine writes QUEUESTART.
   *
   * @param config the settings
   * @param clock the clock of queue_log lines and event times
   * @param queueLog where the engine writes queue_log
   * @return the running fake; close it to stop its threads
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  public static FakeAsterisk start(Config config, Clock clock, QueueLogWriter queueLog) {
    FakeAsterisk f = new FakeAsterisk(Objects.requireNonNull(config), Objects.requireNonNull(clock),
        Objects.requireNonNull(queueLog));
    f.engine.start();
    f.listen(config.port());
    return f;
  }

  /**
   * A fake with default settings, the system clock and an in-memory queue_log.
   *
   * @return the running fake
   */
  public static FakeAsterisk start() {
    return start(Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
  }

  /**
   * The port the fake listens on (the one chosen when the config said 0).
   *
   * @return the port
   */
  public int port() {
    return boundPort;
  }

  /**
   * The queue simulation behind the fake, for tests that drive calls directly.
   *
   * @return the engine
   */
  public QueueEngine engine() {
    return engine;
  }

  /**
   * The settings the fake was started with.
   *
   * @return the settings
   */
  public Config config() {
    return config;
  }

  /**
   * Replaces how Originate requests end.
   *
   * @param script chooses the outcome of each Originate, on the fake's session thread
   */
  public void onOriginate(Function<OriginateSeen, OriginateScript> script) {
    this.originateScript = Objects.requireNonNull(script);
  }

  /**
   * Writes a CDR row for every async Originate that reports a channel, from now on, as Asterisk's CDR backend does
   * when the call ends: busy, not answered or congested when the {@code OriginateResponse} is sent; answered when
   * {@link #hangUp} ends it. The row's {@code uniqueid} and {@code linkedid} are the {@code Uniqueid} of the
   * {@code OriginateResponse} (see {@link CdrRow#ofOriginate} for the other columns). A synchronous Originate
   * reports no uniqueid and writes no row.
   *
   * @param sink where the rows go
   * @param pbxZone the zone the PBX writes {@code calldate} in
   * @param record whether answered calls are recorded (their row names the MixMonitor file)
   */
  public void writingCdr(CdrSink sink, ZoneId pbxZone, boolean record) {
    this.cdr = new CdrWriting(Objects.requireNonNull(sink, "sink"), Objects.requireNonNull(pbxZone, "pbxZone"),
        record);
  }

  /**
   * Ends an answered call after {@code talk} seconds of conversation and writes its CDR row.
   *
   * @param uniqueId the {@code Uniqueid} of the call's {@code OriginateResponse}
   * @param talk how long the parties talked, whole seconds
   * @return the row written
   * @throws IllegalStateException when CDR writing is off or no answered call with this uniqueid is up
   * @throws IllegalArgumentException when {@code talk} is negative
   */
  public CdrRow hangUp(String uniqueId, Duration talk) {
    if (talk.isNegative()) {
      throw new IllegalArgumentException("talk must not be negative, was " + talk);
    }
    CdrWriting w = cdr;
    if (w == null) {
      throw new IllegalStateException("CDR writing is off: call writingCdr first");
    }
    CallUp up = callsUp.remove(uniqueId);
    if (up == null) {
      throw new IllegalStateException("no answered call with uniqueid " + uniqueId + " is up");
    }
    long ring = Math.max(0, up.answered().getEpochSecond() - up.start().getEpochSecond());
    CdrRow row = row(w, up.seen(), up.start(), uniqueId, ring + talk.getSeconds(), talk.getSeconds(), "ANSWERED");
    w.sink().write(row);
    return row;
  }

  /**
   * The uniqueids of answered calls still up (not yet {@link #hangUp hung up}), when CDR writing is on.
   *
   * @return the uniqueids
   */
  public List<String> callsUp() {
    return List.copyOf(callsUp.keySet());
  }

  private static CdrRow row(CdrWriting w, OriginateSeen seen, Instant start, String uniqueId, long duration,
      long billsec, String disposition) {
    return CdrRow.ofOriginate(seen.channel(), seen.context() == null ? "" : seen.context(),
        seen.exten() == null ? "" : seen.exten(), seen.callerId() == null ? "" : seen.callerId(), start, w.zone(),
        uniqueId, duration, billsec, disposition, w.record());
  }

  /** The row or the call up of an originate that ended with {@code reason}; called on the timer thread. */
  private void originateEnded(OriginateSeen seen, Instant start, int reason, String uniqueId) {
    CdrWriting w = cdr;
    if (w == null) {
      return;
    }
    Instant now = clock.instant();
    if (reason == 4) {
      callsUp.put(uniqueId, new CallUp(seen, start, now));
      return;
    }
    String disposition = switch (reason) {
      case 5 -> "BUSY";
      case 8 -> "CONGESTION";
      default -> "NO ANSWER";
    };
    long ring = Math.max(0, now.getEpochSecond() - start.getEpochSecond());
    w.sink().write(row(w, seen, start, uniqueId, ring, 0, disposition));
  }

  /**
   * Every Originate received since start, in arrival order.
   *
   * @return a copy of the list
   */
  public List<OriginateSeen> originates() {
    return List.copyOf(originates);
  }

  /**
   * Number of sessions currently connected (logged in or not).
   *
   * @return the number of open sessions
   */
  public int sessionCount() {
    return (int) sessions.stream().filter(s -> !s.closed).count();
  }

  /**
   * Number of sessions that completed a login since start.
   *
   * @return the number of successful logins
   */
  public int loginCount() {
    return loginCount.get();
  }

  private final AtomicInteger loginCount = new AtomicInteger();

  /**
   * Actions answered since start (any session).
   *
   * @return the number of actions answered
   */
  public long actionsHandled() {
    return actionsHandled.get();
  }

  /**
   * Every action the fake parsed since start, from any session, in arrival order per session, exactly as framed on
   * the wire (an action smuggled inside another's header value shows up here as an action of its own). Logins
   * are included with their {@code Secret}/{@code Key} removed.
   *
   * @return a copy of the actions, secrets removed
   */
  public List<AmiMessage> actionsSeen() {
    return List.copyOf(actionsSeen);
  }

  /**
   * Sends an event to every logged-in session that wants events; {@code Event} must be the first header.
   *
   * @param event the event; its first header must be {@code Event}
   */
  public void emit(AmiMessage event) {
    broadcast(event);
  }

  // ------------------------------------------------------------------ fault injection

  /** Closes every session's socket, as Asterisk does on restart or on a write timeout. */
  public void dropConnections() {
    for (Session s : sessions) {
      s.close();
    }
  }

  /**
   * Makes every current session half-open: the socket stays connected but the fake neither reads nor writes
   * on it any more (a dead peer behind a NAT or a crashed host). New connections are served normally.
   */
  public void freezeConnections() {
    for (Session s : sessions) {
      s.frozen = true;
    }
  }

  /**
   * Leaves the next {@code count} actions named {@code action} (any case) unanswered, as a stuck Asterisk would.
   *
   * @param action the action name, any case
   * @param count how many to leave unanswered
   */
  public void ignoreNext(String action, int count) {
    ignored.merge(action.toLowerCase(java.util.Locale.ROOT), count, Integer::sum);
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Integer> ignored =
      new java.util.concurrent.ConcurrentHashMap<>();

  private boolean consumeIgnore(String action) {
    boolean[] hit = {false};
    ignored.computeIfPresent(action, (k, n) -> {
      hit[0] = true;
      return n <= 1 ? null : n - 1;
    });
    return hit[0];
  }

  /** Stops listening and closes every session; {@link #restart()} listens again on the same port. */
  public void stop() {
    ServerSocket s = server;
    server = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing a listening socket only fails if it is already closed
      }
    }
    dropConnections();
  }

  /**
   * Listens again on the port it had, after {@link #stop()}; sessions start fresh, queue state is kept.
   *
   * @throws java.io.UncheckedIOException when the port cannot be bound again
   */
  public void restart() {
    listen(boundPort);
  }

  @Override
  public void close() {
    stop();
    timers.shutdownNow();
  }

  // ------------------------------------------------------------------ server

  private void listen(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      boundPort = s.getLocalPort();
      server = s;
      Thread t = new Thread(() -> accept(s), "fake-asterisk-accept-" + boundPort);
      t.setDaemon(true);
      t.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket socket = s.accept();
        socket.setTcpNoDelay(true);
        Session session = new Session(socket, sessionCounter.incrementAndGet());
        sessions.add(session);
        session.start();
      } catch (IOException e) {
        return; // listening socket closed by stop()
      }
    }
  }

  private void broadcast(AmiMessage event) {
    String wire = event.toWire();
    for (Session s : sessions) {
      if (s.authenticated && s.eventsOn && !s.closed) {
        s.sendEvent(wire);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private final class Session {
    private final Socket socket;
    private final int id;
    private final LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
    private volatile boolean authenticated;
    private volatile boolean eventsOn = true;
    private volatile boolean closed;
    private volatile boolean frozen;
    private @Nullable String challenge;
    private @Nullable String user;

    Session(Socket socket, int id) {
      this.socket = socket;
      this.id = id;
    }

    void start() {
      daemon(this::writeLoop, "fake-asterisk-writer-" + id).start();
      daemon(this::readLoop, "fake-asterisk-reader-" + id).start();
      send("Asterisk Call Manager/" + config.amiVersion() + "\r\n");
    }

    void send(String wire) {
      if (!closed) {
        out.add(wire);
      }
    }

    void send(AmiMessage m) {
      send(m.toWire());
    }

    private final Object eventLock = new Object();
    private boolean deferring;
    private final List<String> deferred = new ArrayList<>();

    /**
     * Events raised while this session's action runs go out after its response, as Asterisk flushes a
     * session's pending events only when the action handler returns.
     */
    void sendEvent(String wire) {
      synchronized (eventLock) {
        if (deferring) {
          deferred.add(wire);
        } else {
          send(wire);
        }
      }
    }

    private void handleInOrder(AmiMessage action) throws InterruptedException {
      synchronized (eventLock) {
        deferring = true;
      }
      try {
        handle(action);
      } finally {
        synchronized (eventLock) {
          deferring = false;
          for (String w : deferred) {
            send(w);
          }
          deferred.clear();
        }
      }
    }

    void close() {
      closed = true;
      out.add("");
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
      sessions.remove(this);
    }

    private void writeLoop() {
      try {
        OutputStream os = socket.getOutputStream();
        StringBuilder batch = new StringBuilder();
        while (!closed) {
          String first = out.take();
          batch.setLength(0);
          batch.append(first);
          String next;
          while (batch.length() < 64 * 1024 && (next = out.poll()) != null) {
            batch.append(next);
          }
          while (frozen && !closed) {
            Thread.sleep(50);
          }
          if (closed) {
            return;
          }
          os.write(batch.toString().getBytes(StandardCharsets.UTF_8));
          os.flush();
        }
      } catch (IOException e) {
        close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void readLoop() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.UTF_8))) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        // BufferedReader ends lines on LF or CRLF: Asterisk accepts both from clients
        while ((line = in.readLine()) != null) {
          while (frozen && !closed) {
            Thread.sleep(50);
          }
          if (line.isEmpty()) {
            if (!headers.isEmpty()) {
              AmiMessage action = new AmiMessage(headers);
              headers = new ArrayList<>();
              if (!frozen) {
                handleInOrder(action);
              }
            }
            continue;
          }
          int colon = line.indexOf(':');
          if (colon > 0) {
            headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
          }
        }
      } catch (SocketException e) {
        // closed by us or by the peer
      } catch (IOException e) {
        // connection lost
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        close();
      }
    }

    private AmiMessage.Builder response(AmiMessage action, String result) {
      AmiMessage.Builder b = AmiMessage.builder().add("Response", result);
      String id = action.get("ActionID");
      if (id != null && !id.isEmpty()) {
        b.add("ActionID", id);
      }
      return b;
    }

    private void success(AmiMessage action, String message) {
      send(response(action, "Success").add("Message", message).build());
    }

    private void error(AmiMessage action, String message) {
      send(response(action, "Error").add("Message", message).build());
    }

    private void handle(AmiMessage a) throws InterruptedException {
      actionsHandled.incrementAndGet();
      actionsSeen.add(a.without("Secret").without("Key"));
      String name = a.action();
      if (name == null) {
        error(a, "Missing action in request");
        return;
      }
      if (consumeIgnore(name)) {
        return;
      }
      if (!authenticated && !name.equals("login") && !name.equals("challenge") && !name.equals("logoff")) {
        error(a, "Permission denied");
        return;
      }
      switch (name) {
        case "challenge" -> challenge(a);
        case "login" -> login(a);
        case "logoff" -> {
          send(response(a, "Goodbye").add("Message", "Thanks for all the fish.").build());
          closeAfterFlush();
        }
        case "ping" -> {
          Instant now = clock.instant();
          send(response(a, "Success").add("Ping", "Pong")
              .add("Timestamp", now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000)).build());
        }
        case "coresettings" -> send(response(a, "Success").add("AMIversion", config.amiVersion())
            .add("AsteriskVersion", config.asteriskVersion()).add("SystemName", "").add("CoreMaxCalls", "0")
            .add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "asterisk").add("CoreRunGroup", "asterisk")
            .add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "Yes")
            .add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No").build());
        case "command" -> command(a);
        case "events" -> {
          String mask = a.get("EventMask", "on");
          eventsOn = !mask.equalsIgnoreCase("off");
          send(response(a, "Success").add("Events", eventsOn ? "On" : "Off").build());
        }
        case "queuestatus" -> queueStatus(a);
        case "queuesummary" -> queueSummary(a);
        case "queueadd" -> queueAdd(a);
        case "queueremove" -> queueRemove(a);
        case "queuepause" -> queuePause(a);
        case "originate" -> originate(a);
        default -> error(a, "Invalid/unknown command: " + a.get("Action")
            + ". Use Action: ListCommands to show available commands.");
      }
    }

    private void closeAfterFlush() {
      timers.schedule(this::close, 100, TimeUnit.MILLISECONDS);
    }

    private void challenge(AmiMessage a) {
      if (!"md5".equalsIgnoreCase(a.get("AuthType", ""))) {
        error(a, "Must specify AuthType");
        return;
      }
      if (challenge == null) {
        challenge = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
      }
      send(response(a, "Success").add("Challenge", challenge).build());
    }

    private void login(AmiMessage a) throws InterruptedException {
      if (authenticated) {
        success(a, "Already authenticated");
        return;
      }
      String u = a.get("Username", "");
      String secret = config.users().get(u);
      boolean ok = false;
      if (secret != null) {
        String key = a.get("Key");
        if (key != null && challenge != null && "md5".equalsIgnoreCase(a.get("AuthType", ""))) {
          ok = md5Hex(challenge + secret).equalsIgnoreCase(key);
        } else if (a.get("Secret") != null) {
          ok = secret.equals(a.get("Secret"));
        }
      }
      if (!ok) {
        Thread.sleep(config.loginFailureDelay().toMillis());
        error(a, "Authentication failed");
        closeAfterFlush();
        return;
      }
      user = u;
      String events = a.get("Events");
      eventsOn = events == null || !events.equalsIgnoreCase("off");
      authenticated = true;
      loginCount.incrementAndGet();
      success(a, "Authentication accepted");
      if (eventsOn) {
        send(AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "1000", "LastReload", "1000",
            "Status", "Fully Booted"));
      }
    }

    private void command(AmiMessage a) {
      String cmd = a.get("Command", "").trim();
      AmiMessage.Builder b = response(a, "Success").add("Message", "Command output follows");
      if (cmd.equals("core show version")) {
        b.add("Output", "Asterisk " + config.asteriskVersion()
            + " built by sipring @ fake-asterisk on a x86_64 running Linux");
      } else {
        b = response(a, "Error").add("Message", "Command output follows")
            .add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd + "' for other possible commands)");
      }
      send(b.build());
    }

    private void queueStatus(AmiMessage a) {
      String queueFilter = a.get("Queue", "");
      String memberFilter = a.get("Member", "");
      String id = a.get("ActionID", "");
      List<AmiMessage> items = new ArrayList<>();
      long now = clock.instant().getEpochSecond();
      for (QueueEngine.QueueView q : engine.queues()) {
        if (!queueFilter.isEmpty() && !queueFilter.equals(q.name())) {
          continue;
        }
        AmiMessage.Builder p = AmiMessage.builder().add("Event", "QueueParams").add("Queue", q.name())
            .add("Max", "0").add("Strategy", q.strategy().name().toLowerCase(java.util.Locale.ROOT))
            .add("Calls", String.valueOf(q.calls())).add("Holdtime", String.valueOf(q.holdTime()))
            .add("TalkTime", String.valueOf(q.talkTime())).add("Completed", String.valueOf(q.completed()))
            .add("Abandoned", String.valueOf(q.abandoned())).add("ServiceLevel", String.valueOf(q.serviceLevel()))
            .add("ServicelevelPerf", String.format(java.util.Locale.ROOT, "%2.1f", q.serviceLevelPerf()))
            .add("ServicelevelPerf2", String.format(java.util.Locale.ROOT, "%2.1f", q.serviceLevelPerf()))
            .add("Weight", "0");
        withId(p, id);
        if (memberFilter.isEmpty()) {
          items.add(p.build());
        }
        for (QueueEngine.MemberView m : engine.members(q.name())) {
          if (!memberFilter.isEmpty() && !memberFilter.equals(m.memberInterface())
              && !memberFilter.equals(m.memberName())) {
            continue;
          }
          AmiMessage.Builder b = AmiMessage.builder().add("Event", "QueueMember").add("Queue", q.name())
              .add("Name", m.memberName()).add("Location", m.memberInterface())
              .add("StateInterface", m.stateInterface()).add("Membership", "dynamic")
              .add("Penalty", String.valueOf(m.penalty())).add("CallsTaken", String.valueOf(m.callsTaken()))
              .add("LastCall", String.valueOf(m.lastCall())).add("LastPause", "0")
              .add("LoginTime", String.valueOf(m.loginTime())).add("InCall", m.inCall() ? "1" : "0")
              .add("Status", String.valueOf(m.status())).add("Paused", m.paused() ? "1" : "0")
              .add("PausedReason", m.pausedReason()).add("Wrapuptime", "0");
          withId(b, id);
          items.add(b.build());
        }
        if (memberFilter.isEmpty()) {
          for (QueueEngine.CallerView c : engine.callers(q.name())) {
            AmiMessage.Builder b = AmiMessage.builder().add("Event", "QueueEntry").add("Queue", q.name())
                .add("Position", String.valueOf(c.position())).add("Channel", c.channel())
                .add("Uniqueid", c.uniqueId()).add("CallerIDNum", c.callerIdNum())
                .add("CallerIDName", c.callerIdName().isEmpty() ? "<unknown>" : c.callerIdName())
                .add("ConnectedLineNum", "<unknown>").add("ConnectedLineName", "<unknown>")
                .add("Wait", String.valueOf(now - c.joinedAt().getEpochSecond())).add("Priority", "0");
            withId(b, id);
            items.add(b.build());
          }
        }
      }
      sendList(a, "Queue status will follow", items, "QueueStatusComplete");
    }

    private void queueSummary(AmiMessage a) {
      String queueFilter = a.get("Queue", "");
      String id = a.get("ActionID", "");
      List<AmiMessage> items = new ArrayList<>();
      long now = clock.instant().getEpochSecond();
      for (QueueEngine.QueueView q : engine.queues()) {
        if (!queueFilter.isEmpty() && !queueFilter.equals(q.name())) {
          continue;
        }
        List<QueueEngine.MemberView> members = engine.members(q.name());
        long loggedIn = members.stream().filter(m -> m.status() != QueueEngine.UNAVAILABLE).count();
        long available = members.stream()
            .filter(m -> !m.paused() && m.status() == QueueEngine.NOT_INUSE).count();
        long longest = engine.callers(q.name()).stream().mapToLong(c -> now - c.joinedAt().getEpochSecond())
            .max().orElse(0);
        AmiMessage.Builder b = AmiMessage.builder().add("Event", "QueueSummary").add("Queue", q.name())
            .add("LoggedIn", String.valueOf(loggedIn)).add("Available", String.valueOf(available))
            .add("Callers", String.valueOf(q.calls())).add("HoldTime", String.valueOf(q.holdTime()))
            .add("TalkTime", String.valueOf(q.talkTime())).add("LongestHoldTime", String.valueOf(longest));
        withId(b, id);
        items.add(b.build());
      }
      sendList(a, "Queue summary will follow", items, "QueueSummaryComplete");
    }

    private void sendList(AmiMessage a, String message, List<AmiMessage> items, String complete) {
      // one batch so that nothing from another thread lands between the list's parts, like Asterisk's session lock
      StringBuilder sb = new StringBuilder();
      sb.append(response(a, "Success").add("EventList", "start").add("Message", message).build().toWire());
      for (AmiMessage item : items) {
        sb.append(item.toWire());
      }
      AmiMessage.Builder c = AmiMessage.builder().add("Event", complete);
      withId(c, a.get("ActionID", ""));
      c.add("EventList", "Complete").add("ListItems", String.valueOf(items.size()));
      sb.append(c.build().toWire());
      send(sb.toString());
    }

    private void withId(AmiMessage.Builder b, String id) {
      if (!id.isEmpty()) {
        b.add("ActionID", id);
      }
    }

    private void queueAdd(AmiMessage a) {
      String queue = a.get("Queue", "");
      String iface = a.get("Interface", "");
      if (queue.isEmpty()) {
        error(a, "'Queue' not specified.");
        return;
      }
      if (iface.isEmpty()) {
        error(a, "'Interface' not specified.");
        return;
      }
      int penalty;
      try {
        penalty = Integer.parseInt(a.get("Penalty", "0").trim());
      } catch (NumberFormatException e) {
        penalty = 0; // app_queue: atoi() semantics, a bad penalty becomes 0
      }
      boolean paused = isTrue(a.get("Paused", "false"));
      try {
        engine.addMember(queue, iface, a.get("MemberName"), penalty, paused, a.get("Reason"),
            a.get("StateInterface"), "MANAGER");
        success(a, "Added interface to queue");
      } catch (RejectedException e) {
        error(a, String.valueOf(e.getMessage()));
      }
    }

    private void queueRemove(AmiMessage a) {
      String queue = a.get("Queue", "");
      String iface = a.get("Interface", "");
      if (queue.isEmpty() || iface.isEmpty()) {
        error(a, "Need 'Queue' and 'Interface' parameters.");
        return;
      }
      try {
        engine.removeMember(queue, iface, "MANAGER");
        success(a, "Removed interface from queue");
      } catch (RejectedException e) {
        error(a, String.valueOf(e.getMessage()));
      }
    }

    private void queuePause(AmiMessage a) {
      String iface = a.get("Interface", "");
      String pausedText = a.get("Paused", "");
      if (iface.isEmpty() || pausedText.isEmpty()) {
        error(a, "Need 'Interface' and 'Paused' parameters.");
        return;
      }
      boolean paused = isTrue(pausedText);
      String queue = a.get("Queue", "");
      try {
        engine.pause(iface, queue.isEmpty() ? null : queue, paused, a.get("Reason"));
        success(a, paused ? "Interface paused successfully" : "Interface unpaused successfully");
      } catch (RejectedException e) {
        error(a, String.valueOf(e.getMessage()));
      }
    }

    private void originate(AmiMessage a) {
      String channel = a.get("Channel", "");
      if (channel.isEmpty()) {
        error(a, "Channel not specified");
        return;
      }
      String exten = a.get("Exten");
      String context = a.get("Context");
      String app = a.get("Application");
      if (app == null && exten != null && (context == null || a.get("Priority") == null)) {
        error(a, "Originate with 'Exten' requires 'Context' and 'Priority'");
        return;
      }
      long timeout;
      try {
        timeout = Long.parseLong(a.get("Timeout", "30000").trim());
      } catch (NumberFormatException e) {
        error(a, "Invalid timeout");
        return;
      }
      if (timeout < 0) {
        error(a, "Invalid timeout");
        return;
      }
      boolean async = isTrue(a.get("Async", "false"));
      OriginateSeen seen = new OriginateSeen(channel, context, exten, a.get("CallerID"), timeout,
          a.getAll("Variable"), async);
      originates.add(seen);
      Instant started = clock.instant();
      OriginateScript script = originateScript.apply(seen);
      // Asterisk gives up ringing at the originate timeout: a later answer is a no-answer (Reason 3)
      Duration delay = script.delay();
      int reason = script.reason();
      if (delay.toMillis() > timeout && reason == 4) {
        delay = Duration.ofMillis(timeout);
        reason = 3;
      }
      int finalReason = reason;
      String id = a.get("ActionID", "");
      if (async) {
        success(a, "Originate successfully queued");
        timers.schedule(() -> {
          AmiMessage.Builder e = AmiMessage.builder().add("Event", "OriginateResponse").add("Privilege", "call,all");
          withId(e, id);
          e.add("Response", finalReason == 4 ? "Success" : "Failure").add("Channel", channel);
          if (app != null) {
            e.add("Application", app).add("Data", a.get("Data", ""));
          } else {
            e.add("Context", context == null ? "" : context).add("Exten", exten == null ? "" : exten);
          }
          String uniqueId = finalReason == 0 ? "<unknown>" : clock.instant().getEpochSecond() + "."
              + sessionCounter.incrementAndGet() * 1000L;
          e.add("Reason", String.valueOf(finalReason))
              .add("Uniqueid", uniqueId)
              .add("CallerIDNum", "<unknown>").add("CallerIDName", "<unknown>");
          if (finalReason == 3 || finalReason == 4 || finalReason == 5 || finalReason == 8) {
            originateEnded(seen, started, finalReason, uniqueId);
          }
          sendEvent(e.build().toWire());
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        timers.schedule(() -> {
          if (finalReason == 4) {
            success(a, "Originate successfully queued");
          } else {
            error(a, "Originate failed");
          }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public String toString() {
      return "session " + id + (user == null ? "" : " (" + user + ")");
    }
  }

  static boolean isTrue(String v) {
    String s = v.trim().toLowerCase(java.util.Locale.ROOT);
    return s.equals("true") || s.equals("yes") || s.equals("1") || s.equals("on") || s.equals("y") || s.equals("t");
  }

  /**
   * md5 hex of a string, as Asterisk computes the login key from challenge + secret.
   *
   * @param text the text, UTF-8
   * @return the 32 lower-case hex digits
   */
  public static String md5Hex(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
