package ru.sipring.ha;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot of a pacemaker cluster as one node sees it (crm_mon's view from that node). Immutable;
 * thread-safe. Built by {@link CrmMonParser}.
 *
 * @param source where the snapshot came from (file name, command)
 * @param format {@code pacemaker-result api 2.25} or {@code crm_mon 2.0.0} (the pre-2.0.3 layout)
 * @param connected crm_mon reached the cluster; when false only {@link #statusCode}/{@link #statusMessage}
 *     mean anything
 * @param statusCode crm_mon's status code (0 OK, 102 not connected)
 * @param statusMessage crm_mon's status message
 * @param dcName the designated controller, null when there is none
 * @param withQuorum this partition has quorum
 * @param stonithEnabled cluster option {@code stonith-enabled}
 * @param maintenanceMode cluster option {@code maintenance-mode}: nothing is managed
 * @param stopAllResources cluster option {@code stop-all-resources}
 * @param noQuorumPolicy cluster option {@code no-quorum-policy}
 * @param lastUpdate crm_mon's "last updated" text
 * @param nodes nodes, in crm_mon order
 * @param resources top-level resources, in crm_mon order
 * @param nodeAttributes node name → attribute name → value ({@code master-drbd_data → 10})
 * @param failCounts non-zero fail counts
 * @param failedActions failed operations still recorded
 * @param bans bans (negative location constraints)
 * @param unrecognized elements crm_mon printed that this parser does not know, each with its path; those
 *     inside {@code <nodes>} or {@code <resources>} are not evaluated, so the health check reports them
 */
public record ClusterStatus(
    String source,
    String format,
    boolean connected,
    int statusCode,
    String statusMessage,
    @Nullable String dcName,
    boolean withQuorum,
    boolean stonithEnabled,
    boolean maintenanceMode,
    boolean stopAllResources,
    String noQuorumPolicy,
    String lastUpdate,
    List<ClusterNode> nodes,
    List<ClusterResource> resources,
    Map<String, Map<String, String>> nodeAttributes,
    List<FailCount> failCounts,
    List<FailedAction> failedActions,
    List<Ban> bans,
    List<String> unrecognized) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param source where the snapshot came from (file name, command)
   * @param format {@code pacemaker-result api 2.25} or {@code crm_mon 2.0.0} (the pre-2.0.3 layout)
   * @param connected crm_mon reached the cluster; when false only {@link #statusCode}/{@link #statusMessage} mean anything
   * @param statusCode crm_mon's status code (0 OK, 102 not connected)
   * @param statusMessage crm_mon's status message
   * @param dcName the designated controller, null when there is none
   * @param withQuorum this partition has quorum
   * @param stonithEnabled cluster option {@code stonith-enabled}
   * @param maintenanceMode cluster option {@code maintenance-mode}: nothing is managed
   * @param stopAllResources cluster option {@code stop-all-resources}
   * @param noQuorumPolicy cluster option {@code no-quorum-policy}
   * @param lastUpdate crm_mon's "last updated" text
   * @param nodes nodes, in crm_mon order
   * @param resources top-level resources, in crm_mon order
   * @param nodeAttributes node name → attribute name → value ({@code master-drbd_data → 10})
   * @param failCounts non-zero fail counts
   * @param failedActions failed operations still recorded
   * @param bans bans (negative location constraints)
   * @param unrecognized elements crm_mon printed that this parser does not know, each with its path; those inside {@code <nodes>} or {@code <resources>} are not evaluated, so the health check reports them
   */
  public ClusterStatus {
    nodes = List.copyOf(nodes);
    resources = List.copyOf(resources);
    Map<String, Map<String, String>> attrs = new LinkedHashMap<>();
    nodeAttributes.forEach((k, v) -> attrs.put(k, Map.copyOf(v)));
    nodeAttributes = java.util.Collections.unmodifiableMap(attrs);
    failCounts = List.copyOf(failCounts);
    failedActions = List.copyOf(failedActions);
    bans = List.copyOf(bans);
    unrecognized = List.copyOf(unrecognized);
  }

  /**
   * A snapshot recording that crm_mon could not reach the cluster.
   *
   * @param source names where the snapshot was asked for (a command, a URL)
   * @param code the exit code of the tool, or another code that says why
   * @param message the message
   * @return a snapshot recording that crm_mon could not reach the cluster
   */
  public static ClusterStatus notConnected(String source, int code, String message) {
    return new ClusterStatus(source, "", false, code, message, null, false, false, false, false, "", "",
        List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * The node with this name.
   *
   * @param name the name
   * @return the node with this name, or empty when there is none
   */
  public Optional<ClusterNode> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * The first resource (at any depth) with this id.
   *
   * @param id the id
   * @return the first resource, or empty when there is none
   */
  public Optional<ClusterResource> resource(String id) {
    return allResources().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Every resource at every depth, depth first.
   *
   * @return every resource at every depth, depth first
   */
  public Stream<ClusterResource> allResources() {
    return resources.stream().flatMap(ClusterResource::flatten);
  }

  /**
   * Every primitive (clone instances once each).
   *
   * @return every primitive
   */
  public List<ClusterResource> primitives() {
    return allResources().filter(r -> r.kind() == ClusterResource.Kind.PRIMITIVE).toList();
  }

  /**
   * Nodes a resource (primitive, group or clone) is active on, in order, without repeats.
   *
   * @param resourceId the resource id
   * @return the nodes it runs on, empty when it is stopped or unknown
   */
  public List<String> nodesOf(String resourceId) {
    return resource(resourceId)
        .map(r -> r.primitives().stream().flatMap(p -> p.nodes().stream()).distinct().toList())
        .orElse(List.of());
  }

  /**
   * A role or a node state in flux: the cluster has not settled.
   *
   * @return true when a role or a node state is in flux
   */
  public boolean transitional() {
    return primitives().stream().anyMatch(p -> p.role().transitional())
        || nodes.stream().anyMatch(ClusterNode::pending);
  }
}
