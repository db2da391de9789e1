package ru.sipring.testkit.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.RejectedException;
import ru.sipring.testkit.ami.AmiMessage;

/**
 * The queue half of the fake Asterisk: queues, dynamic members, waiting callers and the call flow of
 * {@code app_queue}. Every change emits the AMI events Asterisk 22 emits for it (QueueMember*, QueueCaller*,
 * Agent*) and writes the queue_log lines Asterisk writes for it (ENTERQUEUE, CONNECT, COMPLETECALLER, ABANDON,
 * EXITWITHTIMEOUT, RINGNOANSWER, RINGCANCELED, ADDMEMBER, REMOVEMEMBER, PAUSE, PAUSEALL, ...), timestamped by
 * the injected clock.
 *
 * <p>The engine does not run time by itself: a driver (a test, the traffic model) decides when a caller
 * joins, which member is rung ({@link #offer} applies the queue's strategy), when a member answers or the
 * ring times out, and when a call ends. Refusals carry Asterisk's own AMI messages
 * ({@link RejectedException}).
 *
 * <p>Thread-safe: every public method is synchronized; events and queue_log lines are emitted while the lock
 * is held, so they are in the order of the changes.
 */
public final class QueueEngine {

  /** Ring strategies of app_queue that the engine implements, named as in queues.conf. */
  public enum Strategy {
    /** Ring every free member at once. */
    RINGALL,
    /** Ring the member whose last call ended longest ago. */
    LEASTRECENT,
    /** Ring the member who took the fewest calls. */
    FEWESTCALLS,
    /** Round robin, remembering where the last call stopped. */
    RRMEMORY,
    /** Ring a random member (seeded). */
    RANDOM,
    /** Ring members in the order they were added. */
    LINEAR;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** AST_DEVICE_* codes as AMI shows them in {@code Status}. */
  public static final int NOT_INUSE = 1;
  /** AST_DEVICE_INUSE: the device is on a call. */
  public static final int INUSE = 2;
  /** AST_DEVICE_UNAVAILABLE: the device is not registered. */
  public static final int UNAVAILABLE = 5;
  /** AST_DEVICE_RINGING: the device is ringing. */
  public static final int RINGING = 6;

  /** A member as the engine holds it; a read-only view is given by {@link #members}. */
  public record MemberView(String queue, String memberInterface, String memberName, String stateInterface,
      int penalty, boolean paused, String pausedReason, int status, boolean inCall, int callsTaken,
      long lastCall, long loginTime) {}

  /** A waiting caller; read-only view. */
  public record CallerView(String queue, String uniqueId, String channel, String callerIdNum,
      String callerIdName, int position, Instant joinedAt) {}

  /** Queue counters as QueueParams reports them. */
  public record QueueView(String name, Strategy strategy, int calls, int holdTime, int talkTime, int completed,
      int abandoned, int serviceLevel, double serviceLevelPerf) {}

  private static final class Queue {
    final String name;
    final Strategy strategy;
    final LinkedHashMap<String, Member> members = new LinkedHashMap<>();
    final List<Caller> callers = new ArrayList<>();
    int holdTime;
    int talkTime;
    int completed;
    int abandoned;
    int completedInSl;
    int serviceLevel = 60;
    int rrNext;
    boolean leaveWhenEmpty;

    Queue(String name, Strategy strategy) {
      this.name = name;
      this.strategy = strategy;
    }
  }

  private static final class Member {
    final String iface;
    final String name;
    final String stateInterface;
    int penalty;
    boolean paused;
    String reason = "";
    int callsTaken;
    long lastCall;
    long lastPause;
    final long loginTime;

    Member(String iface, String name, String stateInterface, int penalty, boolean paused, long loginTime) {
      this.iface = iface;
      this.name = name;
      this.stateInterface = stateInterface;
      this.penalty = penalty;
      this.paused = paused;
      this.loginTime = loginTime;
    }
  }

  private static final class Caller {
    final Queue queue;
    final String uniqueId;
    final String channel;
    final String num;
    final String name;
    final Instant joinedAt;
    final int origPos;
    final Map<String, Instant> ringing = new LinkedHashMap<>();
    @Nullable Member agent;
    @Nullable String agentChannel;
    @Nullable String agentUniqueId;
    @Nullable Instant connectedAt;

    Caller(Queue queue, String uniqueId, String channel, String num, String name, Instant joinedAt, int origPos) {
      this.queue = queue;
      this.uniqueId = uniqueId;
      this.channel = channel;
      this.num = num;
      this.name = name;
      this.joinedAt = joinedAt;
      this.origPos = origPos;
    }
  }

  private final Clock clock;
  private final Consumer<AmiMessage> events;
  private final QueueLogWriter queueLog;
  private final boolean logMemberNameAsAgent;
  private final Random random;
  private final Map<String, Queue> queues = new LinkedHashMap<>();
  private final Map<String, Integer> deviceStatus = new LinkedHashMap<>();
  private final Map<String, Caller> calls = new LinkedHashMap<>();
  private long channelCounter;
  private long uniqueCounter;

