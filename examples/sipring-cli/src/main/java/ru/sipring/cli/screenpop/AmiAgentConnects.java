package ru.sipring.cli.screenpop;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.ConnectionException;

/**
 * Asterisk's AMI {@code AgentConnect} events as {@link AgentConnected}s, from a manager session of its own.
 *
 * <p>Why a session of its own: {@code ru.sipring.ami.AmiPbxGateway} keeps live queue state and members but does
 * not (yet) publish agent-connect events, and the host must not reach into the adapter. A second AMI login is
 * what Asterisk expects from independent clients (a wallboard and a CRM pop each have theirs); when the gateway
 * gets an agent-connect listener this class is replaced by one line subscribing {@link ScreenPopWiring} to it.
 *
 * <p>asterisk-java logs in (Challenge/MD5) in {@link #connect} and reconnects by itself after a drop. Its
 * dispatch thread only hands each event over; the sink runs on one thread of this object
 * ({@code sipring-screenpop}), one event at a time in AMI order, so a slow client look-up never stalls the AMI
 * reader. The AMI user needs {@code read = agent} (or {@code all}). Thread-safe.
 */
public final class AmiAgentConnects implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AmiAgentConnects.class);
  private final ManagerConnection connection;
  private final ExecutorService worker;
  private final Consumer<AgentConnected> sink;

  private AmiAgentConnects(AmiSettings settings, Consumer<AgentConnected> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.connection = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
        settings.secret()).createManagerConnection();
    connection.setSocketTimeout((int) settings.connectTimeout().toMillis());
    connection.setSocketReadTimeout((int) settings.readTimeout().toMillis());
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sipring-screenpop");
      t.setDaemon(true);
      return t;
    });
    connection.addEventListener(this::onEvent);
  }

  /**
   * Logs in to the AMI of {@code settings} and delivers every {@code AgentConnect} to {@code sink}.
   *
   * @throws ConnectionException when Asterisk cannot be reached or refuses the login (the cause kept)
   */
  public static AmiAgentConnects connect(AmiSettings settings, Consumer<AgentConnected> sink) {
    AmiAgentConnects c = new AmiAgentConnects(Objects.requireNonNull(settings, "settings"), sink);
    try {
      c.connection.login("agent");
      return c;
    } catch (AuthenticationFailedException e) {
      c.close();
      throw new ConnectionException("Asterisk AMI at " + settings.host() + ":" + settings.port()
          + " refused the login of " + settings.username() + ": " + e.getMessage(), e);
    } catch (IOException | TimeoutException | IllegalStateException e) {
      c.close();
      throw new ConnectionException("cannot log in to Asterisk AMI at " + settings.host() + ":" + settings.port()
          + ": " + e.getMessage(), e);
    }
  }

  /** Whether the AMI session is up (false while asterisk-java reconnects). */
  public boolean isConnected() {
    return connection.getState() == ManagerConnectionState.CONNECTED;
  }

  private void onEvent(ManagerEvent event) {
    if (!(event instanceof AgentConnectEvent e)) {
      return;
    }
    AgentConnected call;
    try {
      call = new AgentConnected(e.getUniqueId(), e.getQueue(), e.getCallerIdNum(),
          e.getInterface() != null ? e.getInterface() : e.getMember(), e.getMemberName());
    } catch (NullPointerException incomplete) {
      log.warn("AgentConnect without Uniqueid or Queue ignored: {}", event);
      return;
    }
    try {
      worker.execute(() -> {
        try {
          sink.accept(call);
        } catch (RuntimeException ex) {
          log.warn("screen pop for call {} failed", call.callId(), ex);
        }
      });
    } catch (RejectedExecutionException closed) {
      log.debug("AgentConnect after close ignored: {}", call);
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      if (connection.getState() == ManagerConnectionState.CONNECTED
          || connection.getState() == ManagerConnectionState.RECONNECTING) {
        connection.logoff();
      }
    } catch (RuntimeException e) {
      log.debug("AMI logoff failed: {}", e.toString());
    }
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
