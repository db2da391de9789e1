package ru.sipring.ami.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Objects;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiServerThread;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;

/**
 * The FastAGI server behind the {@code *45<queue>} feature code (see {@link DialplanSnippet} for the dialplan).
 * It listens on the configured address only and maps exactly one script name to SipRing's login script:
 * asterisk-java's default mapping, which instantiates any class named in the AGI URL, is never used.
 *
 * <p>Thread-safe. Calls are served on asterisk-java's AGI pool threads; membership changes go through the
 * given {@link AmiPbxGateway}.
 */
public final class AgentLoginService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentLoginService.class);

  private final DefaultAgiServer server;
  private final AgiServerThread thread;
  private final AgentLoginSettings settings;

  private AgentLoginService(AgentLoginSettings settings, AgiScript script) {
    this.settings = settings;
    SimpleMappingStrategy mapping = new SimpleMappingStrategy();
    mapping.setMappings(Map.of(settings.scriptName(), script));
    this.server = new DefaultAgiServer(mapping);
    server.setAddress(settings.bindAddress());
    server.setPort(settings.port());
    this.thread = new AgiServerThread(server);
    thread.setDaemon(true);
  }

  /** Starts listening; returns once the accept thread runs. */
  public static AgentLoginService start(AgentLoginSettings settings, AmiPbxGateway pbx,
      OperatorAuthenticator authenticator, OperatorLoginLog loginLog, AgentDirectory directory, Clock clock) {
    AgentLoginScript script = new AgentLoginScript(Objects.requireNonNull(settings), Objects.requireNonNull(pbx),
        Objects.requireNonNull(authenticator), Objects.requireNonNull(loginLog), Objects.requireNonNull(directory),
        Objects.requireNonNull(clock));
    AgentLoginService s = new AgentLoginService(settings, script);
    try {
      s.thread.startup();
    } catch (RuntimeException e) {
      throw new ConnectionException("cannot start the FastAGI server on " + settings.bindAddress().getHostAddress()
          + ":" + settings.port(), e);
    }
    s.awaitListening();
    log.info("FastAGI agent login listening on {}:{} (script '{}')", settings.bindAddress().getHostAddress(),
        settings.port(), settings.scriptName());
    return s;
  }

  /**
   * asterisk-java's startup() binds on its own thread and offers no readiness signal, so wait until a client
   * connection is accepted. (A trial bind of the same port would race the server's own bind and could make
   * it fail; a probe connection only costs asterisk-java one AGI session that ends at once.)
   */
  private void awaitListening() {
    InetAddress target = settings.bindAddress().isAnyLocalAddress()
        ? InetAddress.getLoopbackAddress() : settings.bindAddress();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(target, settings.port()), 200);
        return;
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new ConnectionException("FastAGI server did not start listening on "
        + settings.bindAddress().getHostAddress() + ":" + settings.port());
  }

  public AgentLoginSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    try {
      // not AgiServerThread.shutdown(): it joins the accept thread, which can hang if it never got to accept
      server.shutdown();
    } catch (IllegalStateException e) {
      log.debug("FastAGI server already stopped: {}", e.toString());
    }
  }

}