  private QueueEngine(Clock clock, Consumer<AmiMessage> events, QueueLogWriter queueLog,
      boolean logMemberNameAsAgent, long seed) {
    this.clock = clock;
    this.events = events;
    this.queueLog = queueLog;
    this.logMemberNameAsAgent = logMemberNameAsAgent;
    this.random = new Random(seed);
  }

  /**
   * An engine. {@code logMemberNameAsAgent} is queues.conf's {@code log_membername_as_agent} (Asterisk's default
   * is off: ADDMEMBER/REMOVEMEMBER then name the interface); {@code seed} drives the RANDOM strategy.
   *
   * @param clock the clock of queue_log lines and events
   * @param events receives every AMI event the engine emits, under the engine's lock
   * @param queueLog where queue_log lines go
   * @param logMemberNameAsAgent whether queue_log's agent column names the member instead of the interface
   * @param seed the seed of the RANDOM strategy
   * @return a new engine with no queues
   */
  public static QueueEngine of(Clock clock, Consumer<AmiMessage> events, QueueLogWriter queueLog,
      boolean logMemberNameAsAgent, long seed) {
    return new QueueEngine(Objects.requireNonNull(clock), Objects.requireNonNull(events),
        Objects.requireNonNull(queueLog), logMemberNameAsAgent, seed);
  }

  /** Writes the QUEUESTART line Asterisk writes when app_queue's logger starts. */
  public synchronized void start() {
    queueLog.write(clock.instant(), "NONE", "NONE", "NONE", "QUEUESTART");
  }

  /**
   * Creates a queue, as queues.conf would; a queue that exists is left as it is.
   *
   * @param name the queue name
   * @param strategy its ring strategy
   */
  public synchronized void createQueue(String name, Strategy strategy) {
    queues.putIfAbsent(name, new Queue(name, strategy));
  }

  /**
   * The clock the engine stamps lines and events with.
   *
   * @return the clock
   */
  public synchronized Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------- members

  /**
   * AMI QueueAdd / dialplan AddQueueMember. {@code callId} is the queue_log callid column ("MANAGER" for AMI).
   *
   * @param queue the queue
   * @param iface the member interface
   * @param memberName the member name, or null for the interface
   * @param penalty the penalty, lower rings first
   * @param paused whether the member starts paused
   * @param reason the pause reason, or null
   * @param stateInterface the device-state interface, or null for the member's own
   * @param callId the queue_log callid column
   * @throws RejectedException when the queue does not exist or the interface is already a member
   */
  public synchronized void addMember(String queue, String iface, @Nullable String memberName, int penalty,
      boolean paused, @Nullable String reason, @Nullable String stateInterface, String callId) {
    Queue q = queues.get(queue);
    if (q == null) {
      throw new RejectedException("Unable to add interface to queue: No such queue");
    }
    if (q.members.containsKey(iface)) {
      throw new RejectedException("Unable to add interface: Already there");
    }
    Member m = new Member(iface, memberName == null || memberName.isBlank() ? iface : memberName,
        stateInterface == null || stateInterface.isBlank() ? iface : stateInterface, penalty, paused,
        clock.instant().getEpochSecond());
    if (paused && reason != null) {
      m.reason = reason;
    }
    q.members.put(iface, m);
    deviceStatus.putIfAbsent(iface, NOT_INUSE);
    queueLog.write(clock.instant(), callId, queue, logMemberNameAsAgent ? m.name : iface, "ADDMEMBER",
        paused ? "PAUSED" : "");
    events.accept(memberEvent("QueueMemberAdded", q, m));
  }

  /**
   * AMI QueueRemove.
   *
   * @param queue the queue
   * @param iface the member interface
   * @param callId the queue_log callid column
   * @throws RejectedException when the queue does not exist or the interface is not a member
   */
  public synchronized void removeMember(String queue, String iface, String callId) {
    Queue q = queues.get(queue);
    if (q == null) {
      throw new RejectedException("Unable to remove interface from queue: No such queue");
    }
    Member m = q.members.get(iface);
    if (m == null) {
      throw new RejectedException("Unable to remove interface: Not there");
    }
    q.members.remove(iface);
    queueLog.write(clock.instant(), callId, queue, logMemberNameAsAgent ? m.name : iface, "REMOVEMEMBER", "");
    events.accept(memberEvent("QueueMemberRemoved", q, m));
    leaveIfEmpty(q);
  }

  /**
   * AMI QueuePause: one queue, or all queues when {@code queue} is null (PAUSEALL/UNPAUSEALL logged first).
   *
   * @param iface the member interface
   * @param queue the queue, or null for every queue of the member
   * @param paused true to pause, false to unpause
   * @param reason the pause reason, or null
   * @throws RejectedException when the interface is not a member of the queue (or of any queue)
   */
  public synchronized void pause(String iface, @Nullable String queue, boolean paused, @Nullable String reason) {
    String why = reason == null ? "" : reason;
    List<Queue> where = new ArrayList<>();
    List<Member> whom = new ArrayList<>();
    for (Queue q : queues.values()) {
      Member m = q.members.get(iface);
      if ((queue == null || q.name.equals(queue)) && m != null) {
        where.add(q);
        whom.add(m);
      }
    }
    if (where.isEmpty()) {
      throw new RejectedException("Interface not found");
    }
    if (queue == null) {
      queueLog.write(clock.instant(), "NONE", "NONE", whom.get(0).name,
          paused ? "PAUSEALL" : "UNPAUSEALL", why);
    }
    for (int i = 0; i < where.size(); i++) {
      Queue q = where.get(i);
      Member m = whom.get(i);
      m.paused = paused;
      m.reason = why;
      if (paused) {
        m.lastPause = clock.instant().getEpochSecond();
      }
      queueLog.write(clock.instant(), "NONE", q.name, m.name, paused ? "PAUSE" : "UNPAUSE", why);
      events.accept(memberEvent("QueueMemberPause", q, m));
    }
    if (paused) {
      for (Queue q : where) {
        leaveIfEmpty(q);
      }
    }
  }

