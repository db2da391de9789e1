package ru.sipring.spring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.text.TerminalText;
import ru.sipring.ha.ActionOutcome;
import ru.sipring.ha.Availability;
import ru.sipring.ha.ClusterAction;
import ru.sipring.ha.ClusterManager;
import ru.sipring.ha.ClusterResource;
import ru.sipring.ha.ClusterStatus;
import ru.sipring.ha.CommandResult;
import ru.sipring.ha.CommandRunner;
import ru.sipring.ha.DrbdResource;
import ru.sipring.ha.DrbdStatusParser;
import ru.sipring.ha.HealthChecker;
import ru.sipring.ha.HealthReport;

/**
 * What a host's cluster screens need (guide §11): one overview (nodes, daemons, resources, DRBD, fencing, the
 * verdict with its reasons, availability) and the administrative actions (standby, unstandby, move, cleanup,
 * maintenance), each recorded in the {@link AuditLog} with who asked, what and how it ended — refused and failed
 * actions too. Who may act is the host's decision; this class records the name it is given.
 *
 * <p>Thread-safe when its parts are (the library's are). Actions are not serialised here; pacemaker serialises
 * them itself.
 */
public final class ClusterConsole {
  private final ClusterManager manager;
  private final CommandRunner runner;
  private final HealthChecker checker;
  private final AuditLog audit;
  private final Clock clock;
  private final @Nullable AvailabilitySource availability;

  /** Where availability figures come from: the host's cluster watcher, which keeps the snapshots. */
  @FunctionalInterface
  public interface AvailabilitySource {
    /**
     * Availability per service against a target.
     *
     * @param target the target ratio ({@link Availability#FOUR_NINES})
     * @return one entry per service
     */
    List<Availability.ServiceAvailability> availability(BigDecimal target);
  }

