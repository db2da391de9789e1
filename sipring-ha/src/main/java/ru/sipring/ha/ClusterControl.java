package ru.sipring.ha;

/**
 * Carries out {@link ClusterAction}s. Implementations: {@link PacemakerTools} (pcs or crm_resource through a
 * {@link CommandRunner}) and {@link PcsdClient} (pcsd REST API). Implementations are thread-safe.
 */
public interface ClusterControl {

  /**
   * Asks the cluster to do {@code action}; returns once the request is accepted (not when the cluster has
   * settled — {@link ClusterManager} waits for that).
   *
   * @param action the action
   * @throws ru.sipring.core.RejectedException when the cluster or the tool refused, with its message
   * @throws ru.sipring.core.ConnectionException when the tool or pcsd could not be reached or timed out
   */
  void execute(ClusterAction action);
}