  /**
   * Device state change (phone unregistered, busy outside the queue, ...): QueueMemberStatus per queue.
   *
   * @param iface the device interface
   * @param status an AST_DEVICE_* code such as {@link #INUSE}
   */
  public synchronized void setDeviceStatus(String iface, int status) {
    deviceStatus.put(iface, status);
    for (Queue q : queues.values()) {
      Member m = q.members.get(iface);
      if (m != null) {
        events.accept(memberEvent("QueueMemberStatus", q, m));
      }
    }
    if (status == UNAVAILABLE) {
      for (Queue q : List.copyOf(queues.values())) {
        if (q.members.containsKey(iface)) {
          leaveIfEmpty(q);
        }
      }
    }
  }

  // ---------------------------------------------------------------- callers

  /**
   * A caller enters the queue (Queue() app); returns the caller channel's uniqueid (the queue_log callid).
   *
   * @param queue the queue
   * @param callerIdNum the caller id number
   * @param callerIdName the caller id name
   * @return the uniqueid
   * @throws RejectedException when the queue does not exist
   */
  public synchronized String join(String queue, String callerIdNum, String callerIdName) {
    Queue q = queues.get(queue);
    if (q == null) {
      throw new RejectedException("No such queue: " + queue);
    }
    String uid = newUniqueId();
    String chan = "PJSIP/trunk-" + String.format("%08x", ++channelCounter);
    Caller c = new Caller(q, uid, chan, callerIdNum, callerIdName, clock.instant(), q.callers.size() + 1);
    q.callers.add(c);
    calls.put(uid, c);
    queueLog.write(clock.instant(), uid, queue, "NONE", "ENTERQUEUE", "", callerIdNum, String.valueOf(c.origPos));
    AmiMessage.Builder e = event("QueueCallerJoin", "agent,all");
    snapshot(e, "", c.channel, 6, "Up", c.num, c.name, "<unknown>", "<unknown>", "from-trunk", queue, c.uniqueId);
    e.add("Queue", queue).add("Position", String.valueOf(c.origPos)).add("Count", String.valueOf(q.callers.size()));
    events.accept(e.build());
    return uid;
  }

  /**
   * Rings members for a waiting caller by the queue's strategy: idle (not in use, not ringing), unpaused,
   * available members, lowest penalty first; RINGALL rings them all, the others ring one. Returns the
   * interfaces now ringing (empty when nobody can take the call).
   *
   * @param uniqueId the waiting caller
   * @return the interfaces ringing
   */
  public synchronized List<String> offer(String uniqueId) {
    Caller c = waiting(uniqueId);
    Queue q = c.queue;
    List<Member> free = new ArrayList<>();
    for (Member m : q.members.values()) {
      int st = deviceStatus.getOrDefault(m.iface, NOT_INUSE);
      if (!m.paused && st == NOT_INUSE && !c.ringing.containsKey(m.iface)) {
        free.add(m);
      }
    }
    if (free.isEmpty()) {
      return List.of();
    }
    int best = free.stream().mapToInt(m -> m.penalty).min().orElseThrow();
    free.removeIf(m -> m.penalty != best);
    List<Member> pick;
    switch (q.strategy) {
      case RINGALL -> pick = free;
      case LEASTRECENT -> pick = List.of(free.stream().min(Comparator.comparingLong(m -> m.lastCall)).orElseThrow());
      case FEWESTCALLS -> pick = List.of(free.stream().min(Comparator.comparingInt(m -> m.callsTaken)).orElseThrow());
      case RANDOM -> pick = List.of(free.get(random.nextInt(free.size())));
      case LINEAR -> pick = List.of(free.get(0));
      default -> pick = List.of(free.get(Math.floorMod(q.rrNext++, free.size())));
    }
    List<String> rung = new ArrayList<>();
    for (Member m : pick) {
      c.ringing.put(m.iface, clock.instant());
      AmiMessage.Builder e = event("AgentCalled", "agent,all");
      callerSnapshot(e, c);
      snapshot(e, "Dest", agentChannel(m.iface), 5, "Ringing", m.iface.replaceAll(".*/", "").replaceAll("@.*", ""),
          m.name, c.num, c.name, "from-queue", q.name, newUniqueId());
      e.add("Queue", q.name).add("Interface", m.iface).add("MemberName", m.name);
      events.accept(e.build());
      setDeviceStatus(m.iface, RINGING);
      rung.add(m.iface);
    }
    return rung;
  }