  /**
   * A console.
   *
   * @param manager reads and changes the cluster
   * @param runner runs {@code pgrep} (daemons) and {@code drbdsetup} (DRBD) for the overview
   * @param checker judges DRBD together with the cluster
   * @param audit where actions are recorded
   * @param clock dates audit entries
   * @param availability availability over the watched snapshots, or null when nothing watches the cluster
   */
  public ClusterConsole(ClusterManager manager, CommandRunner runner, HealthChecker checker, AuditLog audit,
      Clock clock, @Nullable AvailabilitySource availability) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.checker = Objects.requireNonNull(checker, "checker");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.availability = availability;
  }

  /**
   * A resource as a row: indented under its group or clone, with its type and where it runs.
   *
   * @param id resource id
   * @param depth 0 for top-level resources, 1 for members
   * @param type agent ({@code ocf:heartbeat:IPaddr2}) or Group / Clone / Master/Slave
   * @param status role and nodes ({@code Started node1}), or {@code Stopped}
   * @param flags FAILED, unmanaged, disabled, blocked, as words
   * @param topLevel a resource that may be moved (groups, clones and lone primitives)
   */
  public record ResourceRow(String id, int depth, String type, String status, String flags, boolean topLevel) {}

  /**
   * Everything the overview shows.
   *
   * @param status the snapshot
   * @param health the verdict and its reasons (cluster and DRBD)
   * @param drbd DRBD resources as {@code drbdsetup status --json} reports them; empty without DRBD
   * @param drbdNote why DRBD is not shown, empty when it is or there is none
   * @param daemons pacemaker, corosync, pcsd: running or not
   * @param resources resource rows, in crm_mon order
   * @param availability availability per service over the watched time, against 99.99%
   */
  public record Overview(ClusterStatus status, HealthReport health, List<DrbdResource> drbd, String drbdNote,
      Map<String, String> daemons, List<ResourceRow> resources,
      List<Availability.ServiceAvailability> availability) {}

  /**
   * Reads the cluster now.
   *
   * @return the overview
   * @throws ru.sipring.core.ConnectionException when crm_mon itself could not run
   */
  public Overview overview() {
    ClusterStatus s = manager.status().status();
    List<DrbdResource> drbd = List.of();
    String note = "";
    try {
      drbd = drbd();
    } catch (SipRingException e) {
      note = TerminalText.escape(e.getMessage());
    }
    HealthReport health = checker.check(s, drbd);
    List<ResourceRow> rows = new ArrayList<>();
    for (ClusterResource r : s.resources()) {
      rows(r, 0, rows);
    }
    return new Overview(s, health, drbd, note, daemons(), rows,
        availability == null ? List.of() : availability.availability(Availability.FOUR_NINES));
  }

  /** pacemaker / corosync / pcsd from the process table (pcs asks systemd, which may be absent). */
  private Map<String, String> daemons() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String d : List.of("pacemakerd", "corosync", "pcsd")) {
      String state;
      try {
        CommandResult r = runner.run(List.of("pgrep", "-x", d), Duration.ofSeconds(5));
        List<String> pids = r.stdout().strip().lines().toList();
        // pcsd runs a dozen worker processes: the first few pids say enough
        state = r.ok() ? "Running (pid " + String.join(",", pids.subList(0, Math.min(3, pids.size())))
            + (pids.size() > 3 ? ", +" + (pids.size() - 3) : "") + ")" : "Not running";
      } catch (SipRingException e) {
        state = "unknown (" + TerminalText.escape(e.getMessage()) + ")";
      }
      out.put(d.equals("pacemakerd") ? "pacemaker" : d, state);
    }
    return out;
  }

  private List<DrbdResource> drbd() {
    CommandResult r;
    try {
      r = runner.run(List.of("drbdsetup", "status", "--json"), Duration.ofSeconds(10));
    } catch (ru.sipring.core.ConnectionException e) {
      return List.of(); // drbd-utils not installed: a cluster without DRBD
    }
    if (!r.ok() || r.stdout().isBlank() || r.stdout().strip().equals("[]")) {
      return List.of();
    }
    return DrbdStatusParser.parseJson(r.stdout(), "drbdsetup status --json");
  }

  private static void rows(ClusterResource r, int depth, List<ResourceRow> rows) {
    String type = switch (r.kind()) {
      case PRIMITIVE -> r.agent();
      case GROUP -> "Group";
      case CLONE -> "Clone";
      case PROMOTABLE -> "Master/Slave";
      case BUNDLE -> "Bundle";
    };
    String status;
    if (r.kind() == ClusterResource.Kind.PRIMITIVE) {
      status = r.role().display() + (r.nodes().isEmpty() ? "" : " " + String.join(", ", r.nodes()));
    } else if (r.kind() == ClusterResource.Kind.GROUP) {
      status = r.active() ? "Started " + String.join(", ", r.nodes()) : "Stopped";
    } else {
      status = r.members().stream().filter(ClusterResource::active)
          .map(m -> m.role().display() + " " + String.join(",", m.nodes())).distinct()
          .collect(Collectors.joining(", "));
      if (status.isEmpty()) {
        status = "Stopped";
      }
    }
    List<String> flags = new ArrayList<>();
    if (r.failed()) {
      flags.add("FAILED");
    }
    if (!r.managed()) {
      flags.add("unmanaged");
    }
    if (r.isDisabled()) {
      flags.add("disabled");
    }
    if (r.blocked()) {
      flags.add("blocked");
    }
    rows.add(new ResourceRow(r.id(), depth, type, status, String.join(", ", flags), depth == 0));
    if (r.kind() == ClusterResource.Kind.GROUP) {
      for (ClusterResource m : r.members()) {
        rows(m, depth + 1, rows);
      }
    }
  }

  /**
   * The action a form or an API call asks for.
   *
   * @param kind {@code standby}, {@code unstandby}, {@code node-maintenance}, {@code node-unmaintenance},
   *     {@code maintenance-on}, {@code maintenance-off}, {@code move}, {@code cleanup}
   * @param node the node (standby, unstandby, node maintenance; optional for move and cleanup)
   * @param resource the resource (move; optional for cleanup)
   * @return the action
   * @throws BadInputException naming the field when the kind is unknown or a needed name is missing
   */
  public static ClusterAction action(@Nullable String kind, @Nullable String node, @Nullable String resource) {
    String n = node == null || node.isBlank() ? null : node.strip();
    String r = resource == null || resource.isBlank() ? null : resource.strip();
    String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "standby" -> new ClusterAction.Standby(need(n, "node"), true);
      case "unstandby" -> new ClusterAction.Standby(need(n, "node"), false);
      case "node-maintenance" -> new ClusterAction.NodeMaintenance(need(n, "node"), true);
      case "node-unmaintenance" -> new ClusterAction.NodeMaintenance(need(n, "node"), false);
      case "maintenance-on" -> new ClusterAction.ClusterMaintenance(true);
      case "maintenance-off" -> new ClusterAction.ClusterMaintenance(false);
      case "move" -> new ClusterAction.Move(need(r, "resource"), n);
      case "cleanup" -> new ClusterAction.Cleanup(r, n);
      default -> throw new BadInputException("action", "'" + TerminalText.escape(k) + "' is not one of standby, "
          + "unstandby, node-maintenance, node-unmaintenance, maintenance-on, maintenance-off, move, cleanup");
    };
  }

  /**
   * The stable audit key of an action: {@code cluster.standby}, {@code cluster.move}...
   *
   * @param action the action
   * @return the key
   */
  public static String auditKey(ClusterAction action) {
    if (action instanceof ClusterAction.Standby s) {
      return s.on() ? "cluster.standby" : "cluster.unstandby";
    } else if (action instanceof ClusterAction.NodeMaintenance m) {
      return m.on() ? "cluster.node-maintenance" : "cluster.node-unmaintenance";
    } else if (action instanceof ClusterAction.ClusterMaintenance c) {
      return c.on() ? "cluster.maintenance-on" : "cluster.maintenance-off";
    }
    return "cluster." + action.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /**
   * What an action is done to, for the audit log: the node, the resource (and node), or {@code cluster}.
   *
   * @param action the action
   * @return the target
   */
  public static String target(ClusterAction action) {
    if (action instanceof ClusterAction.Standby s) {
      return s.node();
    } else if (action instanceof ClusterAction.NodeMaintenance m) {
      return m.node();
    } else if (action instanceof ClusterAction.Move m) {
      return m.resource() + (m.node() == null ? "" : " -> " + m.node());
    } else if (action instanceof ClusterAction.Cleanup c) {
      return (c.resource() == null ? "all resources" : c.resource()) + (c.node() == null ? "" : " on " + c.node());
    }
    return "cluster";
  }

  /**
   * Performs an action, waits until the cluster has settled (or the manager's timeout passes) and records it:
   * {@code settled in 2.1 s}, {@code NOT settled within ...}, or {@code refused: ...} when the cluster or the
   * tool refused (then the exception is thrown again).
   *
   * @param actor who asked (the signed-in person or service account)
   * @param action what to do
   * @return how it ended
   * @throws SipRingException when the action was refused or the tool could not run (recorded first)
   */
  public ActionOutcome perform(String actor, ClusterAction action) {
    Instant at = clock.instant();
    ActionOutcome out;
    try {
      out = manager.perform(action);
    } catch (SipRingException e) {
      audit.record(new AuditEntry(at, actor, auditKey(action), target(action),
          "refused: " + TerminalText.escape(e.getMessage())));
      throw e;
    }
    String detail = out.settled()
        ? String.format(Locale.ROOT, "settled in %.1f s; verdict %s", out.elapsed().toMillis() / 1000.0,
            out.health().verdict())
        : String.format(Locale.ROOT, "NOT settled within %.1f s; verdict %s", out.elapsed().toMillis() / 1000.0,
            out.health().verdict());
    audit.record(new AuditEntry(at, actor, auditKey(action), target(action), detail));
    return out;
  }

  /**
   * The newest cluster entries of the audit log.
   *
   * @param limit at most this many
   * @return entries whose action starts with {@code cluster.}, newest first
   */
  public List<AuditEntry> recentActions(int limit) {
    return audit.recent(Math.max(limit * 20, 200)).stream().filter(e -> e.action().startsWith("cluster."))
        .limit(limit).toList();
  }

  private static String need(@Nullable String value, String field) {
    if (value == null) {
      throw new BadInputException(field, "is required for this action");
    }
    return value;
  }
}
