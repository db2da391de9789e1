package ru.sipring.testkit.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.time.SimulatedClock;

/**
 * Runs a {@link TrafficModel} for one day as a discrete-event simulation that drives a {@link QueueEngine}:
 * the engine emits the AMI events and writes the queue_log, the simulation decides who calls, who answers and
 * when people hang up. Time is the engine's {@link SimulatedClock}, moved from event to event; a
 * {@link Pacer} may slow the run down to (a multiple of) real time so that AMI clients can watch it live.
 *
 * <p>Seeded: the same model, date and seed give the same queue_log. Not thread-safe; one run per instance.
 */
public final class CallCentreDay {

  /** Called before each simulated event with the simulated instant it happens at. */
  @FunctionalInterface
  public interface Pacer {
    /**
     * Waits until the real moment that matches a simulated instant (or not at all).
     *
     * @param at the simulated instant of the next event
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitSimulated(Instant at) throws InterruptedException;

    /**
     * No waiting: the day runs as fast as the machine can.
     *
     * @return the pacer
     */
    static Pacer none() {
      return at -> { };
    }

    /**
     * Sleeps so that simulated time runs {@code speed} times faster than real time.
     *
     * @param simStart the simulated instant that matches the real start
     * @param speed how many simulated seconds pass per real second
     * @return the pacer
     */
    static Pacer realTime(Instant simStart, double speed) {
      long realStart = System.nanoTime();
      return at -> {
        long due = realStart + (long) (Duration.between(simStart, at).toNanos() / speed);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      };
    }
  }

  /** The simulation's own counts, per queue. */
  public record QueueCounts(String queue, int offered, int answered, int abandoned, int timedOut,
      int answeredWithin20s, long totalWaitAnsweredSeconds, long totalTalkSeconds, int ringNoAnswer,
      int transferred) {
    /**
     * Answered within 20 s, as a share of offered calls.
     *
     * @return the percentage, 0 when nothing was offered
     */
    public double serviceLevel20() {
      return offered == 0 ? 0 : 100.0 * answeredWithin20s / offered;
    }

    /**
     * Mean wait of answered calls.
     *
     * @return seconds, 0 when nothing was answered
     */
    public double averageWaitAnswered() {
      return answered == 0 ? 0 : (double) totalWaitAnsweredSeconds / answered;
    }

    /**
     * Mean talk of answered calls.
     *
     * @return seconds, 0 when nothing was answered
     */
    public double averageTalk() {
      return answered == 0 ? 0 : (double) totalTalkSeconds / answered;
    }
  }

  /** What the day produced. */
  public record Summary(LocalDate date, List<QueueCounts> queues, Map<String, Integer> callsPerAgent,
      long seed, int events) {}

  private record Ev(Instant at, long seq, Runnable action) {}

  private static final class CallState {
    final String queue;
    final Instant joined;
    @Nullable String ringing;
    List<String> rung = List.of();
    boolean done;
    @Nullable String agent;
    @Nullable Instant connected;

    CallState(String queue, Instant joined) {
      this.queue = queue;
      this.joined = joined;
    }
  }

  private static final class AgentState {
    final TrafficModel.AgentShift shift;
    boolean loggedIn;
    boolean leaving;
    @Nullable String inCallWith;

    AgentState(TrafficModel.AgentShift shift) {
      this.shift = shift;
    }
  }

  private final TrafficModel model;
  private final QueueEngine engine;
  private final SimulatedClock clock;
  private final Random random;
  private final long seed;
  private final PriorityQueue<Ev> events = new PriorityQueue<>((a, b) -> {
    int c = a.at().compareTo(b.at());
    return c != 0 ? c : Long.compare(a.seq(), b.seq());
  });
  private final Map<String, CallState> calls = new LinkedHashMap<>();
  private final Map<String, AgentState> agents = new LinkedHashMap<>();
  private final Map<String, int[]> counts = new TreeMap<>();
  private final Map<String, long[]> times = new HashMap<>();
  private final Map<String, Integer> perAgent = new TreeMap<>();
  private long seq;
  private int processed;