  /**
   * A rung member did not answer within {@code ringTime} (or was busy): RINGNOANSWER in milliseconds.
   *
   * @param uniqueId the caller
   * @param iface the member that did not answer
   */
  public synchronized void ringNoAnswer(String uniqueId, String iface) {
    Caller c = waiting(uniqueId);
    Instant since = c.ringing.remove(iface);
    if (since == null) {
      throw new IllegalStateException(iface + " is not ringing for " + uniqueId);
    }
    long ms = Duration.between(since, clock.instant()).toMillis();
    Member m = c.queue.members.get(iface);
    String name = m == null ? iface : m.name;
    queueLog.write(clock.instant(), uniqueId, c.queue.name, name, "RINGNOANSWER", String.valueOf(ms));
    AmiMessage.Builder e = event("AgentRingNoAnswer", "agent,all");
    callerSnapshot(e, c);
    e.add("Queue", c.queue.name).add("Interface", iface).add("MemberName", name).add("RingTime", String.valueOf(ms));
    events.accept(e.build());
    setDeviceStatus(iface, NOT_INUSE);
  }

  /**
   * A ringing member answers: the caller leaves the queue and is bridged (CONNECT).
   *
   * @param uniqueId the caller
   * @param iface the answering member
   */
  public synchronized void connect(String uniqueId, String iface) {
    Caller c = waiting(uniqueId);
    Instant since = c.ringing.get(iface);
    if (since == null) {
      throw new IllegalStateException(iface + " is not ringing for " + uniqueId);
    }
    Member m = c.queue.members.get(iface);
    if (m == null) {
      throw new IllegalStateException(iface + " is no longer a member of " + c.queue.name);
    }
    Instant now = clock.instant();
    long hold = Duration.between(c.joinedAt, now).toSeconds();
    long ring = Duration.between(since, now).toSeconds();
    // members rung together (ringall) stop ringing without a queue_log line, as in app_queue
    for (String other : List.copyOf(c.ringing.keySet())) {
      if (!other.equals(iface)) {
        setDeviceStatus(other, NOT_INUSE);
      }
    }
    c.ringing.clear();
    int position = leave(c);
    c.agent = m;
    c.agentChannel = agentChannel(iface);
    c.agentUniqueId = newUniqueId();
    c.connectedAt = now;
    Queue q = c.queue;
    q.holdTime = (int) ((q.holdTime * 3L + hold) / 4);
    if (hold <= q.serviceLevel) {
      q.completedInSl++;
    }
    queueLog.write(now, uniqueId, q.name, m.name, "CONNECT", String.valueOf(hold), c.agentUniqueId,
        String.valueOf(ring));
    AmiMessage.Builder leaveEvent = event("QueueCallerLeave", "agent,all");
    callerSnapshot(leaveEvent, c);
    leaveEvent.add("Queue", q.name).add("Count", String.valueOf(q.callers.size()))
        .add("Position", String.valueOf(position));
    events.accept(leaveEvent.build());
    AmiMessage.Builder e = event("AgentConnect", "agent,all");
    callerSnapshot(e, c);
    agentSnapshot(e, c);
    e.add("Queue", q.name).add("Interface", iface).add("MemberName", m.name).add("HoldTime", String.valueOf(hold))
        .add("RingTime", String.valueOf(ring));
    events.accept(e.build());
    setDeviceStatus(iface, INUSE);
  }

  /**
   * The bridged call ends: COMPLETEAGENT when the member hung up, COMPLETECALLER otherwise.
   *
   * @param uniqueId the bridged caller
   * @param agentHungUp true when the member hung up
   */
  public synchronized void complete(String uniqueId, boolean agentHungUp) {
    Caller c = calls.get(uniqueId);
    if (c == null || c.agent == null || c.connectedAt == null) {
      throw new IllegalStateException("no bridged call " + uniqueId);
    }
    Instant now = clock.instant();
    long hold = Duration.between(c.joinedAt, c.connectedAt).toSeconds();
    long talk = Duration.between(c.connectedAt, now).toSeconds();
    Member m = c.agent;
    Queue q = c.queue;
    q.completed++;
    q.talkTime = (int) ((q.talkTime * 3L + talk) / 4);
    m.callsTaken++;
    m.lastCall = now.getEpochSecond();
    calls.remove(uniqueId);
    queueLog.write(now, uniqueId, q.name, m.name, agentHungUp ? "COMPLETEAGENT" : "COMPLETECALLER",
        String.valueOf(hold), String.valueOf(talk), String.valueOf(c.origPos));
    AmiMessage.Builder e = event("AgentComplete", "agent,all");
    callerSnapshot(e, c);
    agentSnapshot(e, c);
    e.add("Queue", q.name).add("Interface", m.iface).add("MemberName", m.name).add("HoldTime", String.valueOf(hold))
        .add("TalkTime", String.valueOf(talk)).add("Reason", agentHungUp ? "agent" : "caller");
    events.accept(e.build());
    if (q.members.containsKey(m.iface) || deviceStatus.containsKey(m.iface)) {
      setDeviceStatus(m.iface, NOT_INUSE);
    }
  }

