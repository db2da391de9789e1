package ru.sipring.ami;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.ReflectionUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.LiveQueueMonitor;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.core.pbx.QueueCallListener;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.core.text.ProtocolText;
import ru.sipring.core.text.TerminalText;

/**
 * {@link PbxGateway}, {@link LiveQueueMonitor} and {@link QueueCallEvents} over Asterisk's manager interface, one AMI
 * session for all three, built on asterisk-java's
 * raw {@code ManagerConnection} (not its live API, which floods Asterisk with GetVar actions).
 *
 * <p><b>Connection.</b> {@link #start} returns at once; the first login (Challenge/MD5) is retried in the
 * background with capped exponential back-off and jitter ({@code initialBackoff} doubling up to
 * {@code maxBackoff}) until it succeeds or the gateway is closed. When an established connection drops, the
 * gateway stops asterisk-java's own fixed-schedule reconnect (50 ms ten times, then every 5 s) by logging the
 * connection off, and logs in again on the same back-off schedule, forever. A dead peer that never closes the socket (half-open TCP) is found by a Ping every
 * {@code pingInterval} plus a socket read timeout; the reader then fails and the reconnect starts. After every
 * (re)login the live state is rebuilt from QueueStatus.
 *
 * <p><b>Threads.</b> asterisk-java's single dispatch thread delivers responses and events in order; the gateway
 * only puts each event on its own queue there and returns, so nothing SipRing does (or a host's listener does)
 * can stall responses. One gateway thread ({@code sipring-ami-events}) folds events into live state; another
 * ({@code sipring-ami-listeners}) calls {@link LiveQueueMonitor.Listener}s, always with the newest state of a
 * queue (states a slow listener had no time for are skipped, so memory stays bounded); a third
 * ({@code sipring-ami-calls}) calls {@link QueueCallListener}s with every {@link QueueCallEvent} (AgentConnect,
 * AgentComplete, QueueCallerAbandon) in AMI order, none skipped; a fourth ({@code sipring-ami-originate})
 * completes originate stages. Each listener kind has its own thread, so a slow screen pop delays neither the
 * wallboard nor AMI responses.
 * Member actions block the calling thread until Asterisk answers (at most {@code responseTimeout}).
 *
 * <p><b>Header values.</b> Every value that becomes an AMI header (queue, interface, member name, pause reason,
 * originate channel, caller ID, variables ...) is checked in one place before anything is sent: a control
 * character (CR, LF, NUL, ESC, NEL ...) would let the value end its line and start a second action, so such a
 * value is refused with {@link ru.sipring.core.BadInputException} naming the action and field, and nothing reaches
 * Asterisk.
 *
 * <p>Thread-safe.
 */
public final class AmiPbxGateway implements PbxGateway, LiveQueueMonitor, QueueCallEvents {
  private static final Logger log = LoggerFactory.getLogger(AmiPbxGateway.class);
  private static final String ORIGINATE_ID_PREFIX = "sipring-originate-";
  private static final Duration ORIGINATE_GRACE = Duration.ofSeconds(15);

  private final AmiSettings settings;
  private final Clock clock;
  private final ManagerConnection connection;
  private final LiveStateTracker tracker;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService timers;
  private final ExecutorService notifier;
  private final ExecutorService outcomes;
  private final ExecutorService callNotifier;
  private final List<QueueCallListener> callListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong callEventsDelivered = new AtomicLong();
  /** Latest not-yet-delivered state per queue: a slow listener gets the newest state, memory stays bounded. */
  private final Map<String, LiveQueueState> undelivered = new ConcurrentHashMap<>();
  private final Thread eventThread;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, PendingOriginate> originates = new ConcurrentHashMap<>();
  private final AtomicLong originateCounter = new AtomicLong();
  private final AtomicLong eventsProcessed = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile CountDownLatch firstSync = new CountDownLatch(1);
  private final Backoff backoff;
  /** Times of the last login attempts (first login and reconnects), newest last; for monitoring and tests. */
  private final java.util.Deque<java.time.Instant> loginAttempts = new java.util.ArrayDeque<>();
  private volatile boolean synced;
  /** When the link went down with a live state already shown; null while the state is current. */
  private volatile java.time.@org.jspecify.annotations.Nullable Instant staleSince;
  /** Asterisk's answer to a refused login (wrong user or secret): permanent, so never retried. */
  private volatile @org.jspecify.annotations.Nullable String loginRefused;

