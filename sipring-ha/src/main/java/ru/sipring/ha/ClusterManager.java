package ru.sipring.ha;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import ru.sipring.core.ConnectionException;

/**
 * Reads, judges and changes the cluster: {@link #status()} and {@link #perform(ClusterAction)}, which asks
 * the {@link ClusterControl} to act, then waits (at most the settle timeout) until the cluster is idle and a
 * snapshot shows the asked-for state, and reports that state with its health. Built with
 * {@link #builder(ClusterStatusSource, ClusterControl)}, or {@link #local()} for the local pacemaker.
 *
 * <p>Thread-safe when its parts are; actions from several threads are not serialised (pacemaker serialises
 * them itself).
 */
public final class ClusterManager {
  private final ClusterStatusSource source;
  private final ClusterControl control;
  private final HealthChecker checker;
  private final Duration settleTimeout;
  private final Duration pollInterval;
  private final Clock clock;

  private ClusterManager(Builder b) {
    this.source = b.source;
    this.control = b.control;
    this.checker = b.checker;
    this.settleTimeout = b.settleTimeout;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
  }

  /**
   * A builder: the default health policy, 60 s to settle, a poll every 500 ms, the system clock in UTC.
   *
   * @param source where snapshots come from
   * @param control what performs actions (pcs, crm_resource or pcsd)
   * @return a new builder
   */
  public static Builder builder(ClusterStatusSource source, ClusterControl control) {
    return new Builder(source, control);
  }

  /**
   * The local pacemaker through pcs, default health policy, 60 s to settle.
   *
   * @return the manager
   */
  public static ClusterManager local() {
    PacemakerTools tools = PacemakerTools.local();
    return builder(tools, tools).build();
  }

  /**
   * A snapshot and its health.
   *
   * @return the snapshot with its health
   * @throws ConnectionException when a tool could not be reached
   */
  public Checked status() {
    ClusterStatus s = source.snapshot();
    return new Checked(s, checker.check(s));
  }

  /**
   * A snapshot with its health. Immutable, thread-safe.
   *
   * @param status the snapshot
   * @param health its health
   */
  public record Checked(ClusterStatus status, HealthReport health) {}

  /**
   * Performs an action and waits for the cluster to settle.
   *
   * @param action what to do
   * @return whether it settled, in what time, and the state and health after it
   * @throws ru.sipring.core.RejectedException when the cluster refused the action
   * @throws ConnectionException when a tool or pcsd could not be reached
   */
  public ActionOutcome perform(ClusterAction action) {
    Instant start = clock.instant();
    Instant deadline = start.plus(settleTimeout);
    control.execute(action);
    ClusterStatus last = null;
    boolean settled = false;
    while (true) {
      Duration left = Duration.between(clock.instant(), deadline);
      boolean idle = !left.isNegative() && !left.isZero() && source.awaitIdle(left);
      last = source.snapshot();
      if (idle && last.connected() && !last.transitional() && action.reachedIn(last)) {
        settled = true;
        break;
      }
      if (!clock.instant().isBefore(deadline)) {
        break;
      }
      sleep(pollInterval);
    }
    return new ActionOutcome(action, settled, Duration.between(start, clock.instant()), last, checker.check(last));
  }

  /**
   * Performs several actions in order, stopping at the first that does not settle.
   *
   * @param actions what to do, in order
   * @return the outcome of each action performed, the last one unsettled when one did not settle
   * @throws ru.sipring.core.RejectedException when the cluster refused an action
   * @throws ConnectionException when a tool or pcsd could not be reached
   */
  public List<ActionOutcome> performAll(List<ClusterAction> actions) {
    List<ActionOutcome> out = new java.util.ArrayList<>();
    for (ClusterAction a : actions) {
      ActionOutcome o = perform(a);
      out.add(o);
      if (!o.settled()) {
        break;
      }
    }
    return out;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while waiting for the cluster to settle", e);
    }
  }

  /** Builder of a {@link ClusterManager}; not thread-safe. */
  public static final class Builder {
    private final ClusterStatusSource source;
    private final ClusterControl control;
    private HealthChecker checker = HealthChecker.withDefaults();
    private Duration settleTimeout = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofMillis(500);
    private Clock clock = Clock.systemUTC();

    private Builder(ClusterStatusSource source, ClusterControl control) {
      this.source = Objects.requireNonNull(source, "source");
      this.control = Objects.requireNonNull(control, "control");
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
     * How long an action may take to settle before it is reported unsettled (default 60 s).
     *
     * @param settleTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when it is not positive
     */
    public Builder settleTimeout(Duration settleTimeout) {
      this.settleTimeout = positive(settleTimeout, "settleTimeout");
      return this;
    }

    /**
     * How often the cluster is read again while an action settles (default 500 ms).
     *
     * @param pollInterval a positive duration
     * @return this builder
     * @throws IllegalArgumentException when it is not positive
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive(pollInterval, "pollInterval");
      return this;
    }

    /**
     * The clock that measures the settle timeout and the elapsed time (default the system clock in UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The manager.
     *
     * @return a new manager with the settings so far
     */
    public ClusterManager build() {
      return new ClusterManager(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