  /**
   * The caller hangs up while waiting: RINGCANCELED for ringing members, ABANDON, QueueCallerAbandon.
   *
   * @param uniqueId the waiting caller
   */
  public synchronized void abandon(String uniqueId) {
    Caller c = waiting(uniqueId);
    Instant now = clock.instant();
    Queue q = c.queue;
    for (Map.Entry<String, Instant> r : c.ringing.entrySet()) {
      Member m = q.members.get(r.getKey());
      queueLog.write(now, uniqueId, q.name, m == null ? r.getKey() : m.name, "RINGCANCELED",
          String.valueOf(Duration.between(r.getValue(), now).toMillis()));
      setDeviceStatus(r.getKey(), NOT_INUSE);
    }
    c.ringing.clear();
    long wait = Duration.between(c.joinedAt, now).toSeconds();
    int position = leave(c);
    calls.remove(uniqueId);
    q.abandoned++;
    queueLog.write(now, uniqueId, q.name, "NONE", "ABANDON", String.valueOf(position), String.valueOf(c.origPos),
        String.valueOf(wait));
    AmiMessage.Builder e = event("QueueCallerAbandon", "agent,all");
    callerSnapshot(e, c);
    e.add("Queue", q.name).add("Position", String.valueOf(position))
        .add("OriginalPosition", String.valueOf(c.origPos)).add("HoldTime", String.valueOf(wait));
    events.accept(e.build());
    AmiMessage.Builder l = event("QueueCallerLeave", "agent,all");
    callerSnapshot(l, c);
    l.add("Queue", q.name).add("Count", String.valueOf(q.callers.size())).add("Position", String.valueOf(position));
    events.accept(l.build());
  }

  /**
   * The queue's timeout expires: EXITWITHTIMEOUT and the caller goes on in the dialplan.
   *
   * @param uniqueId the waiting caller
   */
  public synchronized void timeout(String uniqueId) {
    Caller c = waiting(uniqueId);
    Instant now = clock.instant();
    for (String iface : c.ringing.keySet()) {
      setDeviceStatus(iface, NOT_INUSE);
    }
    c.ringing.clear();
    long wait = Duration.between(c.joinedAt, now).toSeconds();
    int position = leave(c);
    calls.remove(uniqueId);
    queueLog.write(now, uniqueId, c.queue.name, "NONE", "EXITWITHTIMEOUT", String.valueOf(position),
        String.valueOf(c.origPos), String.valueOf(wait));
    AmiMessage.Builder l = event("QueueCallerLeave", "agent,all");
    callerSnapshot(l, c);
    l.add("Queue", c.queue.name).add("Count", String.valueOf(c.queue.callers.size()))
        .add("Position", String.valueOf(position));
    events.accept(l.build());
  }

  /**
   * queues.conf {@code leavewhenempty=yes}: waiting callers leave with EXITEMPTY as soon as no member of the
   * queue can take a call (none left, or all paused or unavailable). app_queue checks this in its wait loop
   * every few seconds; the fake checks at once when a member is removed, paused or becomes unavailable.
   *
   * @param queue the queue
   * @param leave whether waiting callers leave an empty queue
   * @throws RejectedException when the queue does not exist
   */
  public synchronized void setLeaveWhenEmpty(String queue, boolean leave) {
    Queue q = queues.get(queue);
    if (q == null) {
      throw new RejectedException("No such queue: " + queue);
    }
    q.leaveWhenEmpty = leave;
    leaveIfEmpty(q);
  }

  private void leaveIfEmpty(Queue q) {
    if (!q.leaveWhenEmpty) {
      return;
    }
    for (Member m : q.members.values()) {
      if (!m.paused && deviceStatus.getOrDefault(m.iface, NOT_INUSE) != UNAVAILABLE) {
        return;
      }
    }
    for (Caller c : List.copyOf(q.callers)) {
      exitEmpty(c.uniqueId);
    }
  }

  /**
   * The caller leaves because the queue has no usable member (leavewhenempty): EXITEMPTY, QueueCallerLeave.
   *
   * @param uniqueId the waiting caller
   */
  public synchronized void exitEmpty(String uniqueId) {
    Caller c = waiting(uniqueId);
    Instant now = clock.instant();
    stopRinging(c, now, false);
    long wait = Duration.between(c.joinedAt, now).toSeconds();
    int position = leave(c);
    calls.remove(uniqueId);
    queueLog.write(now, uniqueId, c.queue.name, "NONE", "EXITEMPTY", String.valueOf(position),
        String.valueOf(c.origPos), String.valueOf(wait));
    callerLeave(c, position);
  }

  /**
   * The caller presses a digit that the queue's {@code context} has an extension for: RINGCANCELED for members
   * still ringing, EXITWITHKEY {@code key|position|origpos|wait}, QueueCallerLeave.
   *
   * @param uniqueId the waiting caller
   * @param key the digit pressed
   */
  public synchronized void exitWithKey(String uniqueId, String key) {
    Caller c = waiting(uniqueId);
    Instant now = clock.instant();
    stopRinging(c, now, true);
    long wait = Duration.between(c.joinedAt, now).toSeconds();
    int position = leave(c);
    calls.remove(uniqueId);
    queueLog.write(now, uniqueId, c.queue.name, "NONE", "EXITWITHKEY", key, String.valueOf(position),
        String.valueOf(c.origPos), String.valueOf(wait));
    callerLeave(c, position);
  }

