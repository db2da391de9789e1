package ru.sipring.ha;

import java.util.List;

/**
 * One DRBD resource as this node sees it, from {@code drbdsetup status --json} (DRBD 9),
 * {@code drbdadm status} or {@code /proc/drbd} (DRBD 8.4, where a "resource" is a minor: {@code drbd1}).
 * Sizes are KiB; -1 means the source did not say. Immutable; thread-safe. Built by {@link DrbdStatusParser}.
 *
 * @param name resource name
 * @param role this node's role: {@code Primary}, {@code Secondary}, {@code Unknown}
 * @param suspended I/O suspended
 * @param devices local volumes
 * @param connections peers
 */
public record DrbdResource(String name, String role, boolean suspended, List<Device> devices,
    List<Connection> connections) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param name resource name
   * @param role this node's role: {@code Primary}, {@code Secondary}, {@code Unknown}
   * @param suspended I/O suspended
   * @param devices local volumes
   * @param connections peers
   */
  public DrbdResource {
    devices = List.copyOf(devices);
    connections = List.copyOf(connections);
  }

  /**
   * A local volume.
   *
   * @param volume volume number
   * @param minor device minor (-1 unknown)
   * @param diskState {@code UpToDate}, {@code Inconsistent}, {@code Outdated}, {@code Diskless} ...
   * @param client a diskless client by design
   * @param quorum DRBD quorum (true when the source does not report it)
   */
  public record Device(int volume, int minor, String diskState, boolean client, boolean quorum) {}

  /**
   * A connection to a peer.
   *
   * @param peerName peer host name (empty when unknown)
   * @param connectionState {@code Connected}, {@code Connecting}, {@code StandAlone}, {@code WFConnection}
   *     (8.4) ...
   * @param peerRole the peer's role
   * @param peerDevices the peer's volumes as seen over this connection
   */
  public record Connection(String peerName, String connectionState, String peerRole, List<PeerDevice> peerDevices) {
    /**
     * Checks the components; collections are kept as unmodifiable copies.
     *
     * @param peerName peer host name (empty when unknown)
     * @param connectionState {@code Connected}, {@code Connecting}, {@code StandAlone}, {@code WFConnection} (8.4) ...
     * @param peerRole the peer's role
     * @param peerDevices the peer's volumes as seen over this connection
     */
    public Connection {
      peerDevices = List.copyOf(peerDevices);
    }
  }

  /**
   * A peer's volume.
   *
   * @param volume volume number
   * @param replicationState {@code Established}, {@code SyncSource}, {@code SyncTarget} ...
   * @param peerDiskState the peer's disk state
   * @param peerClient the peer is a diskless client by design
   * @param outOfSyncKib KiB still to resync (-1 unknown)
   * @param percentInSync 0..100 (-1 unknown)
   */
  public record PeerDevice(int volume, String replicationState, String peerDiskState, boolean peerClient,
      long outOfSyncKib, double percentInSync) {}
}
