package ru.sipring.campaign.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.Eligibility;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;

/**
 * The auto-dialer ("Автоинформатор") for one assignment: it originates calls to the assignment's clients
 * through {@link PbxGateway#originate}, paced by {@link DialerSettings}, and records every attempt and outcome.
 *
 * <p>It never calls a client outside the call window, on a do-not-call list, past the retry rules, or already
 * being called. Each attempt is stored <em>before</em> the originate and the state ({@link DialerState}) is
 * persisted, so after a crash or restart a new dialer finds the calls whose outcome was lost, marks those clients
 * {@link ru.sipring.campaign.ContactStatus#IN_DOUBT} and never dials them again by itself: nobody is called twice
 * by accident.
 *
 * <p>Pacing is a {@link #tick()}: call it periodically ({@link #schedule}) or, in tests, by hand with a test
 * clock. Thread-safe: ticks, controls and PBX results (delivered on the PBX's threads) are serialised.
 *
 * <p>When the gateway also implements {@link QueueCallEvents} (as {@code AmiPbxGateway} and the testkit's
 * in-memory gateway do), the dialer listens to the queue's call events from construction until {@link #close()}:
 * an answered dialer call whose channel (the {@link OriginateResult#uniqueId()}, which is the queue caller's
 * uniqueid) is abandoned in the operators' queue counts towards the abandon rate without host code, and one that
 * an operator completed gets a provisional billsec (wait + talk) until the CDR's arrives ({@link #recordBillsec}).
 * The listener runs on the gateway's event thread, serialised with everything else.
 */
