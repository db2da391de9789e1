package ru.sipring.ha;

import java.time.Duration;

/** Where snapshots come from: crm_mon through a {@link CommandRunner}, a file, a test. Thread-safe. */
public interface ClusterStatusSource {

  /**
   * The cluster as this node sees it now. A cluster that cannot be reached gives a
   * {@link ClusterStatus#connected() not connected} snapshot rather than an exception.
   *
   * @return the cluster as this node sees it now
   * @throws ru.sipring.core.ConnectionException when the status tool itself failed or timed out
   */
  ClusterStatus snapshot();

  /**
   * Waits until the cluster has no pending actions, at most {@code timeout}; returns false when it did not
   * settle in time. The default returns true at once (sources that cannot ask pacemaker rely on polling).
   *
   * @param timeout how long to wait at most
   * @return true when the cluster settled in time, false when it did not
   */
  default boolean awaitIdle(Duration timeout) {
    return true;
  }
}
