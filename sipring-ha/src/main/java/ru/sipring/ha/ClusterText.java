package ru.sipring.ha;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A status for people, laid out like the guide's screens (section 11: nodes, Cluster Daemons, Running
 * Resources with their type) plus the verdict and its reasons. Plain text, no colour. Stateless; thread-safe.
 */
public final class ClusterText {
  private ClusterText() {}

  /**
   * Renders a status.
   *
   * @param daemons lines for the "CLUSTER DAEMONS" table ({@code name → status}); empty to leave it out
   * @param s the cluster status
   * @param h the health report
   * @param drbd the DRBD resources (empty when there is no DRBD)
   * @return the text, one line per item, ending with a newline
   */
  public static String render(ClusterStatus s, HealthReport h, List<DrbdResource> drbd,
      java.util.Map<String, String> daemons) {
    StringBuilder b = new StringBuilder();
    b.append("CLUSTER  verdict: ").append(h.verdict());
    if (s.connected()) {
      b.append("   DC: ").append(s.dcName() == null ? "NONE" : s.dcName())
          .append(s.withQuorum() ? " (partition with quorum)" : " (partition WITHOUT quorum)");
      b.append("   fencing: ").append(s.stonithEnabled() ? "enabled" : "DISABLED");
      if (s.maintenanceMode()) {
        b.append("   *** maintenance-mode: resource management is DISABLED ***");
      }
    } else {
      b.append("   NOT REACHABLE: ").append(s.statusMessage());
    }
    b.append("\n\nNODES\n");
    table(b, List.of("NAME", "STATE", "ID", "RESOURCES"), s.nodes().stream().map(n -> List.of(n.name(),
        n.state().name() + (n.dc() ? " (DC)" : ""), n.id(), Integer.toString(n.resourcesRunning()))).toList());
    if (!daemons.isEmpty()) {
      b.append("\nCLUSTER DAEMONS\n");
      table(b, List.of("NAME", "STATUS"), daemons.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    }
    b.append("\nRESOURCES\n");
    List<List<String>> rows = new java.util.ArrayList<>();
    for (ClusterResource r : s.resources()) {
      rows(r, "", rows);
    }
    table(b, List.of("NAME", "TYPE", "STATUS"), rows);
    if (!s.failedActions().isEmpty()) {
      b.append("\nFAILED ACTIONS\n");
      for (FailedAction f : s.failedActions()) {
        b.append("  * ").append(f.operationKey()).append(" on ").append(f.node()).append(" '").append(f.exitStatus())
            .append("' (").append(f.exitCode()).append(")").append(f.lastChange().isEmpty() ? "" : " at " + f.lastChange())
            .append('\n');
      }
    }
    if (!s.failCounts().isEmpty()) {
      b.append("\nFAIL COUNTS\n");
      for (FailCount f : s.failCounts()) {
        b.append("  * ").append(f.resource()).append(" on ").append(f.node()).append(": ").append(f.failCount())
            .append(" (migration-threshold ").append(f.migrationThreshold() >= FailCount.INFINITY ? "INFINITY"
                : Integer.toString(f.migrationThreshold())).append(")\n");
      }
    }
    if (!s.bans().isEmpty()) {
      b.append("\nBANS\n");
      s.bans().forEach(x -> b.append("  * ").append(x.resource()).append(" not on ").append(x.node()).append(" (")
          .append(x.id()).append(")\n"));
    }
    if (!drbd.isEmpty()) {
      b.append("\nDRBD\n");
      List<List<String>> d = new java.util.ArrayList<>();
      for (DrbdResource r : drbd) {
        String disks = r.devices().stream().map(DrbdResource.Device::diskState).collect(Collectors.joining("/"));
        String peers = r.connections().stream().map(c -> (c.peerName().isEmpty() ? "peer" : c.peerName()) + " "
            + c.connectionState() + " " + c.peerRole() + " " + c.peerDevices().stream()
            .map(p -> p.peerDiskState() + (p.percentInSync() >= 0 && p.percentInSync() < 100
                ? String.format(Locale.ROOT, " %.1f%%", p.percentInSync()) : ""))
            .collect(Collectors.joining("/"))).collect(Collectors.joining("; "));
        d.add(List.of(r.name(), r.role(), disks, peers));
      }
      table(b, List.of("RESOURCE", "ROLE", "DISK", "PEERS"), d);
    }
    b.append("\nHEALTH: ").append(h.verdict()).append('\n');
    for (HealthReason r : h.reasons()) {
      b.append("  ").append(String.format(Locale.ROOT, "%-8s", r.severity())).append(' ').append(r.subject())
          .append(": ").append(r.message()).append('\n');
    }
    return b.toString();
  }

  private static void rows(ClusterResource r, String indent, List<List<String>> rows) {
    String type = switch (r.kind()) {
      case PRIMITIVE -> r.agent();
      case GROUP -> "Group";
      case CLONE -> "Clone";
      case PROMOTABLE -> "Master/Slave (promotable)";
      case BUNDLE -> "Bundle";
    };
    String status;
    if (r.kind() == ClusterResource.Kind.PRIMITIVE) {
      status = r.role().display() + (r.nodes().isEmpty() ? "" : " " + String.join(", ", r.nodes()));
    } else if (r.kind() == ClusterResource.Kind.GROUP) {
      status = r.active() ? "Started " + String.join(", ", r.nodes()) : "Stopped";
    } else {
      status = r.members().stream().filter(ClusterResource::active).map(m -> m.role().display() + " "
          + String.join(",", m.nodes())).collect(Collectors.joining(", "));
      if (status.isEmpty()) {
        status = "Stopped";
      }
    }
    List<String> flags = new java.util.ArrayList<>();
    if (r.failed()) {
      flags.add("FAILED");
    }
    if (r.blocked()) {
      flags.add("blocked");
    }
    if (!r.managed()) {
      flags.add("unmanaged");
    }
    if (r.isDisabled()) {
      flags.add("disabled");
    }
    rows.add(List.of(indent + r.id(), type, status + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")")));
    if (r.kind() == ClusterResource.Kind.GROUP) {
      r.members().forEach(m -> rows(m, indent + "  ", rows));
    }
  }

  private static void table(StringBuilder b, List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    line(b, header, w);
    rows.forEach(r -> line(b, r, w));
  }

  private static void line(StringBuilder b, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      l.append(i == cells.size() - 1 ? cells.get(i) : String.format(Locale.ROOT, "%-" + w[i] + "s  ", cells.get(i)));
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
