package ru.sipring.ha;

/**
 * One cluster node as crm_mon reports it. Immutable; thread-safe.
 *
 * @param name node name ({@code node1})
 * @param id corosync node id, empty when not reported
 * @param online member of the current partition
 * @param standby put in standby by an administrator (resources move away)
 * @param standbyOnFail put in standby by the cluster after a failure ({@code on-fail=standby})
 * @param maintenance node maintenance: resources on it are unmanaged
 * @param pending joining, not yet a full member
 * @param unclean the cluster cannot tell whether the node is down; it must be fenced first
 * @param shutdown shutting down
 * @param dc the designated controller
 * @param resourcesRunning resource instances running on it
 * @param type {@code member}, {@code remote} or {@code ping}
 */
public record ClusterNode(
    String name,
    String id,
    boolean online,
    boolean standby,
    boolean standbyOnFail,
    boolean maintenance,
    boolean pending,
    boolean unclean,
    boolean shutdown,
    boolean dc,
    int resourcesRunning,
    String type) {

  /**
   * The one word an administrator looks for, worst condition first.
   *
   * @return the one word an administrator looks for, worst condition first
   */
  public NodeState state() {
    if (unclean) {
      return NodeState.UNCLEAN;
    }
    if (!online) {
      return NodeState.OFFLINE;
    }
    if (pending) {
      return NodeState.PENDING;
    }
    if (maintenance) {
      return NodeState.MAINTENANCE;
    }
    if (standby || standbyOnFail) {
      return NodeState.STANDBY;
    }
    return NodeState.ONLINE;
  }

  /** Node states, as {@code pcs status} words them. */
  public enum NodeState {
    /** Online and able to run resources. */
    ONLINE,
    /** Online, but resources are moved off it. */
    STANDBY,
    /** In maintenance: pacemaker neither starts nor stops its resources. */
    MAINTENANCE,
    /** Joining or leaving the cluster. */
    PENDING,
    /** Not a member of the cluster now. */
    OFFLINE,
    /** Lost and not yet fenced: its state is unknown. */
    UNCLEAN
  }
}