  /**
   * A simulation of one model on one engine; the engine writes the queue_log.
   *
   * @param model the traffic model
   * @param engine the queue engine to drive; its queues are created by {@link #run}
   * @param clock the simulated clock, moved by the run
   * @param seed the seed of arrivals, talk and patience times
   */
  public CallCentreDay(TrafficModel model, QueueEngine engine, SimulatedClock clock, long seed) {
    this.model = model;
    this.engine = engine;
    this.clock = clock;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /**
   * Simulates {@code date} from 00:00 to 24:00 plus the time needed for calls in progress to end.
   *
   * @param date the day to simulate
   * @param zone the zone the model's hours are in
   * @param pacer how the run keeps pace with real time
   * @return the simulation's own counts, to compare reports against
   * @throws InterruptedException when the pacer is interrupted
   */
  public Summary run(LocalDate date, ZoneId zone, Pacer pacer) throws InterruptedException {
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    if (clock.instant().isBefore(dayStart)) {
      clock.set(dayStart);
    }
    for (TrafficModel.QueueLoad q : model.queues()) {
      engine.createQueue(q.queue(), q.strategy());
      counts.put(q.queue(), new int[7]);
      times.put(q.queue(), new long[2]);
      scheduleArrival(q, dayStart, dayEnd, zone);
    }
    for (TrafficModel.AgentShift s : model.agents()) {
      AgentState a = new AgentState(s);
      agents.put(s.memberInterface(), a);
      at(at(date, s.start(), zone), () -> login(a));
      for (TrafficModel.Pause p : s.pauses()) {
        Instant ps = at(date, p.start(), zone);
        at(ps, () -> pause(a, true, p.reason()));
        at(ps.plus(p.length()), () -> pause(a, false, ""));
      }
      at(at(date, s.end(), zone), () -> logout(a));
    }
    while (!events.isEmpty()) {
      Ev e = events.poll();
      pacer.awaitSimulated(e.at());
      clock.set(e.at());
      e.action().run();
      processed++;
    }
    List<QueueCounts> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      long[] t = timesOf(e.getKey());
      out.add(new QueueCounts(e.getKey(), c[0], c[1], c[2], c[3], c[4], t[0], t[1], c[5], c[6]));
    }
    return new Summary(date, out, Map.copyOf(perAgent), seed, processed);
  }

  private static Instant at(LocalDate d, LocalTime t, ZoneId zone) {
    return d.atTime(t).atZone(zone).toInstant();
  }

  private void at(Instant when, Runnable r) {
    events.add(new Ev(when, seq++, r));
  }

