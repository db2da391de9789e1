package ru.sipring.ami.agi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.LoginFailureLedger;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;

/**
 * The FastAGI server behind the {@code *45<queue>} feature code (see {@link DialplanSnippet} for the dialplan).
 *
 * <p>FastAGI has no authentication: the caller's channel and extension arrive in the session's own header. So
 * the service accepts connections itself and serves only peers in {@link AgentLoginSettings#allow()} (default:
 * loopback); any other connection is closed before a byte is read, with a rate-limited WARN. An allowed
 * connection must send a well-formed AGI header within {@link AgentLoginSettings#headerTimeout()}; an idle or
 * garbage connection is closed with one rate-limited WARN line (never a stack trace). Only then is it handed to
 * asterisk-java's FastAGI connection handler, with exactly one script name mapped to SipRing's login script
 * (asterisk-java's default mapping, which instantiates any class named in the AGI URL, is never used). Wrong
 * PINs are counted in a {@link LoginFailureLedger}: per device and overall (see {@link AgentLoginSettings}).
 *
 * <p>Thread-safe. Calls are served on the service's pool threads ({@code sipring-agi-N}, at most 64 at once);
 * membership changes go through the given {@link AmiPbxGateway}.
 */
public final class AgentLoginService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentLoginService.class);
  private static final int MAX_SESSIONS = 64;
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final AgentLoginSettings settings;
  private final SimpleMappingStrategy mapping = new SimpleMappingStrategy();
  private final ServerSocket server;
  private final ThreadPoolExecutor pool;
  private final Thread acceptor;
  private final RateLimitedWarning refusedWarning;
  private final RateLimitedWarning garbageWarning;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong notAgi = new AtomicLong();
  private volatile boolean closed;

  private AgentLoginService(AgentLoginSettings settings, AgiScript script, Clock clock) throws IOException {
    this.settings = settings;
    mapping.setMappings(Map.of(settings.scriptName(), script));
    this.refusedWarning = new RateLimitedWarning(log, clock, WARN_EVERY);
    this.garbageWarning = new RateLimitedWarning(log, clock, WARN_EVERY);
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 200);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, MAX_SESSIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "sipring-agi-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::acceptLoop, "sipring-agi-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Starts listening with wrong PINs counted in memory (forgotten at restart); see the overload for a ledger that
   * is kept.
   *
   * @param settings where to listen, whom to serve, the PIN rules
   * @param pbx the gateway that adds and removes members
   * @param authenticator the PIN check
   * @param loginLog where logins and logouts are recorded
   * @param directory names the operator of a device at logout
   * @param clock the time source of lockouts and log entries
   * @return the running service; it is listening when this returns
   */
  public static AgentLoginService start(AgentLoginSettings settings, AmiPbxGateway pbx,
      OperatorAuthenticator authenticator, OperatorLoginLog loginLog, AgentDirectory directory, Clock clock) {
    return start(settings, pbx, authenticator, loginLog, directory, LoginFailureLedger.inMemory(), clock);
  }

  /**
   * Starts listening; the port is bound when this returns.
   *
   * @param settings where to listen, whom to serve, the PIN rules
   * @param pbx the gateway that adds and removes members
   * @param authenticator the PIN check
   * @param loginLog where logins and logouts are recorded
   * @param directory names the operator of a device at logout
   * @param failures where wrong PINs and the overall lock are kept ({@code JdbiLoginFailureLedger} keeps them in
   *     the registry database across restarts)
   * @param clock the time source of lockouts and log entries
   * @return the running service
   * @throws ConnectionException when the address cannot be bound
   */
  public static AgentLoginService start(AgentLoginSettings settings, AmiPbxGateway pbx,
      OperatorAuthenticator authenticator, OperatorLoginLog loginLog, AgentDirectory directory,
      LoginFailureLedger failures, Clock clock) {
    AgentLoginScript script = new AgentLoginScript(Objects.requireNonNull(settings), Objects.requireNonNull(pbx),
        Objects.requireNonNull(authenticator), Objects.requireNonNull(loginLog), Objects.requireNonNull(directory),
        new LoginGuard(settings, Objects.requireNonNull(failures), Objects.requireNonNull(clock)), clock);
    AgentLoginService s;
    try {
      s = new AgentLoginService(settings, script, clock);
    } catch (IOException e) {
      throw new ConnectionException("cannot start the FastAGI server on " + settings.bindAddress().getHostAddress()
          + ":" + settings.port() + ": " + e.getMessage(), e);
    }
    s.acceptor.start();
    log.info("FastAGI agent login listening on {}:{} (script '{}'), serving Asterisk at {}",
        settings.bindAddress().getHostAddress(), s.port(), settings.scriptName(), settings.allow());
    return s;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          // such as "Too many open files": say so once a minute and do not spin
          garbageWarning.warn("FastAGI accept failed: " + e);
          pause();
        }
        continue;
      }
      if (!settings.allow().allows(socket.getInetAddress())) {
        refused.incrementAndGet();
        refusedWarning.warn("FastAGI connection from " + socket.getInetAddress().getHostAddress()
            + " closed unserved: not an allowed Asterisk address (allowed: " + settings.allow()
            + "; widen with --allow)");
        closeQuietly(socket);
        continue;
      }
      try {
        pool.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        garbageWarning.warn("FastAGI connection from " + socket.getInetAddress().getHostAddress()
            + " closed: " + MAX_SESSIONS + " sessions already running");
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    AgiSocket agi;
    try {
      socket.setSoTimeout((int) settings.headerTimeout().toMillis());
      agi = new AgiSocket(socket);
      agi.readHeader();
      // a live Asterisk answers every command; a peer silent for this long is gone
      socket.setSoTimeout((int) settings.pinTimeout().plusSeconds(60).toMillis());
    } catch (SocketTimeoutException e) {
      notAgi(socket, "sent no complete AGI header within " + settings.headerTimeout().toSeconds() + " s");
      return;
    } catch (IOException e) {
      notAgi(socket, e instanceof AgiSocket.NotAgi ? String.valueOf(e.getMessage()) : "failed: " + e.getMessage());
      return;
    }
    new FastAgiConnectionHandler(mapping, agi, new DefaultAgiChannelFactory()).run();
  }

  private void notAgi(Socket socket, String why) {
    notAgi.incrementAndGet();
    garbageWarning.warn("FastAGI connection from " + socket.getInetAddress().getHostAddress() + " closed: " + why);
    closeQuietly(socket);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do: the peer is gone either way
    }
  }

  /** @return the settings the service runs with */
  public AgentLoginSettings settings() {
    return settings;
  }

  /** @return the port listened on (the bound one when the settings asked for port 0) */
  public int port() {
    return server.getLocalPort();
  }

  /** @return connections closed unserved since start because their address is not allowed */
  public long refusedConnections() {
    return refused.get();
  }

  /** @return allowed connections closed since start because they sent no valid AGI header in time */
  public long notAgiConnections() {
    return notAgi.get();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      log.debug("FastAGI server socket close: {}", e.toString());
    }
    pool.shutdown();
  }
}
