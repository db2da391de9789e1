package ru.sipring.testkit.pbx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.core.pbx.QueueCallListener;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.testkit.cdr.CdrRow;
import ru.sipring.testkit.cdr.CdrSink;

/**
 * A {@link PbxGateway} that keeps queue membership in memory and answers originate requests with scripted
 * outcomes, for tests and demos. It refuses what Asterisk refuses, with Asterisk's own messages ("Unable to add
 * interface: Already there", "Unable to remove interface: Not there", "Interface not found", and "No such
 * queue" once {@link #withQueues known queues} are declared).
 *
 * <p>Originate outcomes come from a script: a function from the request to a {@link Script} — an outcome now,
 * an outcome after a delay, or {@link Script#hold() held} until the test calls {@link #complete}. The default
 * script answers every call at once. Every request is recorded ({@link #originated()}), and the number of calls
 * in flight and its peak are tracked so a dialer's pacing can be checked.
 *
 * <p>Queue call events (agent connected and so on) are whatever the test {@link #publish publishes}: there are no
 * calls here, so a host's screen pop or wallboard can be tested without an AMI server.
 *
 * <p>With {@link #writingCdr} it also writes the CDR rows Asterisk writes: a call not answered gets its row when the
 * originate completes, an answered call when the test {@link #hangUp hangs it up}, with the uniqueid the originate
 * reported as {@code uniqueid} and {@code linkedid}.
 *
 * <p>Thread-safe: every method may be called from any thread. Call listeners run on the thread that calls
 * {@link #publish}, before it returns (unlike {@code AmiPbxGateway}, which has a thread of its own for them). Originate stages complete on the thread that
 * calls {@link #complete}, on the calling thread for immediate outcomes, or on a
 * {@link CompletableFuture#delayedExecutor delayed executor} thread for delayed ones.
 */
public final class InMemoryPbxGateway implements PbxGateway, QueueCallEvents {

  /** What the gateway does with one originate request. */
  public record Script(OriginateOutcome outcome, Duration delay, boolean held, @Nullable String detail) {
    /**
     * Checks the delay.
     *
     * @param outcome the outcome to complete with
     * @param delay how long (real time) before it completes; zero for at once
     * @param held whether the call stays pending until completed by hand
     * @param detail the PBX's words to attach to the result, or null
     * @throws IllegalArgumentException when the delay is negative
     */
    public Script {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
    }

    /**
     * Completes at once with this outcome.
     *
     * @param outcome the outcome
     * @return the script
     */
    public static Script now(OriginateOutcome outcome) {
      return new Script(outcome, Duration.ZERO, false, null);
    }

    /**
     * Completes with this outcome after a real-time delay.
     *
     * @param delay the real-time delay; not negative
     * @param outcome the outcome
     * @return the script
     */
    public static Script after(Duration delay, OriginateOutcome outcome) {
      return new Script(outcome, delay, false, null);
    }

    /**
     * Stays pending until {@link InMemoryPbxGateway#complete} is called for its tag.
     *
     * @return the script
     */
    public static Script hold() {
      return new Script(OriginateOutcome.FAILED, Duration.ZERO, true, null);
    }

    /**
     * The same script with the PBX's words attached to the result.
     *
     * @param text the detail
     * @return a new script
     */
    public Script withDetail(String text) {
      return new Script(outcome, delay, held, text);
    }
  }

  /** One member as the fake PBX holds it. */
  public record MemberState(QueueMember member, boolean paused, @Nullable String pausedReason) {}

  private final Clock clock;
  private final Set<String> queues = new LinkedHashSet<>();
  private final Map<String, MemberState> members = new LinkedHashMap<>();
  private final List<OriginateRequest> originated = new ArrayList<>();
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final List<QueueCallListener> callListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private Function<OriginateRequest, Script> script = r -> Script.now(OriginateOutcome.ANSWERED);
  private boolean reachable = true;
  private boolean closed;
  private int inFlight;
  private int maxInFlight;
  private long uniqueIdCounter;
  private @Nullable CdrSink cdrSink;
  private ZoneId cdrZone = ZoneId.of("UTC");
  private boolean recorded;
  private final Map<String, Instant> startedAt = new LinkedHashMap<>();
  private final Map<String, Answered> answered = new LinkedHashMap<>();