  private double exp(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  /** Non-homogeneous Poisson arrivals by thinning against the peak hourly rate. */
  private void scheduleArrival(TrafficModel.QueueLoad q, Instant from, Instant dayEnd, ZoneId zone) {
    double[] rates = q.callsPerHour();
    double peak = 0;
    for (double r : rates) {
      peak = Math.max(peak, r);
    }
    if (peak <= 0) {
      return;
    }
    Instant t = from;
    while (true) {
      t = t.plusMillis((long) (exp(3_600_000.0 / peak)));
      if (!t.isBefore(dayEnd)) {
        return;
      }
      int hour = t.atZone(zone).getHour();
      if (random.nextDouble() * peak <= rates[hour]) {
        Instant when = t;
        at(when, () -> arrive(q));
      }
    }
  }

  private void arrive(TrafficModel.QueueLoad q) {
    String num = "7" + (9_000_000_000L + random.nextInt(1_000_000_000));
    String uid = engine.join(q.queue(), num, "");
    Instant now = clock.instant();
    calls.put(uid, new CallState(q.queue(), now));
    countsOf(q.queue())[0]++;
    Duration patience = Duration.ofMillis((long) exp(q.meanPatience().toMillis()));
    if (patience.compareTo(q.queueTimeout()) < 0) {
      at(now.plus(patience), () -> {
        CallState c = calls.get(uid);
        if (c != null && !c.done && c.connected == null) {
          c.done = true;
          engine.abandon(uid);
          countsOf(q.queue())[2]++;
          dispatchAll();
        }
      });
    } else {
      at(now.plus(q.queueTimeout()), () -> {
        CallState c = calls.get(uid);
        if (c != null && !c.done && c.connected == null) {
          c.done = true;
          engine.timeout(uid);
          countsOf(q.queue())[3]++;
          dispatchAll();
        }
      });
    }
    dispatch(q.queue());
  }

  /** The counters of a queue of the model; every call's queue has them, made with the model's queues. */
  private int[] countsOf(String queue) {
    int[] c = counts.get(queue);
    if (c == null) {
      throw new IllegalStateException("queue not in the model: " + queue);
    }
    return c;
  }

  /** The wait and talk totals, in seconds, of a queue of the model. */
  private long[] timesOf(String queue) {
    long[] t = times.get(queue);
    if (t == null) {
      throw new IllegalStateException("queue not in the model: " + queue);
    }
    return t;
  }

  private void dispatchAll() {
    for (String q : counts.keySet()) {
      dispatch(q);
    }
  }

  /** Offers waiting callers of a queue, in order, to free members, as app_queue does with autofill. */
  private void dispatch(String queue) {
    for (Map.Entry<String, CallState> e : List.copyOf(calls.entrySet())) {
      CallState c = e.getValue();
      if (c.done || c.connected != null || c.ringing != null || !c.queue.equals(queue)) {
        continue;
      }
      List<String> rung = engine.offer(e.getKey());
      if (rung.isEmpty()) {
        return; // nobody free: later callers cannot be served either
      }
      // ringall rings several members: the first one is the one who may answer
      String iface = rung.get(0);
      c.ringing = iface;
      c.rung = rung;
      String uid = e.getKey();
      if (random.nextDouble() < model.answerProbability()) {
        long ringMs = 2000 + (long) (random.nextDouble() * Math.min(8000, model.ringTimeout().toMillis() - 2000));
        at(clock.instant().plusMillis(ringMs), () -> answer(uid, iface));
      } else {
        at(clock.instant().plus(model.ringTimeout()), () -> noAnswer(uid, iface));
      }
    }
  }

  private void answer(String uid, String iface) {
    CallState c = calls.get(uid);
    if (c == null || c.done || c.connected != null || !iface.equals(c.ringing)) {
      return;
    }
    AgentState a = agents.get(iface);
    if (a == null) {
      throw new IllegalStateException("rang a member that is not an agent of the model: " + iface);
    }
    engine.connect(uid, iface);
    Instant now = clock.instant();
    c.connected = now;
    c.agent = iface;
    c.ringing = null;
    a.inCallWith = uid;
    long wait = Duration.between(c.joined, now).toSeconds();
    int[] n = countsOf(c.queue);
    n[1]++;
    if (wait <= 20) {
      n[4]++;
    }
    timesOf(c.queue)[0] += wait;
    perAgent.merge(a.shift.name(), 1, Integer::sum);
    TrafficModel.QueueLoad load = model.queues().stream().filter(q -> q.queue().equals(c.queue)).findFirst()
        .orElseThrow();
    Duration talk = Duration.ofSeconds(Math.max(5, (long) exp(load.meanTalk().toSeconds())));
    timesOf(c.queue)[1] += talk.toSeconds();
    at(now.plus(talk), () -> {
      c.done = true;
      // no extra draw without transfers: a model's days stay the same as before transfers existed
      if (model.transferProbability() > 0 && random.nextDouble() < model.transferProbability()) {
        if (random.nextBoolean()) {
          engine.blindTransfer(uid, "700", "from-internal");
        } else {
          engine.attendedTransfer(uid, QueueEngine.AttendedTransfer.BRIDGE, "");
        }
        countsOf(c.queue)[6]++;
      } else {
        engine.complete(uid, random.nextDouble() < model.agentHangsUpProbability());
      }
      calls.remove(uid);
      a.inCallWith = null;
      if (a.leaving) {
        logout(a);
      }
      dispatchAll();
    });
    dispatchAll();
  }

  private void noAnswer(String uid, String iface) {
    CallState c = calls.get(uid);
    if (c == null || c.done || c.connected != null || !iface.equals(c.ringing)) {
      return;
    }
    for (String r : c.rung) {
      engine.ringNoAnswer(uid, r);
      countsOf(c.queue)[5]++;
    }
    c.ringing = null;
    dispatch(c.queue);
  }

  private void login(AgentState a) {
    for (String q : a.shift.queues()) {
      if (engine.member(q, a.shift.memberInterface()).isEmpty()) {
        engine.addMember(q, a.shift.memberInterface(), a.shift.name(), 0, false, null, null, "MANAGER");
      }
    }
    a.loggedIn = true;
    a.leaving = false;
    dispatchAll();
  }

  private void logout(AgentState a) {
    if (a.inCallWith != null) {
      a.leaving = true; // leaves after the current call, like a person would
      return;
    }
    // a caller ringing this agent stops ringing first and is offered to someone else
    for (Map.Entry<String, CallState> e : calls.entrySet()) {
      CallState c = e.getValue();
      if (!c.done && c.connected == null && c.rung.contains(a.shift.memberInterface()) && c.ringing != null) {
        for (String r : c.rung) {
          engine.ringNoAnswer(e.getKey(), r);
        }
        c.ringing = null;
      }
    }
    for (String q : engine.queuesOf(a.shift.memberInterface())) {
      engine.removeMember(q, a.shift.memberInterface(), "MANAGER");
    }
    a.loggedIn = false;
    a.leaving = false;
    dispatchAll();
  }

  private void pause(AgentState a, boolean paused, String reason) {
    if (!a.loggedIn || engine.queuesOf(a.shift.memberInterface()).isEmpty()) {
      return;
    }
    engine.pause(a.shift.memberInterface(), null, paused, reason);
    if (!paused) {
      dispatchAll();
    }
  }
}
