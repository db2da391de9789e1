package ru.sipring.ha;

/**
 * Fail count of a resource on a node, with its migration threshold. Pacemaker writes INFINITY as 1000000.
 * Immutable; thread-safe.
 *
 * @param resource resource id
 * @param node node name
 * @param failCount failures since the last cleanup
 * @param migrationThreshold failures after which the resource is kept off the node
 * @param lastFailure when the last one happened, as printed; empty when unknown
 */
public record FailCount(String resource, String node, int failCount, int migrationThreshold, String lastFailure) {

  /** Pacemaker's INFINITY. */
  public static final int INFINITY = 1_000_000;

  /**
   * The resource may no longer run on {@link #node} until a cleanup.
   *
   * @return true when the resource may no longer run on the node until a cleanup
   */
  public boolean thresholdReached() {
    return migrationThreshold > 0 && migrationThreshold < INFINITY && failCount >= migrationThreshold
        || failCount >= INFINITY;
  }
}