  /**
   * A ringing member answers but hangs up during the member announcement, before the bridge: AGENTDUMP (no
   * data) and the AgentDump event. The caller keeps waiting in the queue and can be offered again.
   *
   * @param uniqueId the waiting caller
   * @param iface the member that dumped the call
   */
  public synchronized void agentDump(String uniqueId, String iface) {
    Caller c = waiting(uniqueId);
    if (!c.ringing.containsKey(iface)) {
      throw new IllegalStateException(iface + " is not ringing for " + uniqueId);
    }
    Member m = c.queue.members.get(iface);
    if (m == null) {
      throw new IllegalStateException(iface + " is no longer a member of " + c.queue.name);
    }
    // the answer stopped the others ringing (no queue_log line), as in connect()
    for (String other : List.copyOf(c.ringing.keySet())) {
      setDeviceStatus(other, NOT_INUSE);
    }
    c.ringing.clear();
    Instant now = clock.instant();
    queueLog.write(now, uniqueId, c.queue.name, m.name, "AGENTDUMP", "");
    AmiMessage.Builder e = event("AgentDump", "agent,all");
    callerSnapshot(e, c);
    snapshot(e, "Dest", agentChannel(iface), 6, "Up", iface.replaceAll(".*/", "").replaceAll("@.*", ""), m.name,
        c.num, c.name, "from-queue", c.queue.name, newUniqueId());
    e.add("Queue", c.queue.name).add("Interface", iface).add("MemberName", m.name);
    events.accept(e.build());
  }

  /**
   * The member blind-transfers the bridged caller to {@code exten@context}: BlindTransfer event, queue_log
   * BLINDTRANSFER {@code exten|context|holdtime|calltime|origpos} instead of COMPLETE*, and AgentComplete with
   * {@code Reason: transfer}.
   *
   * @param uniqueId the bridged caller
   * @param exten the target extension
   * @param context the target context
   */
  public synchronized void blindTransfer(String uniqueId, String exten, String context) {
    Caller c = bridged(uniqueId);
    Instant now = clock.instant();
    AmiMessage.Builder e = event("BlindTransfer", "call,all");
    e.add("Result", "Success");
    agentSnapshot(e, c, "Transferer");
    e.add("TransfererBridgeUniqueid", bridgeId(c)).add("TransfererBridgeType", "basic")
        .add("TransfererBridgeTechnology", "simple_bridge").add("TransfererBridgeCreator", "<unknown>")
        .add("TransfererBridgeName", "<unknown>").add("TransfererBridgeNumChannels", "2")
        .add("TransfererBridgeVideoSourceMode", "none");
    snapshot(e, "Transferee", c.channel, 6, "Up", c.num, c.name, Objects.requireNonNull(c.agent).name,
        c.agent.name, "from-trunk", c.queue.name, c.uniqueId);
    e.add("IsExternal", "No").add("Context", context).add("Extension", exten);
    events.accept(e.build());
    endBridged(c, now, "BLINDTRANSFER", "transfer", exten, context);
  }

  /** How an attended transfer joined the parties (the queue_log's first ATTENDEDTRANSFER field). */
  public enum AttendedTransfer {
    /** The two bridges were merged (the usual case). */
    BRIDGE,
    /** The transfer target was running an application, such as another Queue(). */
    APP,
    /** The bridges could not be merged and were linked with a Local channel pair. */
    LINK
  }

  /**
   * The member consults a third party and completes an attended transfer of the bridged caller: AttendedTransfer
   * event, queue_log ATTENDEDTRANSFER ({@code BRIDGE|bridge|hold|talk|origpos}, {@code APP|app|...} or
   * {@code LINK|chan1|chan2|...}) and AgentComplete with {@code Reason: transfer}. {@code target} is the app
   * name for APP and ignored otherwise.
   *
   * @param uniqueId the bridged caller
   * @param how how the parties were joined
   * @param target the app name for APP, ignored otherwise
   */
  public synchronized void attendedTransfer(String uniqueId, AttendedTransfer how, String target) {
    Caller c = bridged(uniqueId);
    Instant now = clock.instant();
    String consult = agentChannel(Objects.requireNonNull(c.agent).iface);
    AmiMessage.Builder e = event("AttendedTransfer", "call,all");
    e.add("Result", "Success");
    agentSnapshot(e, c, "OrigTransferer");
    e.add("OrigBridgeUniqueid", bridgeId(c)).add("OrigBridgeType", "basic")
        .add("OrigBridgeTechnology", "simple_bridge").add("OrigBridgeNumChannels", "2");
    snapshot(e, "SecondTransferer", consult, 6, "Up", c.agent.iface.replaceAll(".*/", "").replaceAll("@.*", ""),
        c.agent.name, "", "", "from-internal", "", newUniqueId());
    snapshot(e, "Transferee", c.channel, 6, "Up", c.num, c.name, c.agent.name, c.agent.name, "from-trunk",
        c.queue.name, c.uniqueId);
    e.add("IsExternal", "No");
    String bridge = "bridge-" + newUniqueId();
    switch (how) {
      case BRIDGE -> {
        e.add("DestType", "Bridge").add("DestBridgeUniqueid", bridge);
        events.accept(e.build());
        endBridged(c, now, "ATTENDEDTRANSFER", "transfer", "BRIDGE", bridge);
      }
      case APP -> {
        e.add("DestType", "App").add("DestApp", target);
        events.accept(e.build());
        endBridged(c, now, "ATTENDEDTRANSFER", "transfer", "APP", target);
      }
      default -> {
        String local = "Local/" + String.format("%08x", ++channelCounter) + "@from-internal-";
        e.add("DestType", "Link").add("LocalOneChannel", local + ";1").add("LocalTwoChannel", local + ";2");
        events.accept(e.build());
        endBridged(c, now, "ATTENDEDTRANSFER", "transfer", "LINK", local + ";1", local + ";2");
      }
    }
  }

