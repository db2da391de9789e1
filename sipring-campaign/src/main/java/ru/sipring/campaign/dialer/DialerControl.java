package ru.sipring.campaign.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallAttemptRepository;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.Eligibility;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.PbxGateway;

/**
 * The running dialers of an application, one per assignment: a panel's «Автоинформатор» buttons. It keeps each
 * assignment's {@link DialerSettings}, builds the assignment's {@link Dialer} on the first start, runs its steps on
 * one scheduler thread of its own, and reports progress (calls placed and answered today, calls in progress, clients
 * due now).
 *
 * <p>Settings are saved in the store ({@link CampaignStore#dialerSettings()}) by {@link #configure}, so they survive
 * a restart; an assignment not configured through this object reads them from there. The dialer's own state
 * (running, paused, the day's counts) is persisted by the dialer in the store. Settings can be changed only while the assignment's dialer is
 * stopped with no call in progress, so a call is never placed with half-changed settings. {@link #close()} stops
 * every dialer (calls in progress are left to the PBX; a later dialer's restart recovery marks those it cannot
 * account for in doubt) and ends the scheduler thread.
 *
 * <p>Thread-safe: every method is serialised on this object; the dialers serialise their own steps and PBX results.
 */
public final class DialerControl implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DialerControl.class);
  /** Clients due now are counted up to this many; more is shown as "at least". */
  public static final int DUE_COUNT_LIMIT = 10_000;

  private final CampaignStore store;
  private final PbxGateway pbx;
  private final Clock clock;
  private final Duration period;
  private final Function<String, IntSupplier> freeOperators;
  private final Map<Long, DialerSettings> settings = new HashMap<>();
  private final Map<Long, Dialer> dialers = new HashMap<>();
  private @Nullable ScheduledExecutorService scheduler;
  private boolean closed;

  /**
   * A control over the dialers of {@code store} placing calls through {@code pbx}.
   *
   * @param store the campaign store
   * @param pbx the PBX that places the calls
   * @param clock the clock of the dialers and the day's counts
   * @param period the time between two steps of a running dialer
   * @param freeOperators the free operators of a queue (the answer extension), for the progressive and predictive
   *     modes, such as {@code queue -> () -> monitor.freeMembers(queue)}; {@code queue -> () -> 0} without one
   */
  public DialerControl(CampaignStore store, PbxGateway pbx, Clock clock, Duration period,
      Function<String, IntSupplier> freeOperators) {
    this.store = Objects.requireNonNull(store, "store");
    this.pbx = Objects.requireNonNull(pbx, "pbx");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.period = Objects.requireNonNull(period, "period");
    this.freeOperators = Objects.requireNonNull(freeOperators, "freeOperators");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive");
    }
  }

  /**
   * Where a dialer is and what it has done.
   *
   * @param assignmentId the assignment
   * @param status running, paused or stopped (stopped when never started)
   * @param configured whether settings were given ({@link #configure}, here or before a restart); a dialer
   *     without them cannot start
   * @param placedToday dialer calls placed today (the assignment's zone)
   * @param answeredToday of them, answered
   * @param inProgress calls placed and not finished yet
   * @param dueNow clients the retry rules and DNC lists allow now, the call window not applied; at most
   *     {@link #DUE_COUNT_LIMIT}
   * @param abandonRate the day's abandoned / answered share
   * @param ratio the current calls per free operator
   */
  public record Progress(long assignmentId, DialerState.Status status, boolean configured, long placedToday,
      long answeredToday, int inProgress, int dueNow, double abandonRate, double ratio) {}

  /**
   * The settings of an assignment's dialer.
   *
   * @param assignmentId the assignment
   * @return the settings given, here or (saved in the store) before a restart; empty before the first
   *     {@link #configure}
   */
  public synchronized Optional<DialerSettings> settings(long assignmentId) {
    return Optional.ofNullable(settingsOf(assignmentId));
  }

  /** The settings kept here, else the stored ones (kept here from then on); null when none were ever given. */
  private @Nullable DialerSettings settingsOf(long assignmentId) {
    DialerSettings s = settings.get(assignmentId);
    if (s == null) {
      s = store.dialerSettings().find(assignmentId).orElse(null);
      if (s != null) {
        settings.put(assignmentId, s);
      }
    }
    return s;
  }

  /**
   * Sets an assignment's dialer settings, used from its next start, and saves them in the store.
   *
   * @param assignmentId the assignment
   * @param s the settings
   * @throws NotFoundException when the assignment does not exist
   * @throws RejectedException while its dialer runs, is paused, or still has calls in progress
   * @throws ru.sipring.core.SipRingException when the store cannot save them (nothing is changed then)
   */
  public synchronized void configure(long assignmentId, DialerSettings s) {
    Objects.requireNonNull(s, "settings");
    assignment(assignmentId);
    Dialer d = dialers.get(assignmentId);
    if (d != null) {
      if (d.state().status() != DialerState.Status.STOPPED || d.inFlight() > 0) {
        throw new RejectedException("stop the dialer and let its calls finish before changing its settings");
      }
    }
    // saved first: when the store fails, the running configuration stays the one the store holds
    store.dialerSettings().save(assignmentId, s);
    if (d != null) {
      d.close();
      dialers.remove(assignmentId);
    }
    settings.put(assignmentId, s);
  }

  /**
   * Starts or resumes an assignment's dialer.
   *
   * @param assignmentId the assignment
   * @return its progress after the start
   * @throws NotFoundException when the assignment does not exist
   * @throws RejectedException when no settings were given, the assignment is archived, or this control is closed
   */
  public synchronized Progress start(long assignmentId) {
    if (closed) {
      throw new RejectedException("the dialers are shut down");
    }
    Assignment a = assignment(assignmentId);
    if (a.archived()) {
      throw new RejectedException("assignment " + assignmentId + " is archived: restore it before dialling");
    }
    Dialer d = dialers.get(assignmentId);
    if (d == null) {
      DialerSettings s = settingsOf(assignmentId);
      if (s == null) {
        throw new RejectedException("set the dialer's settings of assignment " + assignmentId + " first");
      }
      d = Dialer.builder(store, pbx, assignmentId).clock(clock).settings(s)
          .freeOperators(freeOperators.apply(s.answerExtension())).build();
      dialers.put(assignmentId, d);
    }
    d.start();
    d.schedule(scheduler(), period);
    return progress(assignmentId);
  }

  /**
   * Pauses an assignment's dialer: no new calls; calls in progress finish and are recorded.
   *
   * @param assignmentId the assignment
   * @return its progress
   * @throws NotFoundException when the assignment does not exist
   * @throws RejectedException when its dialer was not started
   */
  public synchronized Progress pause(long assignmentId) {
    assignment(assignmentId);
    Dialer d = dialers.get(assignmentId);
    if (d == null || d.state().status() == DialerState.Status.STOPPED) {
      throw new RejectedException("the dialer of assignment " + assignmentId + " is not running");
    }
    d.pause();
    return progress(assignmentId);
  }

  /**
   * Stops an assignment's dialer; calls in progress finish and are recorded. Stopping a stopped dialer does
   * nothing.
   *
   * @param assignmentId the assignment
   * @return its progress
   * @throws NotFoundException when the assignment does not exist
   */
  public synchronized Progress stop(long assignmentId) {
    assignment(assignmentId);
    Dialer d = dialers.get(assignmentId);
    if (d != null) {
      d.stop();
    } else {
      store.dialerStates().find(assignmentId).filter(s -> s.status() != DialerState.Status.STOPPED)
          .ifPresent(s -> store.dialerStates().save(s.withStatus(DialerState.Status.STOPPED)));
    }
    return progress(assignmentId);
  }

  /**
   * An assignment's progress now.
   *
   * @param assignmentId the assignment
   * @return the progress
   * @throws NotFoundException when the assignment does not exist
   */
  public synchronized Progress progress(long assignmentId) {
    Assignment a = assignment(assignmentId);
    Instant now = clock.instant();
    Dialer d = dialers.get(assignmentId);
    DialerState state = d != null ? d.state()
        : store.dialerStates().find(assignmentId).orElse(DialerState.initial(assignmentId, 1.0));
    if (d == null && state.status() != DialerState.Status.STOPPED) {
      // a state left running by another process or an earlier run: nothing dials it here
      state = state.withStatus(DialerState.Status.STOPPED);
    }
    ZoneId zone = a.settings().window().zone();
    Instant dayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    // polled every second by a panel: counted by the store, not read
    CallAttemptRepository.DialerCounts today = store.attempts().dialerCounts(assignmentId, dayStart,
        now.plusMillis(1));
    DialerSettings s = settingsOf(assignmentId);
    RetryPolicy retry = s != null && s.retry() != null ? s.retry() : a.settings().retry();
    long projectId = store.campaigns().task(a.taskId()).map(t -> t.projectId()).orElse(-1L);
    List<String> dncKeys = Eligibility.dncKeys(a, projectId);
    // a client being called now is not "due": its card changes only when the PBX reports
    Set<Long> ringing = new java.util.HashSet<>();
    for (CallAttempt c : store.attempts().inProgress(assignmentId)) {
      ringing.add(c.contactId());
    }
    int due = store.contacts().dueForCall(assignmentId, retry, dncKeys, now, ringing, DUE_COUNT_LIMIT).size();
    double abandonRate = state.answeredToday() == 0 ? 0 : (double) state.abandonedToday() / state.answeredToday();
    return new Progress(assignmentId, state.status(), s != null, today.placed(), today.answered(),
        d == null ? 0 : d.inFlight(),
        due, abandonRate, state.ratio());
  }

  /** Stops every dialer and ends the scheduler thread; later starts are refused. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Map.Entry<Long, Dialer> e : dialers.entrySet()) {
      try {
        e.getValue().stop();
        e.getValue().close();
      } catch (RuntimeException ex) {
        LOG.warn("dialer {}: could not stop cleanly: {}", e.getKey(), ex.getMessage());
      }
    }
    dialers.clear();
    ScheduledExecutorService s = scheduler;
    if (s != null) {
      s.shutdownNow();
    }
    scheduler = null;
  }

  private ScheduledExecutorService scheduler() {
    ScheduledExecutorService s = scheduler;
    if (s == null) {
      s = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sipring-dialers");
        t.setDaemon(true);
        return t;
      });
      scheduler = s;
    }
    return s;
  }

  private Assignment assignment(long assignmentId) {
    return store.campaigns().assignment(assignmentId)
        .orElseThrow(() -> new NotFoundException("no assignment with id " + assignmentId));
  }
}
