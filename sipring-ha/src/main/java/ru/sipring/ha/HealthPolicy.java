package ru.sipring.ha;

import java.util.Set;

/**
 * Tunables of the health check. Immutable; thread-safe.
 *
 * @param failCountWarning a fail count at or above this is a WARNING (below it: INFO); reaching the resource's
 *     migration-threshold is always a WARNING (the node can no longer host it until a cleanup)
 * @param virtualIps ids of the virtual IP resources; empty = every IPaddr/IPaddr2 primitive outside bundles
 * @param dualPrimaryAllowed DRBD configured for dual-primary (otherwise two Primaries = split brain)
 */
public record HealthPolicy(int failCountWarning, Set<String> virtualIps, boolean dualPrimaryAllowed) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param failCountWarning a fail count at or above this is a WARNING (below it: INFO); reaching the resource's migration-threshold is always a WARNING (the node can no longer host it until a cleanup)
   * @param virtualIps ids of the virtual IP resources; empty = every IPaddr/IPaddr2 primitive outside bundles
   * @param dualPrimaryAllowed DRBD configured for dual-primary (otherwise two Primaries = split brain)
   */
  public HealthPolicy {
    if (failCountWarning < 1) {
      throw new IllegalArgumentException("failCountWarning must be >= 1, was " + failCountWarning);
    }
    virtualIps = Set.copyOf(virtualIps);
  }

  /**
   * Any fail count warns; virtual IPs found by agent; no dual-primary.
   *
   * @return the health policy
   */
  public static HealthPolicy defaults() {
    return new HealthPolicy(1, Set.of(), false);
  }
}
