package ru.sipring.ha;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import ru.sipring.core.ConnectionException;

/**
 * Reads, judges and changes the cluster: {@link #status()} and {@link #perform(ClusterAction)}, which asks
 * the {@link ClusterControl} to act, then waits (at most the settle timeout) until the cluster is idle and a
 * snapshot shows the asked-for state, and reports that state with its health. Thread-safe when its parts are;
 * actions from several threads are not serialised (pacemaker serialises them itself).
 */
public final class ClusterManager {
  private final ClusterStatusSource source;
  private final ClusterControl control;
  private final HealthChecker checker;
  private final Duration settleTimeout;
  private final Duration pollInterval;
  private final InstantSource clock;

  private ClusterManager(ClusterStatusSource source, ClusterControl control, HealthChecker checker,
      Duration settleTimeout, Duration pollInterval, InstantSource clock) {
    this.source = source;
    this.control = control;
    this.checker = checker;
    this.settleTimeout = settleTimeout;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /** A manager that settles within {@code settleTimeout}, polling every 500 ms. */
  public static ClusterManager of(ClusterStatusSource source, ClusterControl control, HealthChecker checker,
      Duration settleTimeout, InstantSource clock) {
    return new ClusterManager(source, control, checker, settleTimeout, Duration.ofMillis(500), clock);
  }

  /** The local pacemaker through pcs, default health policy, 60 s to settle. */
  public static ClusterManager local() {
    PacemakerTools tools = PacemakerTools.local();
    return of(tools, tools, HealthChecker.withDefaults(), Duration.ofSeconds(60), InstantSource.system());
  }

  /** A snapshot and its health. */
  public Checked status() {
    ClusterStatus s = source.snapshot();
    return new Checked(s, checker.check(s));
  }

  /** A snapshot with its health. */
  public record Checked(ClusterStatus status, HealthReport health) {}

  /**
   * Performs an action and waits for the cluster to settle.
   *
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

  /** Performs several actions in order, stopping at the first that does not settle. */
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
}
