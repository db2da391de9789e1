package ru.sipring.core.pbx;

import java.util.List;
import java.util.Optional;

/**
 * Live state of the PBX's queues, kept current from the PBX's events. Implemented by
 * {@code ru.sipring.ami.AmiPbxGateway}.
 *
 * <p>Implementations are thread-safe. Listeners are called on one notification thread owned by the
 * implementation, one call at a time. A listener always gets the newest state of a queue; when it is slower than
 * the changes, intermediate states of that queue are skipped (never the last one). A slow listener never
 * delays the PBX connection.
 */
public interface LiveQueueMonitor {

  /** Called with the newest state of a queue after it changed. */
  @FunctionalInterface
  interface Listener {
    /**
     * Receives a queue's new state, on the monitor's notification thread.
     *
     * @param state the newest state of one queue
     */
    void onChange(LiveQueueState state);
  }

  /**
   * Every known queue, sorted by name, with wait times as of now.
   *
   * @return the states, one per queue the PBX reports; empty before the first resync
   */
  List<LiveQueueState> snapshot();

  /**
   * One queue as of now, when the PBX has it.
   *
   * @param queue the queue name, as the PBX names it
   * @return the state, or empty when the PBX has no such queue
   */
  Optional<LiveQueueState> snapshot(String queue);

  /**
   * Since when the live state is stale: the link to the PBX went down at that instant and the snapshots show the
   * state as it was then (waits stop counting) until the link is back and the state resynced. A host shows it
   * ("stale since 10:42:05") instead of passing old data off as live.
   *
   * @return the instant the link went down, empty while the state is current (or the implementation cannot
   *     tell)
   */
  default Optional<java.time.Instant> staleSince() {
    return Optional.empty();
  }

  /**
   * How many members of a queue are free now ({@link LiveQueueState#freeMemberCount()}): what a dialer's pacing
   * needs, e.g. {@code Dialer.builder(store, pbx, assignmentId).freeOperators(() -> monitor.freeMembers("6000"))}.
   *
   * @param queue the queue name, as the PBX names it
   * @return the number of free members, 0 when the PBX does not have the queue
   */
  default int freeMembers(String queue) {
    return snapshot(queue).map(LiveQueueState::freeMemberCount).orElse(0);
  }

  /**
   * Registers a listener; closing the returned handle removes it.
   *
   * @param listener called with every queue's newest state, on the monitor's notification thread
   * @return a handle whose {@code close()} removes the listener
   */
  AutoCloseable addListener(Listener listener);
}
