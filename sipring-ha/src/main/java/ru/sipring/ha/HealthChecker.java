package ru.sipring.ha;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a {@link ClusterStatus} (and optionally DRBD state, and the views of several nodes) into a
 * {@link HealthReport}. Every reason names the thing to look at. Rules (research notes §3.5–3.6):
 * <ul>
 *   <li>CRITICAL: not connected, no DC, no quorum, an UNCLEAN node, a failed / blocked / multiply-active
 *       resource, a stopped resource that is not disabled, a group split across nodes or away from its
 *       virtual IP, a promotable clone with nothing promoted, DRBD StandAlone / suspended / Primary not
 *       UpToDate / two Primaries, split brain between node views;</li>
 *   <li>WARNING (DEGRADED): node offline / standby / maintenance / pending, cluster maintenance-mode,
 *       fencing disabled or without a device (99.99% needs fencing), disabled or unmanaged resources, clone
 *       instances missing, failed actions, fail counts, bans, DRBD peer lost / resyncing / out of sync,
 *       unrecognised crm_mon elements inside nodes or resources (not evaluated, so never called OK).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class HealthChecker {
  private final HealthPolicy policy;

  private HealthChecker(HealthPolicy policy) {
    this.policy = policy;
  }

  /**
   * A checker with this policy.
   *
   * @param policy the policy
   * @return a checker with this policy
   */
  public static HealthChecker of(HealthPolicy policy) {
    return new HealthChecker(policy);
  }

  /**
   * A checker with {@link HealthPolicy#defaults()}.
   *
   * @return the checker
   */
  public static HealthChecker withDefaults() {
    return new HealthChecker(HealthPolicy.defaults());
  }

  /**
   * Health of one node's view of the cluster.
   *
   * @param status the cluster snapshot
   * @return the health report
   */
  public HealthReport check(ClusterStatus status) {
    return check(status, List.of());
  }

  /**
   * Health of one node's view plus this node's DRBD state.
   *
   * @param status the cluster snapshot
   * @param drbd the DRBD resources (empty when there is no DRBD)
   * @return the health report
   */
  public HealthReport check(ClusterStatus status, List<DrbdResource> drbd) {
    List<HealthReason> out = new ArrayList<>();
    cluster(status, out);
    if (status.connected()) {
      nodes(status, out);
      resources(status, out);
      failures(status, out);
    }
    for (DrbdResource r : drbd) {
      drbd(r, out);
    }
    return HealthReport.of(out);
  }

  /**
   * Health of the cluster from several nodes' views at (about) the same time, keyed by the node that produced
   * each view. Adds split-brain findings to each view's own reasons (deduplicated).
   *
   * @param views each node's snapshot, keyed by the node that took it
   * @return the health report
   */
  public HealthReport checkViews(Map<String, ClusterStatus> views) {
    // split brain first: among equally severe findings it is the one to act on
    Set<HealthReason> all = new LinkedHashSet<>(splitBrain(views));
    views.forEach((node, status) -> all.addAll(check(status).reasons()));
    return HealthReport.of(new ArrayList<>(all));
  }

  /**
   * Split brain seen by comparing nodes' views: with fencing off each partition elects its own DC, sees the
   * other node OFFLINE and runs everything, so no single view shows a fault.
   *
   * @param views each node's snapshot, keyed by the node that took it
   * @return the health reasons
   */
  public static List<HealthReason> splitBrain(Map<String, ClusterStatus> views) {
    List<HealthReason> out = new ArrayList<>();
    Map<String, String> dcs = new LinkedHashMap<>();
    views.forEach((node, s) -> {
      if (s.connected() && s.dcName() != null) {
        dcs.put(node, s.dcName());
      }
    });
    Set<String> distinctDcs = new LinkedHashSet<>(dcs.values());
    if (distinctDcs.size() > 1) {
      out.add(HealthReason.critical("cluster", "split brain: the nodes disagree on the DC ("
          + dcs.entrySet().stream().map(e -> e.getKey() + " sees " + e.getValue()).collect(Collectors.joining(", "))
          + "); each partition runs resources on its own — restore the cluster link, then check data"));
    }
    // a node that calls itself online but that a peer's view calls offline, while that peer is online itself
    List<Map.Entry<String, ClusterStatus>> entries = new ArrayList<>(views.entrySet());
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        ClusterStatus a = entries.get(i).getValue();
        ClusterStatus b = entries.get(j).getValue();
        if (!a.connected() || !b.connected()) {
          continue;
        }
        String na = entries.get(i).getKey();
        String nb = entries.get(j).getKey();
        boolean aSeesBOffline = a.node(nb).map(n -> !n.online()).orElse(false);
        boolean bSeesAOffline = b.node(na).map(n -> !n.online()).orElse(false);
        if (aSeesBOffline && bSeesAOffline) {
          out.add(HealthReason.critical("nodes " + na + ", " + nb, "split brain: " + na + " sees " + nb
              + " offline and " + nb + " sees " + na + " offline while both answer"));
        }
        for (ClusterResource p : a.primitives()) {
          if (p.nodes().isEmpty() || isCloneInstance(a, p.id())) {
            continue;
          }
          List<String> other = b.nodesOf(p.id());
          if (!other.isEmpty() && !other.equals(p.nodes())) {
            out.add(HealthReason.critical("resource " + p.id(), "active in two partitions: on " + p.nodes()
                + " per " + na + " and on " + other + " per " + nb));
          }
        }
      }
    }
    return out;
  }

  private void cluster(ClusterStatus s, List<HealthReason> out) {
    if (!s.connected()) {
      out.add(HealthReason.critical("cluster", "pacemaker not reachable (crm_mon status " + s.statusCode() + ": "
          + s.statusMessage() + ") — are corosync and pacemakerd running on this node?"));
      return;
    }
    if (s.dcName() == null) {
      out.add(HealthReason.critical("cluster", "no designated controller (DC): the cluster makes no decisions"));
    }
    if (!s.withQuorum()) {
      out.add(HealthReason.critical("cluster", "partition WITHOUT quorum (no-quorum-policy="
          + (s.noQuorumPolicy().isEmpty() ? "?" : s.noQuorumPolicy()) + "): resources are stopped or frozen"));
    }
    if (s.maintenanceMode()) {
      out.add(HealthReason.warning("cluster", "maintenance-mode=true: resource management is DISABLED, "
          + "nothing is restarted or failed over"));
    }
    if (s.stopAllResources()) {
      out.add(HealthReason.warning("cluster", "stop-all-resources=true: every resource is being stopped"));
    }
    boolean devices = s.allResources().anyMatch(ClusterResource::isFencingDevice);
    if (!s.stonithEnabled()) {
      out.add(HealthReason.warning("fencing", "fencing disabled (stonith-enabled=false): a node that hangs can "
          + "cause split brain; 99.99% availability needs fencing"));
    } else if (!devices) {
      out.add(HealthReason.warning("fencing", "stonith-enabled=true but no fencing device is configured: "
          + "after a node failure resources will not be recovered"));
    }
    for (String u : s.unrecognized()) {
      boolean affects = u.contains("/nodes") || u.contains("/resources");
      boolean missing = u.endsWith(" (missing)");
      out.add(new HealthReason(affects ? HealthReason.Severity.WARNING : HealthReason.Severity.INFO, "crm_mon",
          (missing ? "section " + u.substring(0, u.length() - 10) + " missing"
              : "unrecognised element " + u) + (affects ? ": not evaluated" : ": ignored")));
    }
  }

  private void nodes(ClusterStatus s, List<HealthReason> out) {
    if (s.nodes().isEmpty() && s.unrecognized().stream().noneMatch(u -> u.endsWith("/nodes (missing)"))) {
      out.add(HealthReason.critical("cluster", "no nodes listed"));
    }
    for (ClusterNode n : s.nodes()) {
      String subject = "node " + n.name();
      switch (n.state()) {
        case UNCLEAN -> out.add(HealthReason.critical(subject, "UNCLEAN" + (n.online() ? "" : " (offline)")
            + ": state unknown, must be fenced before its resources are recovered"));
        case OFFLINE -> out.add(HealthReason.warning(subject, "OFFLINE: no failover target while it is down"));
        case PENDING -> out.add(HealthReason.warning(subject, "pending: joining the cluster"));
        case MAINTENANCE -> out.add(HealthReason.warning(subject, "in maintenance: its resources are unmanaged"));
        case STANDBY -> out.add(HealthReason.warning(subject, (n.standbyOnFail() ? "standby (on-fail)" : "standby")
            + ": cannot host resources; unstandby it when done"));
        case ONLINE -> { }
      }
      if (n.online() && n.shutdown()) {
        out.add(HealthReason.warning(subject, "shutting down"));
      }
    }
  }

  private void resources(ClusterStatus s, List<HealthReason> out) {
    Set<String> maintNodes = s.nodes().stream().filter(ClusterNode::maintenance).map(ClusterNode::name)
        .collect(Collectors.toSet());
    long eligible = s.nodes().stream().filter(n -> n.state() == ClusterNode.NodeState.ONLINE).count();
    for (ClusterResource top : s.resources()) {
      topLevel(s, top, false, maintNodes, eligible, out);
    }
    colocation(s, out);
  }

  private void topLevel(ClusterStatus s, ClusterResource r, boolean parentDisabled, Set<String> maintNodes,
      long eligible, List<HealthReason> out) {
    boolean disabled = parentDisabled || r.isDisabled();
    String subject = "resource " + r.id();
    switch (r.kind()) {
      case PRIMITIVE -> primitive(s, r, disabled, false, maintNodes, out);
      case GROUP -> {
        if (r.isDisabled() && !parentDisabled) {
          out.add(HealthReason.warning(subject, "group disabled (target-role=Stopped); enable it to start it"));
        }
        for (ClusterResource m : r.members()) {
          primitive(s, m, disabled, false, maintNodes, out);
        }
      }
      case CLONE, PROMOTABLE, BUNDLE -> clone(s, r, disabled, maintNodes, eligible, out);
    }
  }

  private void primitive(ClusterStatus s, ClusterResource p, boolean disabled, boolean instance,
      Set<String> maintNodes, List<HealthReason> out) {
    String subject = "resource " + p.id();
    String where = p.nodes().isEmpty() ? "" : " on " + String.join(", ", p.nodes());
    if (p.kind() != ClusterResource.Kind.PRIMITIVE) {
      for (ClusterResource m : p.members()) {
        primitive(s, m, disabled || p.isDisabled(), instance, maintNodes, out);
      }
      return;
    }
    if (p.failed()) {
      out.add(HealthReason.critical(subject, "FAILED" + where + (p.blocked() ? " (blocked: the cluster will not "
          + "act on it until a cleanup)" : "") + "; look at its failed actions, then clean up"));
    } else if (p.blocked()) {
      out.add(HealthReason.critical(subject, "blocked" + where + ": the cluster will take no further action"));
    }
    if (!instance && p.nodes().size() > 1) {
      out.add(HealthReason.critical(subject, "active on " + p.nodes().size() + " nodes (" + String.join(", ",
          p.nodes()) + "): multiply active"));
    }
    boolean selfDisabled = p.isDisabled();
    if (!p.active() && !instance) {
      if (disabled || selfDisabled) {
        out.add(HealthReason.warning(subject, "disabled (target-role=Stopped): stopped by an administrator"));
      } else if (!p.failed()) {
        out.add(HealthReason.critical(subject, "Stopped: not running on any node"));
      }
    } else if (selfDisabled && p.active()) {
      out.add(HealthReason.warning(subject, "disabled but still active" + where + " (stopping)"));
    }
    if (p.role().transitional()) {
      out.add(HealthReason.warning(subject, p.role().display() + where + ": transition in progress"));
    } else if (p.role() == ResourceRole.UNKNOWN && p.active()) {
      out.add(HealthReason.warning(subject, "role not recognised" + where));
    }
    if (p.orphaned()) {
      out.add(HealthReason.warning(subject, "orphaned: running but no longer configured"));
    }
    if (!p.managed() && !s.maintenanceMode() && p.nodes().stream().noneMatch(maintNodes::contains)) {
      out.add(HealthReason.warning(subject, "unmanaged" + where + ": the cluster will not restart or move it"));
    }
  }

  private void clone(ClusterStatus s, ClusterResource c, boolean disabled, Set<String> maintNodes, long eligible,
      List<HealthReason> out) {
    String subject = "resource " + c.id();
    if (c.isDisabled() && !disabled) {
      out.add(HealthReason.warning(subject, "disabled (target-role=Stopped)"));
    }
    disabled = disabled || c.isDisabled();
    for (ClusterResource m : c.members()) {
      primitive(s, m, disabled, true, maintNodes, out);
    }
    if (disabled) {
      return;
    }
    List<ClusterResource> instances = c.members();
    long running = instances.stream().filter(ClusterResource::active).count();
    if (running == 0 && !instances.isEmpty()) {
      out.add(HealthReason.critical(subject, "no instance running"));
      return;
    }
    if (running < instances.size() && running < eligible) {
      out.add(HealthReason.warning(subject, running + " of " + instances.size() + " instances running although "
          + eligible + " nodes could host one"));
    }
    if (c.kind() == ClusterResource.Kind.PROMOTABLE) {
      List<String> promoted = c.primitives().stream().filter(p -> p.role() == ResourceRole.PROMOTED)
          .flatMap(p -> p.nodes().stream()).distinct().toList();
      if (promoted.isEmpty()) {
        out.add(HealthReason.critical(subject, "no instance Promoted: the primary (DRBD Primary) is missing"));
      }
    }
  }

  /** Groups must sit on one node, with their virtual IP. */
  private void colocation(ClusterStatus s, List<HealthReason> out) {
    List<ClusterResource> vips = new ArrayList<>();
    for (ClusterResource top : s.resources()) {
      if (top.kind() == ClusterResource.Kind.PRIMITIVE || top.kind() == ClusterResource.Kind.GROUP) {
        top.primitives().stream().filter(this::isVip).forEach(vips::add);
      }
    }
    for (ClusterResource g : s.resources()) {
      if (g.kind() != ClusterResource.Kind.GROUP) {
        continue;
      }
      List<String> on = g.members().stream().flatMap(m -> m.nodes().stream()).distinct().toList();
      if (on.size() > 1) {
        out.add(HealthReason.critical("resource " + g.id(), "group split across nodes " + on
            + ": its members must run together"));
        continue;
      }
      List<ClusterResource> ownVip = g.members().stream().filter(this::isVip).toList();
      List<ClusterResource> vip = !ownVip.isEmpty() ? ownVip
          : vips.size() == 1 && s.resources().contains(vips.get(0)) ? vips : List.of();
      for (ClusterResource v : vip) {
        if (!on.isEmpty() && !v.nodes().isEmpty() && !v.nodes().equals(on)) {
          out.add(HealthReason.critical("resource " + g.id(), "group runs on " + String.join(", ", on)
              + " but the virtual IP " + v.id() + " is on " + String.join(", ", v.nodes())
              + ": clients reach the wrong node"));
        }
      }
    }
  }

  private boolean isVip(ClusterResource r) {
    return policy.virtualIps().isEmpty() ? r.isVirtualIp() : policy.virtualIps().contains(r.id());
  }

  private static boolean isCloneInstance(ClusterStatus s, String id) {
    return s.resources().stream().filter(r -> r.kind() == ClusterResource.Kind.CLONE
        || r.kind() == ClusterResource.Kind.PROMOTABLE || r.kind() == ClusterResource.Kind.BUNDLE)
        .anyMatch(r -> r.primitives().stream().anyMatch(p -> p.id().equals(id)));
  }

  private void failures(ClusterStatus s, List<HealthReason> out) {
    for (FailedAction f : s.failedActions()) {
      String op = f.task() + (f.intervalMs() > 0 ? " (" + f.intervalMs() / 1000 + "s interval)" : "");
      out.add(HealthReason.warning("resource " + f.resource(), "failed action: " + op + " on " + f.node()
          + " returned '" + f.exitStatus() + "'" + (f.exitCode() >= 0 ? " (rc " + f.exitCode() + ")" : "")
          + (f.exitReason().isEmpty() || f.exitReason().equals("none") ? "" : ": " + f.exitReason())
          + (f.lastChange().isEmpty() ? "" : " at " + f.lastChange()) + "; clean up once understood"));
    }
    for (FailCount fc : s.failCounts()) {
      String subject = "resource " + fc.resource();
      String limit = fc.migrationThreshold() >= FailCount.INFINITY ? "INFINITY"
          : Integer.toString(fc.migrationThreshold());
      if (fc.thresholdReached()) {
        out.add(HealthReason.warning(subject, "fail-count " + fc.failCount() + " on " + fc.node()
            + " reached migration-threshold " + limit + ": banned from " + fc.node() + " until a cleanup"));
      } else if (fc.failCount() >= policy.failCountWarning()) {
        out.add(HealthReason.warning(subject, "fail-count " + fc.failCount() + " on " + fc.node()
            + " (migration-threshold " + limit + ")"));
      } else {
        out.add(HealthReason.info(subject, "fail-count " + fc.failCount() + " on " + fc.node()));
      }
    }
    for (Ban b : s.bans()) {
      // cli-ban-* comes from `pcs resource ban|move`: temporary by intent; other -INFINITY rules are design
      boolean adminBan = b.id().startsWith("cli-ban-");
      out.add(new HealthReason(adminBan ? HealthReason.Severity.WARNING : HealthReason.Severity.INFO,
          "resource " + b.resource(), "banned from " + b.node() + " by constraint " + b.id()
          + (b.promotedOnly() ? " (promoted role)" : "") + (adminBan ? "; clear it when no longer needed" : "")));
    }
  }

  private void drbd(DrbdResource r, List<HealthReason> out) {
    String subject = "drbd " + r.name();
    boolean primary = r.role().equalsIgnoreCase("Primary");
    if (r.suspended()) {
      out.add(HealthReason.critical(subject, "I/O suspended"));
    }
    for (DrbdResource.Device d : r.devices()) {
      String vol = r.devices().size() > 1 ? " volume " + d.volume() : "";
      if (!d.diskState().equals("UpToDate") && !(d.client() && d.diskState().equals("Diskless"))) {
        out.add(primary
            ? HealthReason.critical(subject, "Primary disk" + vol + " is " + d.diskState() + ", not UpToDate")
            : HealthReason.warning(subject, "local disk" + vol + " is " + d.diskState() + ", not UpToDate"));
      }
      if (!d.quorum()) {
        out.add(primary ? HealthReason.critical(subject, "volume " + d.volume() + " has no DRBD quorum: I/O blocked")
            : HealthReason.warning(subject, "volume " + d.volume() + " has no DRBD quorum"));
      }
    }
    if (r.connections().isEmpty()) {
      out.add(HealthReason.warning(subject, "no peer connection configured or reported"));
    }
    for (DrbdResource.Connection c : r.connections()) {
      String peer = c.peerName().isEmpty() ? "peer" : "peer " + c.peerName();
      switch (c.connectionState()) {
        case "Connected" -> { }
        case "StandAlone" -> out.add(HealthReason.critical(subject, peer + " StandAlone: replication gave up "
            + "(typically after split brain); resolve with drbdadm disconnect / connect --discard-my-data on the victim"));
        default -> out.add(HealthReason.warning(subject, peer + " " + c.connectionState()
            + ": not replicating (peer gone or link down)"));
      }
      if (primary && c.peerRole().equalsIgnoreCase("Primary") && !policy.dualPrimaryAllowed()) {
        out.add(HealthReason.critical(subject, "both this node and " + peer + " are Primary: split brain risk"));
      }
      for (DrbdResource.PeerDevice p : c.peerDevices()) {
        String rs = p.replicationState();
        if (rs.startsWith("Sync") || rs.startsWith("PausedSync") || rs.startsWith("Verify")) {
          out.add(HealthReason.warning(subject, peer + " " + rs + (p.percentInSync() >= 0
              ? String.format(java.util.Locale.ROOT, " %.1f%% in sync", p.percentInSync()) : "")));
        }
        if (c.connectionState().equals("Connected") && !p.peerClient()
            && Set.of("Outdated", "Inconsistent", "DUnknown", "Diskless", "Failed", "Consistent")
                .contains(p.peerDiskState())) {
          out.add(HealthReason.warning(subject, peer + " disk is " + p.peerDiskState()));
        }
        if (p.outOfSyncKib() > 0) {
          out.add(HealthReason.warning(subject, p.outOfSyncKib() + " KiB out of sync with " + peer));
        }
      }
    }
  }
}