  private record Answered(OriginateRequest request, Instant start, Instant answer, String uniqueId) {}

  private record Pending(OriginateRequest request, CompletableFuture<OriginateResult> future) {}

  private InMemoryPbxGateway(Clock clock) {
    this.clock = clock;
  }

  /**
   * A gateway that accepts any queue name and answers every call, timestamped by the system clock.
   *
   * @return a new gateway
   */
  public static InMemoryPbxGateway of() {
    return new InMemoryPbxGateway(Clock.systemUTC());
  }

  /**
   * A gateway whose results are timestamped by {@code clock}.
   *
   * @param clock the clock of result and event times
   * @return a new gateway
   */
  public static InMemoryPbxGateway of(Clock clock) {
    return new InMemoryPbxGateway(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Declares the queues that exist; from then on other names are refused with "No such queue".
   *
   * @param names the queue names
   * @return this gateway
   */
  public synchronized InMemoryPbxGateway withQueues(String... names) {
    queues.addAll(List.of(names));
    return this;
  }

  /**
   * Replaces the originate script.
   *
   * @param newScript chooses what happens to each request, on the originating thread
   * @return this gateway
   */
  public synchronized InMemoryPbxGateway script(Function<OriginateRequest, Script> newScript) {
    this.script = Objects.requireNonNull(newScript, "script");
    return this;
  }

  /**
   * Answers every request with the same outcome, at once.
   *
   * @param outcome the outcome of every call
   * @return this gateway
   */
  public InMemoryPbxGateway alwaysOutcome(OriginateOutcome outcome) {
    return script(r -> Script.now(outcome));
  }

  /**
   * Answers by the request's {@link OriginateRequest#channel() channel}: outcomes listed for a channel are used
   * in order (one per attempt, the last one repeats); channels not listed are answered.
   *
   * @param byChannel outcomes per channel, one per attempt
   * @return this gateway
   */
  public InMemoryPbxGateway outcomesByChannel(Map<String, List<OriginateOutcome>> byChannel) {
    Map<String, List<OriginateOutcome>> copy = Map.copyOf(byChannel);
    Map<String, Integer> attempts = new LinkedHashMap<>();
    return script(r -> {
      List<OriginateOutcome> list = copy.get(r.channel());
      if (list == null || list.isEmpty()) {
        return Script.now(OriginateOutcome.ANSWERED);
      }
      int n = attempts.merge(r.channel(), 1, Integer::sum) - 1;
      return Script.now(list.get(Math.min(n, list.size() - 1)));
    });
  }

  /**
   * Writes a CDR row for every call from now on, as Asterisk's CDR backend does when a call ends: a call that was
   * not answered ({@code BUSY}, {@code NO_ANSWER}) when the originate completes; an answered call when
   * {@link #hangUp} ends it. The row dialled the number of the request's {@code Local/<number>@...} channel, has
   * the originate's uniqueid as {@code uniqueid} and {@code linkedid}, its {@code calldate} is the originate's
   * start in {@code pbxZone}.
   *
   * @param sink where the rows go ({@link ru.sipring.testkit.cdr.JdbcCdrSink} for a database table)
   * @param pbxZone the zone the PBX writes {@code calldate} in
   * @param record whether answered calls are recorded: their row names the MixMonitor file FreePBX would write,
   *     {@code out-<dst>-<src>-<yyyyMMdd>-<HHmmss>-<uniqueid>.wav}
   * @return this gateway
   */
  public synchronized InMemoryPbxGateway writingCdr(CdrSink sink, ZoneId pbxZone, boolean record) {
    this.cdrSink = Objects.requireNonNull(sink, "sink");
    this.cdrZone = Objects.requireNonNull(pbxZone, "pbxZone");
    this.recorded = record;
    return this;
  }

  /**
   * Ends an answered call after {@code talk} seconds of conversation and writes its CDR row (billsec = talk,
   * duration = ringing + talk, disposition {@code ANSWERED}).
   *
   * @param tag the originate request's tag
   * @param talk how long the parties talked, whole seconds
   * @return the row written
   * @throws IllegalStateException when CDR writing is off or no answered call with this tag is up
   * @throws IllegalArgumentException when {@code talk} is negative
   */
  public CdrRow hangUp(String tag, Duration talk) {
    if (talk.isNegative()) {
      throw new IllegalArgumentException("talk must not be negative, was " + talk);
    }
    Answered a;
    CdrSink sink;
    CdrRow row;
    synchronized (this) {
      sink = cdrSink;
      if (sink == null) {
        throw new IllegalStateException("CDR writing is off: call writingCdr first");
      }
      a = answered.remove(tag);
      if (a == null) {
        throw new IllegalStateException("no answered call with tag " + tag + " is up");
      }
      long ring = Math.max(0, a.answer().getEpochSecond() - a.start().getEpochSecond());
      row = row(a.request(), a.start(), a.uniqueId(), ring + talk.getSeconds(), talk.getSeconds(), "ANSWERED",
          recorded);
    }
    sink.write(row);
    return row;
  }

  /**
   * Tags of the answered calls still up (not yet {@link #hangUp hung up}), when CDR writing is on.
   *
   * @return the tags, in the order the calls were answered
   */
  public synchronized List<String> callsUp() {
    return List.copyOf(answered.keySet());
  }

  /** The row of the client's leg. */
  private CdrRow row(OriginateRequest r, Instant start, String uniqueId, long duration, long billsec,
      String disposition, boolean withRecording) {
    return CdrRow.ofOriginate(r.channel(), r.context(), r.extension(), r.callerId(), start, cdrZone, uniqueId,
        duration, billsec, disposition, withRecording);
  }

  /**
   * Simulates a lost connection: while unreachable every call throws {@link ConnectionException}.
   *
   * @param value false to make every call fail, true to recover
   */
  public synchronized void setReachable(boolean value) {
    this.reachable = value;
  }

  @Override
  public synchronized void addMember(QueueMember member) {
    checkUsable();
    checkQueue(member.queue(), "Unable to add interface to queue: No such queue");
    String key = key(member.queue(), member.memberInterface());
    if (members.containsKey(key)) {
      throw new RejectedException("Unable to add interface: Already there");
    }
    members.put(key, new MemberState(member, member.paused(), null));
  }

  @Override
  public synchronized void removeMember(String queue, String memberInterface) {
    checkUsable();
    checkQueue(queue, "Unable to remove interface from queue: No such queue");
    if (members.remove(key(queue, memberInterface)) == null) {
      throw new RejectedException("Unable to remove interface: Not there");
    }
  }

  @Override
  public synchronized void setPaused(String memberInterface, @Nullable String queue, boolean paused,
      @Nullable String reason) {
    checkUsable();
    boolean found = false;
    for (Map.Entry<String, MemberState> e : members.entrySet()) {
      QueueMember m = e.getValue().member();
      if (m.memberInterface().equals(memberInterface) && (queue == null || m.queue().equals(queue))) {
        e.setValue(new MemberState(m, paused, paused ? reason : null));
        found = true;
      }
    }
    if (!found) {
      throw new RejectedException("Interface not found");
    }
  }

  @Override
  public CompletionStage<OriginateResult> originate(OriginateRequest request) {
    Script s;
    CompletableFuture<OriginateResult> future = new CompletableFuture<>();
    synchronized (this) {
      checkUsable();
      originated.add(request);
      startedAt.put(request.tag(), clock.instant());
      s = Objects.requireNonNull(script.apply(request), "script returned null");
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (s.held()) {
        pending.put(request.tag(), new Pending(request, future));
        return future;
      }
    }
    if (s.delay().isZero()) {
      finish(request, future, s.outcome(), s.detail());
    } else {
      CompletableFuture.runAsync(() -> finish(request, future, s.outcome(), s.detail()),
          CompletableFuture.delayedExecutor(s.delay().toNanos(), TimeUnit.NANOSECONDS));
    }
    return future;
  }

  /**
   * Completes a {@link Script#hold() held} call. Throws when no call with this tag is pending.
   *
   * @param tag the held call's tag
   * @param outcome the outcome to complete it with
   * @throws IllegalStateException when no call with this tag is pending
   */
  public void complete(String tag, OriginateOutcome outcome) {
    Pending p;
    synchronized (this) {
      p = pending.remove(tag);
    }
    if (p == null) {
      throw new IllegalStateException("no pending originate with tag " + tag);
    }
    finish(p.request(), p.future(), outcome, null);
  }

  /**
   * Tags of the held calls, in the order they were made.
   *
   * @return the tags of the calls still held
   */
  public synchronized List<String> pendingTags() {
    return List.copyOf(pending.keySet());
  }

  private void finish(OriginateRequest request, CompletableFuture<OriginateResult> future,
      OriginateOutcome outcome, @Nullable String detail) {
    OriginateResult result;
    CdrRow noAnswerRow = null;
    CdrSink noAnswerSink = null;
    synchronized (this) {
      inFlight--;
      String uniqueId = outcome == OriginateOutcome.ANSWERED || outcome == OriginateOutcome.NO_ANSWER
          || outcome == OriginateOutcome.BUSY
          ? clock.instant().getEpochSecond() + "." + (++uniqueIdCounter) : null;
      result = new OriginateResult(request.tag(), outcome, clock.instant(), uniqueId, detail);
      Instant start = startedAt.remove(request.tag());
      CdrSink sink = cdrSink;
      if (sink != null && uniqueId != null && start != null) {
        if (outcome == OriginateOutcome.ANSWERED) {
          answered.put(request.tag(), new Answered(request, start, result.at(), uniqueId));
        } else {
          long ring = Math.max(0, result.at().getEpochSecond() - start.getEpochSecond());
          noAnswerRow = row(request, start, uniqueId, ring, 0,
              outcome == OriginateOutcome.BUSY ? "BUSY" : "NO ANSWER", false);
          noAnswerSink = sink;
        }
      }
    }
    if (noAnswerRow != null && noAnswerSink != null) {
      noAnswerSink.write(noAnswerRow);
    }
    future.complete(result);
  }

  /**
   * Every originate request received, in order.
   *
   * @return a copy of the requests
   */
  public synchronized List<OriginateRequest> originated() {
    return List.copyOf(originated);
  }

  /**
   * Calls started and not yet completed.
   *
   * @return the number of calls in flight
   */
  public synchronized int inFlight() {
    return inFlight;
  }

  /**
   * The largest number of calls that were in flight at the same time.
   *
   * @return the high-water mark of calls in flight
   */
  public synchronized int maxInFlight() {
    return maxInFlight;
  }

  /**
   * Current members, in the order they were added.
   *
   * @return a copy of the members
   */
  public synchronized List<MemberState> members() {
    return List.copyOf(members.values());
  }

  /**
   * The member state of an interface in a queue, when it is a member.
   *
   * @param queue the queue name
   * @param memberInterface the interface
   * @return the member's state, or empty when not a member
   */
  public synchronized Optional<MemberState> member(String queue, String memberInterface) {
    return Optional.ofNullable(members.get(key(queue, memberInterface)));
  }

  /** Registers a listener for {@link #publish published} call events; closing the handle removes it. */
  @Override
  public AutoCloseable addCallListener(QueueCallListener listener) {
    callListeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> callListeners.remove(listener);
  }

  /**
   * Hands {@code event} to every call listener on the calling thread, as a PBX would report a call moment. A
   * listener that throws does not stop the others; the first failure is rethrown afterwards so a test sees it.
   * Nothing is delivered after {@link #close}.
   *
   * @param event the event to deliver
   */
  public void publish(QueueCallEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    RuntimeException first = null;
    for (QueueCallListener l : callListeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Pending p : pending.values()) {
      p.future().completeExceptionally(new ConnectionException("gateway closed"));
    }
    pending.clear();
  }

  private void checkUsable() {
    if (closed) {
      throw new IllegalStateException("gateway closed");
    }
    if (!reachable) {
      throw new ConnectionException("PBX unreachable (simulated)");
    }
  }

  private void checkQueue(String queue, String message) {
    if (!queues.isEmpty() && !queues.contains(queue)) {
      throw new RejectedException(message);
    }
  }

  private static String key(String queue, String memberInterface) {
    return queue + '\u0000' + memberInterface;
  }
}