  private Caller bridged(String uniqueId) {
    Caller c = calls.get(uniqueId);
    if (c == null || c.agent == null || c.connectedAt == null) {
      throw new IllegalStateException("no bridged call " + uniqueId);
    }
    return c;
  }

  private static String bridgeId(Caller c) {
    return "bridge-" + c.uniqueId;
  }

  /** Ends a bridged call: the terminal queue_log line with hold and talk appended, counters, AgentComplete. */
  private void endBridged(Caller c, Instant now, String queueLogEvent, String reason, String... leading) {
    long hold = Duration.between(c.joinedAt, Objects.requireNonNull(c.connectedAt)).toSeconds();
    long talk = Duration.between(c.connectedAt, now).toSeconds();
    Member m = Objects.requireNonNull(c.agent);
    Queue q = c.queue;
    q.completed++;
    q.talkTime = (int) ((q.talkTime * 3L + talk) / 4);
    m.callsTaken++;
    m.lastCall = now.getEpochSecond();
    calls.remove(c.uniqueId);
    List<String> data = new ArrayList<>(List.of(leading));
    data.addAll(List.of(String.valueOf(hold), String.valueOf(talk), String.valueOf(c.origPos)));
    queueLog.write(now, c.uniqueId, q.name, m.name, queueLogEvent, data.toArray(String[]::new));
    AmiMessage.Builder e = event("AgentComplete", "agent,all");
    callerSnapshot(e, c);
    agentSnapshot(e, c);
    e.add("Queue", q.name).add("Interface", m.iface).add("MemberName", m.name).add("HoldTime", String.valueOf(hold))
        .add("TalkTime", String.valueOf(talk)).add("Reason", reason);
    events.accept(e.build());
    if (q.members.containsKey(m.iface) || deviceStatus.containsKey(m.iface)) {
      setDeviceStatus(m.iface, NOT_INUSE);
    }
  }

  private void stopRinging(Caller c, Instant now, boolean logCanceled) {
    for (Map.Entry<String, Instant> r : c.ringing.entrySet()) {
      if (logCanceled) {
        Member m = c.queue.members.get(r.getKey());
        queueLog.write(now, c.uniqueId, c.queue.name, m == null ? r.getKey() : m.name, "RINGCANCELED",
            String.valueOf(Duration.between(r.getValue(), now).toMillis()));
      }
      // a member whose phone just became unavailable (the cause of the exit) stays unavailable
      if (deviceStatus.getOrDefault(r.getKey(), NOT_INUSE) == RINGING) {
        setDeviceStatus(r.getKey(), NOT_INUSE);
      }
    }
    c.ringing.clear();
  }

  private void callerLeave(Caller c, int position) {
    AmiMessage.Builder l = event("QueueCallerLeave", "agent,all");
    callerSnapshot(l, c);
    l.add("Queue", c.queue.name).add("Count", String.valueOf(c.queue.callers.size()))
        .add("Position", String.valueOf(position));
    events.accept(l.build());
  }

  // ---------------------------------------------------------------- views (AMI status actions use these)

  /**
   * Every queue with its counters, as AMI QueueStatus and QueueSummary report them.
   *
   * @return the queues, in creation order
   */
  public synchronized List<QueueView> queues() {
    List<QueueView> out = new ArrayList<>();
    for (Queue q : queues.values()) {
      double perf = q.completed == 0 ? 0.0 : q.completedInSl * 100.0 / q.completed;
      out.add(new QueueView(q.name, q.strategy, q.callers.size(), q.holdTime, q.talkTime, q.completed, q.abandoned,
          q.serviceLevel, perf));
    }
    return out;
  }

  /**
   * The members of a queue.
   *
   * @param queue the queue
   * @return the members, in the order they joined; empty for an unknown queue
   */
  public synchronized List<MemberView> members(String queue) {
    Queue q = queues.get(queue);
    if (q == null) {
      return List.of();
    }
    List<MemberView> out = new ArrayList<>();
    for (Member m : q.members.values()) {
      out.add(view(q, m));
    }
    return out;
  }

  /**
   * The callers waiting in a queue.
   *
   * @param queue the queue
   * @return the callers, position 1 first; empty for an unknown queue
   */
  public synchronized List<CallerView> callers(String queue) {
    Queue q = queues.get(queue);
    if (q == null) {
      return List.of();
    }
    List<CallerView> out = new ArrayList<>();
    for (int i = 0; i < q.callers.size(); i++) {
      Caller c = q.callers.get(i);
      out.add(new CallerView(q.name, c.uniqueId, c.channel, c.num, c.name, i + 1, c.joinedAt));
    }
    return out;
  }

