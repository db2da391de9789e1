package ru.sipring.ha;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.SipRingException;

/**
 * Polls a {@link ClusterStatusSource} and tells {@link Listener}s about every change of state (node states,
 * where each resource runs and in which role, failures, bans, maintenance, quorum, DC) or of verdict. The first
 * poll always notifies (there is no previous state). A poll that fails (the tool timed out) is reported to
 * {@link Listener#onError} and polling goes on.
 *
 * <p>Thread-safe. Listeners are called on the watcher's single polling thread (named
 * {@code sipring-ha-watch}), one at a time, in registration order; a listener that throws is logged and does
 * not stop the others. {@link #poll()} may also be called directly (then listeners run on the caller's
 * thread); do not mix both. Built with {@link #builder(ClusterStatusSource)}.
 */
public final class ClusterWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);

  /** Receives changes. */
  public interface Listener {
    /**
     * The cluster's state or verdict changed.
     *
     * @param change the change
     */
    void onChange(Change change);

    /**
     * A poll failed.
     *
     * @param error the error
     */
    default void onError(SipRingException error) {
    }
  }

  /**
   * One observed change.
   *
   * @param at when the snapshot was taken
   * @param previous the state before (null on the first poll)
   * @param current the state now
   * @param previousVerdict the verdict before (null on the first poll)
   * @param health the health now
   * @param changes what changed, one line each ({@code node node1: ONLINE -> STANDBY})
   */
  public record Change(Instant at, @Nullable ClusterStatus previous, ClusterStatus current,
      @Nullable Verdict previousVerdict, HealthReport health, List<String> changes) {
    /**
     * Checks the components; collections are kept as unmodifiable copies.
     *
     * @param at when the snapshot was taken
     * @param previous the state before (null on the first poll)
     * @param current the state now
     * @param previousVerdict the verdict before (null on the first poll)
     * @param health the health now
     * @param changes what changed, one line each ({@code node node1: ONLINE -> STANDBY})
     */
    public Change {
      changes = List.copyOf(changes);
    }

    /**
     * The verdict moved.
     *
     * @return true when the verdict differs from the previous one
     */
    public boolean verdictChanged() {
      return previousVerdict != health.verdict();
    }
  }

  private final ClusterStatusSource source;
  private final HealthChecker checker;
  private final Clock clock;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<Availability.Sample> history = new CopyOnWriteArrayList<>();
  private final int historyLimit;
  private @Nullable ScheduledExecutorService executor;
  private @Nullable ClusterStatus last;
  private @Nullable HealthReport lastHealth;

  private ClusterWatcher(Builder b) {
    this.source = b.source;
    this.checker = b.checker;
    this.clock = b.clock;
    this.historyLimit = b.historyLimit;
  }

  /**
   * A builder: the default health policy, the system clock in UTC, the last 1000 snapshots kept for
   * {@link #availability}.
   *
   * @param source where snapshots come from
   * @return a new builder
   */
  public static Builder builder(ClusterStatusSource source) {
    return new Builder(source);
  }

  /** Builder of a {@link ClusterWatcher}; not thread-safe. */
  public static final class Builder {
    private final ClusterStatusSource source;
    private HealthChecker checker = HealthChecker.withDefaults();
    private Clock clock = Clock.systemUTC();
    private int historyLimit = 1000;

    private Builder(ClusterStatusSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * How snapshots are judged (default {@link HealthChecker#withDefaults()}).
     *
     * @param checker the health checker
     * @return this builder
     */
    public Builder checker(HealthChecker checker) {
      this.checker = Objects.requireNonNull(checker, "checker");
      return this;
    }

    /**
     * The clock that stamps snapshots and ends the availability window (default the system clock in UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How many of the newest snapshots {@link ClusterWatcher#availability} is computed over (default 1000).
     *
     * @param historyLimit at least 1
     * @return this builder
     * @throws IllegalArgumentException when it is less than 1
     */
    public Builder historyLimit(int historyLimit) {
      if (historyLimit < 1) {
        throw new IllegalArgumentException("historyLimit must be at least 1: " + historyLimit);
      }
      this.historyLimit = historyLimit;
      return this;
    }

    /**
     * The watcher, not yet polling (see {@link ClusterWatcher#start(Duration)}).
     *
     * @return a new watcher
     */
    public ClusterWatcher build() {
      return new ClusterWatcher(this);
    }
  }

  /**
   * Registers a listener.
   *
   * @param l the listener
   */
  public void addListener(Listener l) {
    listeners.add(Objects.requireNonNull(l));
  }

  /**
   * Starts polling every {@code interval} on a daemon thread.
   *
   * @param interval the interval
   */
  public synchronized void start(Duration interval) {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sipring-ha-watch");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("cluster watch poll failed", e);
    }
  }

  /**
   * Takes one snapshot now; notifies listeners when something changed. Returns the change, if any.
   *
   * @return the change
   */
  public synchronized @Nullable Change poll() {
    ClusterStatus now;
    Instant at = clock.instant();
    try {
      now = source.snapshot();
    } catch (SipRingException e) {
      for (Listener l : listeners) {
        try {
          l.onError(e);
        } catch (RuntimeException le) {
          LOG.warn("cluster watch listener failed", le);
        }
      }
      return null;
    }
    history.add(new Availability.Sample(at, now));
    while (history.size() > historyLimit) {
      history.remove(0);
    }
    HealthReport health = checker.check(now);
    List<String> changes = diff(last, now);
    boolean verdictChanged = lastHealth == null || lastHealth.verdict() != health.verdict();
    if (verdictChanged) {
      changes = new ArrayList<>(changes);
      changes.add("verdict: " + (lastHealth == null ? "-" : lastHealth.verdict()) + " -> " + health.verdict());
    }
    Change change = null;
    if (!changes.isEmpty()) {
      change = new Change(at, last, now, lastHealth == null ? null : lastHealth.verdict(), health, changes);
      for (Listener l : listeners) {
        try {
          l.onChange(change);
        } catch (RuntimeException e) {
          LOG.warn("cluster watch listener failed", e);
        }
      }
    }
    last = now;
    lastHealth = health;
    return change;
  }

  /**
   * Availability over the snapshots kept so far, up to now.
   *
   * @param target the availability target, such as 0.9999
   * @return the availability of each service
   */
  public List<Availability.ServiceAvailability> availability(java.math.BigDecimal target) {
    return Availability.compute(List.copyOf(history), clock.instant(), target);
  }

  /** Differences that matter to an administrator, one line each. */
  static List<String> diff(@Nullable ClusterStatus before, ClusterStatus after) {
    List<String> out = new ArrayList<>();
    if (before == null) {
      out.add("first snapshot");
      return out;
    }
    if (before.connected() != after.connected()) {
      out.add("cluster: " + (after.connected() ? "reachable" : "NOT reachable (" + after.statusMessage() + ")"));
    }
    if (!Objects.equals(before.dcName(), after.dcName())) {
      out.add("DC: " + before.dcName() + " -> " + after.dcName());
    }
    if (before.withQuorum() != after.withQuorum()) {
      out.add("quorum: " + before.withQuorum() + " -> " + after.withQuorum());
    }
    if (before.maintenanceMode() != after.maintenanceMode()) {
      out.add("maintenance-mode: " + before.maintenanceMode() + " -> " + after.maintenanceMode());
    }
    Map<String, String> nb = nodeStates(before);
    Map<String, String> na = nodeStates(after);
    for (String n : union(nb, na)) {
      if (!Objects.equals(nb.get(n), na.get(n))) {
        out.add("node " + n + ": " + nb.getOrDefault(n, "absent") + " -> " + na.getOrDefault(n, "absent"));
      }
    }
    Map<String, String> rb = placements(before);
    Map<String, String> ra = placements(after);
    for (String r : union(rb, ra)) {
      if (!Objects.equals(rb.get(r), ra.get(r))) {
        out.add("resource " + r + ": " + rb.getOrDefault(r, "absent") + " -> " + ra.getOrDefault(r, "absent"));
      }
    }
    if (!before.failedActions().equals(after.failedActions())) {
      out.add("failed actions: " + before.failedActions().size() + " -> " + after.failedActions().size());
    }
    if (!before.bans().equals(after.bans())) {
      out.add("bans: " + before.bans().size() + " -> " + after.bans().size());
    }
    return out;
  }

  private static Map<String, String> nodeStates(ClusterStatus s) {
    Map<String, String> m = new TreeMap<>();
    s.nodes().forEach(n -> m.put(n.name(), n.state().name() + (n.dc() ? " (DC)" : "")));
    return m;
  }

  /** resource id → sorted "Role@node" list (clone instances folded together). */
  private static Map<String, String> placements(ClusterStatus s) {
    Map<String, List<String>> m = new TreeMap<>();
    for (ClusterResource p : s.primitives()) {
      List<String> l = m.computeIfAbsent(p.id(), k -> new ArrayList<>());
      String flags = (p.failed() ? " FAILED" : "") + (p.managed() ? "" : " unmanaged") + (p.isDisabled() ? " disabled" : "");
      if (p.nodes().isEmpty()) {
        l.add(p.role().display() + flags);
      } else {
        p.nodes().forEach(n -> l.add(p.role().display() + " " + n + flags));
      }
    }
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, String.join(", ", v.stream().sorted().toList())));
    return out;
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> s = new java.util.TreeSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