  private record PendingOriginate(OriginateRequest request, CompletableFuture<OriginateResult> future,
      ScheduledFuture<?> timeout) {}

  /** A completed QueueStatus answer, put on the inbox in stream order by asterisk-java's dispatch thread. */
  private record Resync(List<ManagerEvent> events) {}

  private record Stop() {}

  private AmiPbxGateway(AmiSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.tracker = new LiveStateTracker(clock);
    this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    ManagerConnectionFactory factory = new ManagerConnectionFactory(settings.host(), settings.port(),
        settings.username(), settings.secret());
    this.connection = factory.createManagerConnection();
    connection.setSocketTimeout((int) settings.connectTimeout().toMillis());
    connection.setSocketReadTimeout((int) settings.readTimeout().toMillis());
    if (connection instanceof ManagerConnectionImpl impl) {
      impl.setDefaultResponseTimeout(settings.responseTimeout().toMillis());
      impl.setDefaultEventTimeout(settings.responseTimeout().toMillis());
    }
    // asterisk-java's dispatch thread: hand off and return, nothing else
    connection.addEventListener(inbox::add);
    this.timers = Executors.newScheduledThreadPool(1, r -> daemon(r, "sipring-ami-timer"));
    this.notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "sipring-ami-listeners"));
    this.outcomes = Executors.newSingleThreadExecutor(r -> daemon(r, "sipring-ami-originate"));
    this.callNotifier = Executors.newSingleThreadExecutor(r -> daemon(r, "sipring-ami-calls"));
    this.eventThread = daemon(this::eventLoop, "sipring-ami-events");
  }

  /**
   * Starts connecting in the background; use {@link #awaitConnected} to wait for the first login and sync.
   *
   * @param settings where and how to reach Asterisk
   * @param clock the clock of event times and live-state waits
   * @return the gateway, connecting; close it to stop its threads
   */
  public static AmiPbxGateway start(AmiSettings settings, Clock clock) {
    AmiPbxGateway g = new AmiPbxGateway(Objects.requireNonNull(settings), Objects.requireNonNull(clock));
    g.eventThread.start();
    g.timers.execute(() -> g.login(0));
    g.timers.scheduleWithFixedDelay(g::ping, settings.pingInterval().toMillis(),
        settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
    return g;
  }

  /**
   * Starts and waits until logged in and synced; throws {@link ConnectionException} (and closes) otherwise.
   *
   * @param settings where and how to reach Asterisk
   * @param clock the clock of event times and live-state waits
   * @param wait how long to wait for the login and the first sync
   * @return the gateway, connected and synced
   * @throws ConnectionException when the login is refused or not done within {@code wait}
   */
  public static AmiPbxGateway connect(AmiSettings settings, Clock clock, Duration wait) {
    AmiPbxGateway g = start(settings, clock);
    if (!g.awaitConnected(wait)) {
      g.close();
      if (g.loginRefused != null) {
        throw new ConnectionException("Asterisk AMI at " + settings.host() + ":" + settings.port()
            + " refused the login of '" + settings.username() + "' (" + g.loginRefused + "): wrong AMI user or "
            + "secret; not retried, so fail2ban does not ban this host");
      }
      throw new ConnectionException("cannot log in to Asterisk AMI at " + settings.host() + ":" + settings.port()
          + " within " + wait.toSeconds() + " s (address, port, AMI user and secret right? permit= in manager.conf?)");
    }
    return g;
  }

  /**
   * Waits until the gateway is logged in and its live state synced; false on timeout.
   *
   * @param wait the longest wait
   * @return true when connected and synced, false on timeout or interrupt
   */
  public boolean awaitConnected(Duration wait) {
    try {
      return firstSync.await(wait.toMillis(), TimeUnit.MILLISECONDS) && isConnected();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * True while logged in and the live state reflects Asterisk.
   *
   * @return whether the gateway is connected and synced now
   */
  public boolean isConnected() {
    return connection.getState() == ManagerConnectionState.CONNECTED && synced;
  }

  /**
   * Events folded into live state since start (for monitoring and benchmarks).
   *
   * @return the number of events applied
   */
  public long eventsProcessed() {
    return eventsProcessed.get();
  }

  /**
   * Events received from asterisk-java and not yet applied (SipRing's hand-off queue is unbounded).
   *
   * @return the number of events waiting
   */
  public int eventBacklog() {
    return inbox.size();
  }

  /**
   * Times the live state was rebuilt from QueueStatus (once per login).
   *
   * @return the number of resyncs
   */
  public long resyncCount() {
    return resyncs.get();
  }

  // ------------------------------------------------------------------ connection

  /**
   * One login attempt on the timer thread; a failure schedules attempt {@code attempt + 1} after the back-off.
   * Used for the first login and for every reconnect.
   */
  private void login(int attempt) {
    if (closed.get()) {
      return;
    }
    synchronized (loginAttempts) {
      if (loginAttempts.size() == 64) {
        loginAttempts.removeFirst();
      }
      loginAttempts.addLast(clock.instant());
    }
    try {
      connection.login("on");
      if (closed.get()) {
        // close() ran while the login was under way: do not leave a session behind
        connection.logoff();
        return;
      }
      log.info("logged in to Asterisk AMI at {}:{}", settings.host(), settings.port());
    } catch (Exception e) {
      if (closed.get()) {
        return;
      }
      if (e instanceof org.asteriskjava.manager.AuthenticationFailedException && e.getCause() == null) {
        // Asterisk answered "Authentication failed": retrying cannot help, and every failed login counts toward a
        // fail2ban ban of this host, so the gateway stops here and says so
        loginRefused = e.getMessage() == null ? "Authentication failed" : e.getMessage();
        log.error("AMI login to {}:{} as '{}' refused ({}); not retrying", settings.host(), settings.port(),
            settings.username(), loginRefused);
        firstSync.countDown();
        return;
      }
      Duration wait = backoff.delay(attempt, java.util.concurrent.ThreadLocalRandom.current().nextDouble());
      log.warn("AMI login to {}:{} failed ({}); retrying in {} ms", settings.host(), settings.port(),
          e.toString(), wait.toMillis());
      schedule(() -> login(attempt + 1), wait);
    }
  }

  /**
   * After a drop: asterisk-java has started its own reconnect thread (fixed 50 ms / 5 s schedule). Logging off
   * moves the connection to DISCONNECTED, and that thread ends at its next wake-up because the state is no
   * longer RECONNECTING; the gateway then logs in again with its own back-off. Should asterisk-java's thread
   * have won the race and logged in already, that session is logged off too and replaced: one extra login,
   * no lost state (every login resyncs).
   */
  private void takeOverReconnect() {
    if (closed.get()) {
      return;
    }
    try {
      ManagerConnectionState st = connection.getState();
      if (st == ManagerConnectionState.CONNECTED || st == ManagerConnectionState.RECONNECTING) {
        connection.logoff();
      }
    } catch (RuntimeException e) {
      log.debug("AMI logoff after a drop: {}", e.toString());
    }
    Duration wait = backoff.delay(0, java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    log.info("AMI reconnect to {}:{} in {} ms", settings.host(), settings.port(), wait.toMillis());
    schedule(() -> login(1), wait);
  }

  private void schedule(Runnable r, Duration wait) {
    try {
      timers.schedule(r, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  /** Times of the latest login attempts (at most 64, oldest first), from the gateway's clock. */
  List<java.time.Instant> loginAttempts() {
    synchronized (loginAttempts) {
      return List.copyOf(loginAttempts);
    }
  }

  private void ping() {
    if (connection.getState() != ManagerConnectionState.CONNECTED) {
      return;
    }
    try {
      // the answer itself is not needed: its arrival keeps the socket read timeout from firing
      connection.sendAction(checked(new PingAction()), r -> { });
    } catch (IOException | RuntimeException e) {
      log.debug("AMI ping not sent: {}", e.toString());
    }
  }

  private void requestResync() {
    QueueStatusAction action = new QueueStatusAction();
    long before = resyncs.get();
    try {
      connection.sendEventGeneratingAction(checked(action), (ResponseEvents re) -> {
        // asterisk-java's dispatch thread: only hand off
        if (re.getResponse() instanceof ManagerError err) {
          log.warn("Asterisk refused QueueStatus ({}); live state not loaded", TerminalText.escape(err.getMessage()));
        } else {
          inbox.add(new Resync(new ArrayList<>(re.getEvents())));
        }
      });
    } catch (IOException | RuntimeException e) {
      log.warn("AMI QueueStatus not sent: {}", e.toString());
    }
    // the asynchronous list call has no timeout of its own: if the list never completes, ask again
    long retryMs = settings.responseTimeout().multipliedBy(4).toMillis();
    try {
      timers.schedule(() -> {
        if (resyncs.get() == before && connection.getState() == ManagerConnectionState.CONNECTED && !closed.get()) {
          log.warn("QueueStatus did not complete within {} ms; asking again", retryMs);
          requestResync();
        }
      }, retryMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private void eventLoop() {
    while (true) {
      Object item;
      try {
        item = inbox.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (item instanceof Stop) {
          return;
        }
        if (item instanceof Resync r) {
          tracker.resync(r.events());
          resyncs.incrementAndGet();
          synced = true;
          staleSince = null;
          firstSync.countDown();
          for (LiveQueueState s : tracker.published().values()) {
            notifyListeners(s);
          }
        } else if (item instanceof OriginateRefused r) {
          originateRefused(r);
        } else if (item instanceof ManagerEvent e) {
          handle(e);
        }
      } catch (RuntimeException ex) {
        log.error("AMI event not applied: {}", TerminalText.escape(String.valueOf(item)), ex);
      }
    }
  }

  private void handle(ManagerEvent e) {
    if (e instanceof ConnectEvent) {
      requestResync();
      return;
    }
    if (e instanceof DisconnectEvent) {
      synced = false;
      if (staleSince == null) {
        staleSince = clock.instant();
      }
      log.warn("AMI connection to {}:{} lost; reconnecting with back-off", settings.host(), settings.port());
      failPendingOriginates("AMI connection lost before the originate outcome arrived");
      // the connection lock may be held by asterisk-java's reconnect thread: never wait for it here
      try {
        timers.execute(this::takeOverReconnect);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // closing
      }
      return;
    }
    if (e instanceof OriginateResponseEvent o) {
      originateDone(o);
      return;
    }
    if (e.getClass() == QueueMemberEvent.class) {
      return; // part of a QueueStatus list, applied as a whole by Resync
    }
    QueueCallEvent call = QueueCallEventMapper.map(e, clock.instant());
    if (call != null) {
      notifyCallListeners(call);
    }
    String changed = tracker.apply(e);
    LiveQueueState published = changed == null ? null : tracker.publish(changed);
    // counted once the state is visible to snapshot(): a reader that saw the count also sees the state
    eventsProcessed.incrementAndGet();
    if (published != null) {
      notifyListeners(published);
    }
  }

  private void notifyListeners(LiveQueueState s) {
    if (listeners.isEmpty()) {
      return;
    }
    if (undelivered.put(s.queue(), s) != null) {
      return; // a delivery for this queue is already queued; it will carry this newer state
    }
    notifier.execute(() -> {
      LiveQueueState latest = undelivered.remove(s.queue());
      if (latest == null) {
        return;
      }
      for (Listener l : listeners) {
        try {
          l.onChange(latest);
        } catch (RuntimeException ex) {
          log.warn("live queue listener {} failed", l, ex);
        }
      }
    });
  }

  private void notifyCallListeners(QueueCallEvent event) {
    if (callListeners.isEmpty()) {
      return;
    }
    try {
      callNotifier.execute(() -> {
        for (QueueCallListener l : callListeners) {
          try {
            l.onEvent(event);
          } catch (RuntimeException ex) {
            log.warn("queue call listener {} failed on {}", l, TerminalText.escape(String.valueOf(event)), ex);
          }
        }
        callEventsDelivered.incrementAndGet();
      });
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      log.debug("queue call event after close dropped: {}", TerminalText.escape(String.valueOf(event)));
    }
  }

  // ------------------------------------------------------------------ live state

  @Override
  public List<LiveQueueState> snapshot() {
    List<LiveQueueState> out = new ArrayList<>();
    // while the link is down, waits stop at the moment it went down instead of counting up on old data
    var stale = staleSince;
    var now = stale != null ? stale : clock.instant();
    for (LiveQueueState s : tracker.published().values()) {
      out.add(LiveStateTracker.at(s, now));
    }
    out.sort(Comparator.comparing(LiveQueueState::queue));
    return out;
  }

  @Override
  public Optional<LiveQueueState> snapshot(String queue) {
    var stale = staleSince;
    return LiveStateTracker.find(tracker.published(), queue)
        .map(s -> LiveStateTracker.at(s, stale != null ? stale : clock.instant()));
  }

  @Override
  public Optional<java.time.Instant> staleSince() {
    return Optional.ofNullable(staleSince);
  }

  /**
   * Asterisk's answer when it refused the login (wrong AMI user or secret); the gateway then stops trying.
   *
   * @return the refusal, empty while no login was refused
   */
  public Optional<String> loginRefused() {
    return Optional.ofNullable(loginRefused);
  }

  @Override
  public AutoCloseable addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener));
    return () -> listeners.remove(listener);
  }

  /**
   * Registers a listener for agent-connect, agent-complete and abandon events of every queue. It is called on
   * the gateway's {@code sipring-ami-calls} thread, one event at a time, in AMI order; every event is
   * delivered (none skipped), so a listener slower than the call rate makes the queue of undelivered events
   * grow: hand long work (a CRM look-up) to a thread of your own. Events received before the listener was added
   * are not replayed, and events during an AMI outage are lost (Asterisk does not resend them).
   */
  @Override
  public AutoCloseable addCallListener(QueueCallListener listener) {
    callListeners.add(Objects.requireNonNull(listener));
    return () -> callListeners.remove(listener);
  }

  // ------------------------------------------------------------------ members

  @Override
  public void addMember(QueueMember member) {
    addMember(member, null);
  }

  /**
   * Adds a member whose busy/idle state Asterisk reads from another interface, such as FreePBX's
   * {@code hint:501@ext-local} for a {@code Local/501@from-queue/n} member.
   *
   * @param member the queue, interface, name, penalty and initial pause state
   * @param stateInterface the interface whose device state Asterisk watches, or null (or blank) for the member's own
   * @throws ru.sipring.core.RejectedException when Asterisk refuses (no such queue, already a member)
   * @throws ConnectionException when Asterisk cannot be reached
   */
  public void addMember(QueueMember member, @Nullable String stateInterface) {
    QueueAddAction a = new QueueAddAction(member.queue(), member.memberInterface(), member.penalty());
    a.setMemberName(member.memberName());
    a.setPaused(member.paused());
    if (stateInterface != null && !stateInterface.isBlank()) {
      a.setStateInterface(stateInterface);
    }
    send(a);
  }

  @Override
  public void removeMember(String queue, String memberInterface) {
    send(new QueueRemoveAction(queue, memberInterface));
  }

  @Override
  public void setPaused(String memberInterface, @Nullable String queue, boolean paused, @Nullable String reason) {
    QueuePauseAction a = queue == null ? new QueuePauseAction(memberInterface, paused)
        : new QueuePauseAction(memberInterface, queue, paused);
    if (reason != null && !reason.isBlank()) {
      a.setReason(reason);
    }
    send(a);
  }

  /**
   * Removes an interface from every queue it is a member of (per the live state); returns those queues.
   * Stops at the first refusal.
   *
   * @param memberInterface the interface, such as {@code PJSIP/501}
   * @return the queues it was removed from, in the live state's order
   * @throws ru.sipring.core.RejectedException when Asterisk refuses one removal; the earlier ones stay done
   */
  public List<String> removeMemberEverywhere(String memberInterface) {
    List<String> done = new ArrayList<>();
    for (LiveQueueState s : snapshot()) {
      if (s.members().stream().anyMatch(m -> m.memberInterface().equals(memberInterface))) {
        removeMember(s.queue(), memberInterface);
        done.add(s.queue());
      }
    }
    return done;
  }

  /**
   * Asks Asterisk (not the cached live state) whether an interface is a member of a queue; returns its member
   * name when it is.
   *
   * @param queue the queue name
   * @param memberInterface the interface
   * @return the member name, or empty when it is not a member
   * @throws ConnectionException when Asterisk cannot be reached
   */
  public Optional<String> memberName(String queue, String memberInterface) {
    QueueStatusAction a = new QueueStatusAction();
    a.setQueue(queue);
    a.setMember(memberInterface);
    ResponseEvents re;
    try {
      re = connection.sendEventGeneratingAction(checked(a), settings.responseTimeout().toMillis());
    } catch (EventTimeoutException e) {
      throw new ConnectionException("Asterisk did not finish QueueStatus for " + queue + " in time", e);
    } catch (IOException | IllegalStateException e) {
      throw notConnected(e);
    }
    if (re.getResponse() instanceof ManagerError err) {
      throw new RejectedException(err.getMessage());
    }
    for (ManagerEvent e : re.getEvents()) {
      if (e instanceof QueueMemberEvent m && queue.equals(m.getQueue()) && memberInterface.equals(m.getInterface())) {
        return Optional.of(m.getName() == null ? memberInterface : m.getName());
      }
    }
    return Optional.empty();
  }

  private ManagerResponse send(ManagerAction action) {
    ManagerResponse r;
    checked(action);
    try {
      r = connection.sendAction(action, settings.responseTimeout().toMillis());
    } catch (TimeoutException e) {
      throw new ConnectionException("Asterisk did not answer " + action.getAction() + " within "
          + settings.responseTimeout().toMillis() + " ms", e);
    } catch (IOException | IllegalStateException e) {
      throw notConnected(e);
    }
    if (r == null) {
      throw new ConnectionException("AMI connection lost while waiting for the answer to " + action.getAction());
    }
    if (r instanceof ManagerError || "Error".equalsIgnoreCase(r.getResponse())) {
      throw new RejectedException(r.getMessage() == null ? "Asterisk refused " + action.getAction()
          : r.getMessage());
    }
    return r;
  }

  /**
   * The one gate every action passes before asterisk-java frames it: each value that becomes an AMI header
   * (every String property of the action, and the keys and values of its variables) must be free of CR, LF, NUL
   * and other control characters. asterisk-java writes values as they are, so a value with CR/LF would end its
   * header and start a second action of the caller's choosing ({@code Action: Command}, or an {@code Originate}
   * to {@code Application: System}). Reading the action's own getters, instead of checking at each call site,
   * means a property added later (or set by a new method) is checked too.
   *
   * @throws BadInputException naming the action and property; nothing has been sent
   */
  static <A extends ManagerAction> A checked(A action) {
    String what = "AMI " + action.getAction() + " ";
    for (Map.Entry<String, Method> getter : ReflectionUtil.getGetters(action.getClass()).entrySet()) {
      Object value;
      try {
        value = getter.getValue().invoke(action);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue; // a getter that cannot be read is not written by asterisk-java either
      }
      if (value instanceof CharSequence text) {
        ProtocolText.requireHeaderSafe(what + getter.getKey(), text.toString());
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String key = String.valueOf(e.getKey());
          ProtocolText.requireHeaderSafe(what + getter.getKey() + " name", key);
          ProtocolText.requireHeaderSafe(what + getter.getKey() + " " + TerminalText.escape(key),
              String.valueOf(e.getValue()));
        }
      } else if (value instanceof Collection<?> items) {
        for (Object item : items) {
          ProtocolText.requireHeaderSafe(what + getter.getKey(), String.valueOf(item));
        }
      }
    }
    return action;
  }

  private ConnectionException notConnected(Exception e) {
    return new ConnectionException("not connected to Asterisk AMI at " + settings.host() + ":" + settings.port()
        + " (" + connection.getState() + ")", e);
  }

  // ------------------------------------------------------------------ originate

  @Override
  public CompletionStage<OriginateResult> originate(OriginateRequest request) {
    OriginateAction a = new OriginateAction();
    a.setChannel(request.channel());
    a.setContext(request.context());
    a.setExten(request.extension());
    a.setPriority(1);
    a.setCallerId(request.callerId());
    a.setTimeout(request.timeout().toMillis());
    a.setAsync(true);
    if (!request.variables().isEmpty()) {
      a.setVariables(request.variables());
    }
    String id = ORIGINATE_ID_PREFIX + originateCounter.incrementAndGet();
    a.setActionId(id);
    checked(a); // before anything is registered: a refused request leaves no pending originate behind
    CompletableFuture<OriginateResult> future = new CompletableFuture<>();
    long waitMs = request.timeout().plus(ORIGINATE_GRACE).toMillis();
    ScheduledFuture<?> timeout = timers.schedule(() -> {
      PendingOriginate p = originates.remove(id);
      if (p != null) {
        p.future().completeExceptionally(new ConnectionException("no OriginateResponse from Asterisk within "
            + waitMs + " ms for " + request.tag() + "; the outcome is unknown"));
      }
    }, waitMs, TimeUnit.MILLISECONDS);
    originates.put(id, new PendingOriginate(request, future, timeout));
    try {
      connection.sendAction(a, response -> {
        // asterisk-java's dispatch thread: only hand off
        if (response == null || response instanceof ManagerError) {
          inbox.add(new OriginateRefused(id, response == null ? null : response.getMessage()));
        }
      });
    } catch (IOException | IllegalStateException e) {
      originates.remove(id);
      timeout.cancel(false);
      future.completeExceptionally(notConnected(e));
    }
    // dependants run on their own thread: neither a slow wallboard listener nor a slow dialer stalls the other
    return future.thenApplyAsync(r -> r, outcomes);
  }

  private record OriginateRefused(String id, @Nullable String message) {}

  private void originateDone(OriginateResponseEvent e) {
    String id = e.getActionId();
    PendingOriginate p = id == null ? null : originates.remove(id);
    if (p == null) {
      return; // an originate of another client, or one already timed out
    }
    p.timeout().cancel(false);
    int reason = e.getReason() == null ? 0 : e.getReason();
    OriginateOutcome outcome = switch (reason) {
      case 4 -> OriginateOutcome.ANSWERED;
      case 5 -> OriginateOutcome.BUSY;
      case 3 -> OriginateOutcome.NO_ANSWER;
      case 8 -> OriginateOutcome.CONGESTION;
      default -> OriginateOutcome.FAILED;
    };
    String detail = outcome == OriginateOutcome.ANSWERED ? null : "Reason " + reason + " (" + e.getResponse() + ")";
    p.future().complete(new OriginateResult(p.request().tag(), outcome, clock.instant(), e.getUniqueId(), detail));
  }

  private void originateRefused(OriginateRefused r) {
    PendingOriginate p = originates.remove(r.id());
    if (p == null) {
      return;
    }
    p.timeout().cancel(false);
    if (r.message() == null) {
      p.future().completeExceptionally(new ConnectionException(
          "AMI connection lost before Asterisk accepted the originate (" + p.request().tag() + ")"));
    } else {
      // Asterisk refused the request itself ("Extension does not exist.", "Invalid channel"): nothing was dialled
      p.future().complete(new OriginateResult(p.request().tag(), OriginateOutcome.FAILED, clock.instant(), null,
          r.message()));
    }
  }

  private void failPendingOriginates(String why) {
    for (String id : List.copyOf(originates.keySet())) {
      PendingOriginate p = originates.remove(id);
      if (p != null) {
        p.timeout().cancel(false);
        p.future().completeExceptionally(new ConnectionException(why + " (" + p.request().tag() + ")"));
      }
    }
  }

  // ------------------------------------------------------------------ close

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    timers.shutdownNow();
    try {
      if (connection.getState() == ManagerConnectionState.CONNECTED
          || connection.getState() == ManagerConnectionState.RECONNECTING) {
        connection.logoff();
      }
    } catch (RuntimeException e) {
      log.debug("AMI logoff failed: {}", e.toString());
    }
    failPendingOriginates("gateway closed");
    inbox.add(new Stop());
    notifier.shutdown();
    outcomes.shutdown();
    callNotifier.shutdown();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