  /**
   * The queues an interface is a member of.
   *
   * @param iface the member interface
   * @return the queue names
   */
  public synchronized List<String> queuesOf(String iface) {
    List<String> out = new ArrayList<>();
    for (Queue q : queues.values()) {
      if (q.members.containsKey(iface)) {
        out.add(q.name);
      }
    }
    return out;
  }

  /**
   * One member of a queue.
   *
   * @param queue the queue
   * @param iface the member interface
   * @return the member, or empty when the queue or the member is unknown
   */
  public synchronized Optional<MemberView> member(String queue, String iface) {
    Queue q = queues.get(queue);
    if (q == null) {
      return Optional.empty();
    }
    Member m = q.members.get(iface);
    return m == null ? Optional.empty() : Optional.of(view(q, m));
  }

  /** Builds the blob Asterisk puts in every QueueMember* event (queue_member_blob_create). */
  static List<Map.Entry<String, String>> memberBlob(MemberView m) {
    return List.of(Map.entry("Queue", m.queue()), Map.entry("MemberName", m.memberName()),
        Map.entry("Interface", m.memberInterface()), Map.entry("StateInterface", m.stateInterface()),
        Map.entry("Membership", "dynamic"), Map.entry("Penalty", String.valueOf(m.penalty())),
        Map.entry("CallsTaken", String.valueOf(m.callsTaken())), Map.entry("LastCall", String.valueOf(m.lastCall())),
        Map.entry("LastPause", "0"), Map.entry("LoginTime", String.valueOf(m.loginTime())),
        Map.entry("InCall", m.inCall() ? "1" : "0"), Map.entry("Status", String.valueOf(m.status())),
        Map.entry("Paused", m.paused() ? "1" : "0"), Map.entry("PausedReason", m.pausedReason()),
        Map.entry("Ringinuse", "0"), Map.entry("Wrapuptime", "0"));
  }

  // ---------------------------------------------------------------- helpers

  private MemberView view(Queue q, Member m) {
    int st = deviceStatus.getOrDefault(m.iface, NOT_INUSE);
    return new MemberView(q.name, m.iface, m.name, m.stateInterface, m.penalty, m.paused, m.reason, st,
        st == INUSE, m.callsTaken, m.lastCall, m.loginTime);
  }

  private AmiMessage memberEvent(String name, Queue q, Member m) {
    AmiMessage.Builder e = event(name, "agent,all");
    for (Map.Entry<String, String> h : memberBlob(view(q, m))) {
      e.add(h.getKey(), h.getValue());
    }
    return e.build();
  }

  private Caller waiting(String uniqueId) {
    Caller c = calls.get(uniqueId);
    if (c == null || c.connectedAt != null) {
      throw new IllegalStateException("no waiting caller " + uniqueId);
    }
    return c;
  }

  private int leave(Caller c) {
    int position = c.queue.callers.indexOf(c) + 1;
    c.queue.callers.remove(c);
    return position;
  }

  private String newUniqueId() {
    return clock.instant().getEpochSecond() + "." + (++uniqueCounter);
  }

  private String agentChannel(String iface) {
    String base = iface.endsWith("/n") ? iface.substring(0, iface.length() - 2) : iface;
    return base + "-" + String.format("%08x", ++channelCounter) + (base.startsWith("Local/") ? ";1" : "");
  }

  private static AmiMessage.Builder event(String name, String privilege) {
    return AmiMessage.builder().add("Event", name).add("Privilege", privilege);
  }

  private static void callerSnapshot(AmiMessage.Builder e, Caller c) {
    snapshot(e, "", c.channel, 6, "Up", c.num, c.name, c.agent == null ? "<unknown>" : c.agent.name,
        c.agent == null ? "<unknown>" : c.agent.name, "from-trunk", c.queue.name, c.uniqueId);
  }

  private static void agentSnapshot(AmiMessage.Builder e, Caller c) {
    agentSnapshot(e, c, "Dest");
  }

  private static void agentSnapshot(AmiMessage.Builder e, Caller c, String prefix) {
    Member m = Objects.requireNonNull(c.agent);
    snapshot(e, prefix, Objects.requireNonNull(c.agentChannel), 6, "Up",
        m.iface.replaceAll(".*/", "").replaceAll("@.*", ""), m.name, c.num, c.name, "from-queue", c.queue.name,
        Objects.requireNonNull(c.agentUniqueId));
  }

  private static void snapshot(AmiMessage.Builder e, String prefix, String channel, int state, String stateDesc,
      String num, String name, String connNum, String connName, String context, String exten, String uid) {
    e.add(prefix + "Channel", channel).add(prefix + "ChannelState", String.valueOf(state))
        .add(prefix + "ChannelStateDesc", stateDesc).add(prefix + "CallerIDNum", num)
        .add(prefix + "CallerIDName", name.isEmpty() ? "<unknown>" : name).add(prefix + "ConnectedLineNum", connNum)
        .add(prefix + "ConnectedLineName", connName).add(prefix + "Language", "en")
        .add(prefix + "AccountCode", "").add(prefix + "Context", context).add(prefix + "Exten", exten)
        .add(prefix + "Priority", "1").add(prefix + "Uniqueid", uid).add(prefix + "Linkedid", uid);
  }
}