public final class Dialer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);
  /** Due cards looked at per step at most when many are outside their call window (other time zones). */
  static final int MAX_SCAN = 2_000;
  private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");
  private static final int PAGE = 200;
  private static final int MAX_TRACKED = 10_000;

  private final CampaignStore store;
  private final PbxGateway pbx;
  private final Clock clock;
  private final long assignmentId;
  private final DialerSettings settings;
  private final IntSupplier freeOperators;
  private final Map<String, CallAttempt> inFlight = new LinkedHashMap<>();
  private final Set<Long> contactsInFlight = new HashSet<>();
  /** Answered dialer calls by the channel's uniqueid, until the queue reports their end; bounded. */
  private final Map<String, CallAttempt> answeredByUniqueId = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CallAttempt> eldest) {
      return size() > MAX_TRACKED; // answered calls that never reach the queue send no event
    }
  };
  /** Tags counted as abandoned today, so the host's {@link #recordAbandoned} and the events never count twice. */
  private final Set<String> abandonedTags = new HashSet<>();
  /** Attempts whose billsec came from the CDR, which a later queue event must not replace; bounded. */
  private final Set<Long> billedFromCdr = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > MAX_TRACKED;
    }
  });
  private final @Nullable AutoCloseable queueEvents;
  private DialerState state;
  private @Nullable ScheduledFuture<?> scheduled;

  /**
   * A builder of a dialer for one assignment.
   *
   * @param store where the assignment, its clients and the call attempts are
   * @param pbx the PBX that places the calls
   * @param assignmentId the assignment to dial
   * @return a builder; the clock defaults to UTC system time, the free operators to none
   */
  public static Builder builder(CampaignStore store, PbxGateway pbx, long assignmentId) {
    return new Builder(store, pbx, assignmentId);
  }

  /**
   * Builds a {@link Dialer}; {@link #settings} is required. Not thread-safe; use it from one thread, then drop it.
   */
  public static final class Builder {
    private final CampaignStore store;
    private final PbxGateway pbx;
    private final long assignmentId;
    private Clock clock = Clock.systemUTC();
    private @Nullable DialerSettings settings;
    private IntSupplier freeOperators = () -> 0;

    private Builder(CampaignStore store, PbxGateway pbx, long assignmentId) {
      this.store = Objects.requireNonNull(store, "store");
      this.pbx = Objects.requireNonNull(pbx, "pbx");
      this.assignmentId = assignmentId;
    }

    /**
     * The clock the dialer reads the time from (call windows, retry delays, the day's counters).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the dialer paces and places its calls (required).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(DialerSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * How many operators are free now (logged in, not paused, not on a call); asked on every step of a
     * predictive or progressive dialer, from the dialer's thread, so it must be cheap. Unused in
     * {@link DialerSettings.Mode#FIXED}.
     *
     * @param freeOperators the count of free operators, such as {@code () -> monitor.freeMembers("6000")}
     * @return this builder
     */
    public Builder freeOperators(IntSupplier freeOperators) {
      this.freeOperators = Objects.requireNonNull(freeOperators, "freeOperators");
      return this;
    }

    /**
     * Creates the dialer and recovers from a previous run: attempts of this assignment still without an outcome
     * are closed as failed-in-doubt and their clients marked {@code IN_DOUBT}.
     *
     * @return the dialer, stopped or in the state the store kept for the assignment
     * @throws IllegalStateException when no settings were given
     * @throws ru.sipring.core.NotFoundException when the assignment does not exist
     */
    public Dialer build() {
      if (settings == null) {
        throw new IllegalStateException("Dialer.builder(...).settings(...) is required");
      }
      return new Dialer(store, pbx, clock, assignmentId, settings, freeOperators);
    }
  }

  private Dialer(CampaignStore store, PbxGateway pbx, Clock clock, long assignmentId, DialerSettings settings,
      IntSupplier freeOperators) {
    this.store = store;
    this.pbx = pbx;
    this.clock = clock;
    this.assignmentId = assignmentId;
    this.settings = settings;
    this.freeOperators = freeOperators;
    assignment(); // fail fast on an unknown assignment
    this.state = store.dialerStates().find(assignmentId).orElse(DialerState.initial(assignmentId, settings.ratio()));
    recover();
    this.queueEvents = pbx instanceof QueueCallEvents events ? events.addCallListener(this::onQueueEvent) : null;
  }

  private void recover() {
    Instant now = clock.instant();
    for (CallAttempt a : store.attempts().inProgress(assignmentId)) {
      if (!a.dialer()) {
        continue; // an operator's click-to-call ringing now: ClickToCall closes it, not the dialer's restart
      }
      store.contacts().byId(a.contactId()).ifPresent(c -> store.contacts().update(c.inDoubt(a.startedAt())));
      store.attempts().update(new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(),
          a.startedAt(), now, CallOutcome.FAILED, 0, 0, "in doubt: the dialer restarted before the PBX reported",
          a.uniqueId(), a.recording(), true, a.tag()));
      LOG.warn("dialer {}: call {} to {} lost its outcome in a restart; the client is marked IN_DOUBT",
          assignmentId, a.tag(), a.number());
    }
  }

  /** Starts (or resumes) dialing. */
  public synchronized void start() {
    setStatus(DialerState.Status.RUNNING);
  }

  /** No new calls until {@link #start()}; calls in progress finish and are recorded. */
  public synchronized void pause() {
    setStatus(DialerState.Status.PAUSED);
  }

  /** Stops dialing; calls in progress finish and are recorded. */
  public synchronized void stop() {
    setStatus(DialerState.Status.STOPPED);
    cancelSchedule();
  }

  /**
   * The state the dialer keeps in the store.
   *
   * @return the current state
   */
  public synchronized DialerState state() {
    return state;
  }

  /**
   * Calls placed and not finished yet.
   *
   * @return their number
   */
  public synchronized int inFlight() {
    return inFlight.size();
  }

  /**
   * Whether the dialer has nothing left to do on its assignment: no call in flight, and no client who is due now or
   * will be due later by the retry rules (the do-not-call lists applied). A client outside the call window is still
   * work left: the window opens again. One indexed store query ({@code dueForCall} for a single card), however big
   * the base, so a host may ask it between steps.
   *
   * @return true when every client is done or can no longer be called
   */
  public synchronized boolean finished() {
    if (!inFlight.isEmpty()) {
      return false;
    }
    Assignment a = effective(assignment());
    // due at any time from now on: the far end of the time line stands for "later" (the SQL stores compute
    // now - delay in epoch milliseconds, so Instant.MAX itself would overflow)
    return store.contacts().dueForCall(assignmentId, a.settings().retry(), dncKeys(a), END_OF_TIME, Set.of(), 1)
        .isEmpty();
  }

  /** The assignment with the dialer's own retry rules in place of its own, when the dialer has some. */
  private Assignment effective(Assignment a) {
    return settings.retry() == null ? a
        : a.withSettings(new AssignmentSettings(a.settings().window(), settings.retry(), a.settings().dncScope()));
  }

  private List<String> dncKeys(Assignment a) {
    return Eligibility.dncKeys(a, store.campaigns().task(a.taskId()).orElseThrow().projectId());
  }

  /**
   * Runs {@link #tick()} every {@code period} on {@code executor} until {@link #stop()} or {@link #close()}; a
   * failing step is logged and the next one runs.
   *
   * @param executor where the steps run
   * @param period the delay between the end of one step and the start of the next
   */
  public synchronized void schedule(ScheduledExecutorService executor, Duration period) {
    cancelSchedule();
    scheduled = executor.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        LOG.error("dialer {}: tick failed", assignmentId, e);
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One pacing step: places as many calls as the mode allows now.
   *
   * @return how many calls it placed; 0 unless running
   */
  public synchronized int tick() {
    if (state.status() != DialerState.Status.RUNNING) {
      return 0;
    }
    Instant now = clock.instant();
    Assignment a = assignment();
    rollDay(a, now);
    int free = settings.mode() == DialerSettings.Mode.FIXED ? 0 : Math.max(0, freeOperators.getAsInt());
    adapt(free);
    int target = switch (settings.mode()) {
      case FIXED -> settings.maxConcurrent();
      case PROGRESSIVE, PREDICTIVE -> (int) Math.floor(free * state.ratio() + 1e-9);
    };
    int slots = Math.min(target, settings.maxConcurrent()) - inFlight.size();
    if (slots <= 0) {
      return 0;
    }
    boolean spaced = !settings.pauseBetweenNumbers().isZero();
    if (spaced && state.lastOriginateAt() != null
        && now.isBefore(state.lastOriginateAt().plus(settings.pauseBetweenNumbers()))) {
      return 0;
    }
    if (spaced) {
      slots = 1; // the pause is between consecutive numbers, so at most one per step
    }
    Assignment effective = effective(a);
    List<String> dncKeys = dncKeys(a);
    // ask the store only for as many due cards as there are slots; the window (a card may have its own zone)
    // is checked here, and cards outside it are skipped with further pages, up to MAX_SCAN cards per step
    Set<Long> skip = new HashSet<>(contactsInFlight);
    int placed = 0;
    int scanned = 0;
    int page = slots;
    while (placed < slots && scanned < MAX_SCAN) {
      int ask = Math.min(page, MAX_SCAN - scanned);
      List<Contact> due = store.contacts().dueForCall(assignmentId, effective.settings().retry(), dncKeys, now, skip,
          ask);
      for (Contact c : due) {
        scanned++;
        skip.add(c.id());
        if (placed < slots
            && Eligibility.check(c, effective, dncKeys, store.dnc(), now) == Eligibility.Verdict.CALLABLE) {
          originate(c, now);
          placed++;
        }
      }
      if (due.size() < ask) {
        break; // nothing more is due
      }
      page = Math.max(slots - placed, PAGE);
    }
    return placed;
  }

  private void originate(Contact c, Instant now) {
    CallAttempt attempt = store.attempts().insert(new CallAttempt(0, c.id(), assignmentId, null,
        c.phoneNormalized(), now, null, null, 0, 0, "", null, null, true, ""));
    String tag = "sipring-dialer-" + attempt.id();
    attempt = new CallAttempt(attempt.id(), c.id(), assignmentId, null, c.phoneNormalized(), now, null, null, 0, 0,
        "", null, null, true, tag);
    store.attempts().update(attempt);
    state = state.withLastOriginate(now);
    store.dialerStates().save(state);
    inFlight.put(tag, attempt);
    contactsInFlight.add(c.id());
    String channel = settings.channelTemplate().replace("{number}", c.phoneNormalized())
        .replace("{context}", settings.context());
    OriginateRequest req = new OriginateRequest(channel, settings.context(), settings.answerExtension(),
        settings.callerId(), settings.ringTimeout(),
        Map.of("SIPRING_ATTEMPT", Long.toString(attempt.id()), "SIPRING_CONTACT", Long.toString(c.id())), tag);
    try {
      pbx.originate(req).whenComplete((res, err) -> onResult(tag, res, err));
    } catch (RuntimeException e) {
      onResult(tag, null, e);
    }
  }

  private synchronized void onResult(String tag, @Nullable OriginateResult res, @Nullable Throwable err) {
    CallAttempt a = inFlight.remove(tag);
    if (a == null) {
      return;
    }
    contactsInFlight.remove(a.contactId());
    Instant at = res != null ? res.at() : clock.instant();
    CallOutcome outcome = res != null ? CallOutcome.of(res.outcome()) : CallOutcome.FAILED;
    // the card first: if we die between the two writes, the attempt stays in progress and the restart marks
    // the client in doubt, rather than leaving a finished attempt on a card that looks never called
    store.contacts().byId(a.contactId()).ifPresent(c -> store.contacts().update(c.afterAttempt(outcome, a.startedAt())));
    CallAttempt done = a.finished(outcome, at, res == null ? null : res.uniqueId(), 0);
    if (err != null) {
      done = new CallAttempt(done.id(), done.contactId(), done.assignmentId(), null, done.number(), done.startedAt(),
          done.endedAt(), done.outcome(), done.durationSeconds(), 0, "originate failed: " + err.getMessage(),
          done.uniqueId(), null, true, tag);
    }
    store.attempts().update(done);
    if (outcome == CallOutcome.ANSWERED) {
      state = state.withCounts(state.day(), state.answeredToday() + 1, state.abandonedToday());
      store.dialerStates().save(state);
      if (done.uniqueId() != null) {
        answeredByUniqueId.put(done.uniqueId(), done);
      }
    }
  }

  private synchronized void onQueueEvent(QueueCallEvent event) {
    if (event instanceof QueueCallEvent.CallerAbandoned ab) {
      CallAttempt a = answeredByUniqueId.remove(ab.callId());
      if (a != null && countAbandoned(a.tag())) {
        store.attempts().byId(a.id()).ifPresent(x -> store.attempts().update(new CallAttempt(x.id(), x.contactId(),
            x.assignmentId(), x.operator(), x.number(), x.startedAt(), x.endedAt(), x.outcome(),
            x.durationSeconds(), x.billsec(), noted(x.note(), "abandoned in queue " + ab.queue() + " after "
                + ab.holdTime().toSeconds() + " s"), x.uniqueId(), x.recording(), x.dialer(), x.tag())));
        LOG.debug("dialer {}: call {} abandoned in queue {}", assignmentId, a.tag(), ab.queue());
      }
    } else if (event instanceof QueueCallEvent.AgentCompleted done) {
      CallAttempt a = answeredByUniqueId.remove(done.callId());
      if (a != null && !billedFromCdr.contains(a.id())) {
        // provisional until the CDR's billsec arrives (recordBillsec): the client was answered when it entered
        // the queue, so its answered seconds are the wait plus the talk (the CDR adds the dial plan's seconds)
        long billsec = done.holdTime().plus(done.talkTime()).toSeconds();
        store.attempts().byId(a.id()).filter(x -> x.answered() && x.billsec() == 0)
            .ifPresent(x -> store.attempts().update(withBillsec(x, billsec, x.recording())));
      }
    }
  }

  private static String noted(String note, String more) {
    return note.isEmpty() ? more : note + "; " + more;
  }

  private boolean countAbandoned(String tag) {
    if (!abandonedTags.add(tag)) {
      return false;
    }
    state = state.withCounts(state.day(), state.answeredToday(), state.abandonedToday() + 1);
    store.dialerStates().save(state);
    return true;
  }

  /**
   * The host reports that an answered dialer call found no free operator in time (the queue's ABANDON for
   * that call): it counts towards the day's abandon rate that caps predictive dialing. Not needed when the
   * gateway implements {@link QueueCallEvents} (the dialer then counts by itself); a tag already counted, by
   * either path, is not counted again.
   *
   * @param tag the dialer's tag of the call ({@link CallAttempt#tag()})
   */
  public synchronized void recordAbandoned(String tag) {
    if (countAbandoned(tag)) {
      LOG.debug("dialer {}: call {} abandoned", assignmentId, tag);
    }
  }

  /**
   * The answered seconds of a finished dialer call, from the CDR once the call hung up. It always wins: it replaces
   * the provisional billsec the dialer took from the queue's {@code AgentCompleted} event, and a later event does
   * not overwrite it.
   *
   * @param attemptId the attempt
   * @param billsec the CDR's billsec; kept only for an answered call
   * @param recording the recording's file name, if any
   */
  public synchronized void recordBillsec(long attemptId, long billsec, @Nullable String recording) {
    billedFromCdr.add(attemptId);
    store.attempts().byId(attemptId).ifPresent(x -> store.attempts().update(withBillsec(x, billsec, recording)));
  }

  private static CallAttempt withBillsec(CallAttempt x, long billsec, @Nullable String recording) {
    return new CallAttempt(x.id(), x.contactId(), x.assignmentId(), x.operator(), x.number(), x.startedAt(),
        x.endedAt(), x.outcome(), x.durationSeconds(), x.answered() ? billsec : 0, x.note(), x.uniqueId(), recording,
        x.dialer(), x.tag());
  }

  /**
   * The day's abandoned / answered share.
   *
   * @return the share, 0 before the first answer
   */
  public synchronized double abandonRate() {
    return state.answeredToday() == 0 ? 0 : (double) state.abandonedToday() / state.answeredToday();
  }

  private void adapt(int free) {
    if (settings.mode() != DialerSettings.Mode.PREDICTIVE) {
      return;
    }
    double r = state.ratio();
    if (abandonRate() > settings.abandonCap()) {
      r = 1.0; // VICIdial's ADAPT_HARD_LIMIT: back to one call per free operator while over the cap
    } else if (free > inFlight.size()) {
      r = Math.min(settings.maxRatio(), r + 0.1); // operators are waiting: dial more per operator
    } else if (free == 0 && !inFlight.isEmpty()) {
      r = Math.max(1.0, r - 0.1);
    }
    if (r != state.ratio()) {
      state = state.withRatio(r);
      store.dialerStates().save(state);
    }
  }

  private void rollDay(Assignment a, Instant now) {
    String day = LocalDate.ofInstant(now, a.settings().window().zone()).toString();
    if (!day.equals(state.day())) {
      abandonedTags.clear();
      state = state.withCounts(day, 0, 0);
      store.dialerStates().save(state);
    }
  }

  private void setStatus(DialerState.Status s) {
    state = state.withStatus(s);
    store.dialerStates().save(state);
  }

  private Assignment assignment() {
    return store.campaigns().assignment(assignmentId)
        .orElseThrow(() -> new NotFoundException("no assignment with id " + assignmentId));
  }

  private void cancelSchedule() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
  }

  /**
   * Stops scheduling and listening to queue events; the persisted state stays as it is, so a new dialer
   * continues it.
   */
  @Override
  public synchronized void close() {
    cancelSchedule();
    if (queueEvents != null) {
      try {
        queueEvents.close();
      } catch (Exception e) {
        LOG.warn("dialer {}: could not stop listening to queue events", assignmentId, e);
      }
    }
  }
}
