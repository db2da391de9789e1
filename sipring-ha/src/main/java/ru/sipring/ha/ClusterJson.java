package ru.sipring.ha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a status and its health — a contract scripts depend on:
 * <pre>{"verdict": "OK|DEGRADED|CRITICAL",
 *  "reasons": [{"severity": "INFO|WARNING|CRITICAL", "subject": "...", "message": "..."}],
 *  "nodes": [{"name", "id", "state", "online", "standby", "maintenance", "unclean", "dc", "resourcesRunning"}],
 *  "resources": [{"id", "kind", "agent", "role", "nodes", "active", "managed", "failed", "blocked", "disabled",
 *                 "failCounts": [{"node", "failCount", "migrationThreshold"}], "members": [...]}]}</pre>
 * Stateless; thread-safe.
 */
public final class ClusterJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ClusterJson() {}

  /**
   * The contract document as a tree of maps and lists (for embedding into a larger document).
   *
   * @param s the cluster status
   * @param h the health report
   * @return the contract document as a tree of maps and lists
   */
  public static Map<String, Object> tree(ClusterStatus s, HealthReport h) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("verdict", h.verdict().name());
    List<Object> reasons = new ArrayList<>();
    for (HealthReason r : h.reasons()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", r.severity().name());
      m.put("subject", r.subject());
      m.put("message", r.message());
      reasons.add(m);
    }
    root.put("reasons", reasons);
    List<Object> nodes = new ArrayList<>();
    for (ClusterNode n : s.nodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n.name());
      m.put("id", n.id());
      m.put("state", n.state().name());
      m.put("online", n.online());
      m.put("standby", n.standby() || n.standbyOnFail());
      m.put("maintenance", n.maintenance());
      m.put("unclean", n.unclean());
      m.put("dc", n.dc());
      m.put("resourcesRunning", n.resourcesRunning());
      nodes.add(m);
    }
    root.put("nodes", nodes);
    List<Object> resources = new ArrayList<>();
    for (ClusterResource r : s.resources()) {
      resources.add(resource(s, r));
    }
    root.put("resources", resources);
    return root;
  }

  /**
   * The contract document, indented.
   *
   * @param s the cluster status
   * @param h the health report
   * @return the contract document, indented
   */
  public static String write(ClusterStatus s, HealthReport h) {
    return write(tree(s, h));
  }

  /**
   * Any tree of maps/lists/scalars, indented.
   *
   * @param tree the tree
   * @return the JSON text
   */
  public static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static Map<String, Object> resource(ClusterStatus s, ClusterResource r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("kind", r.kind().name());
    m.put("agent", r.agent());
    m.put("role", r.kind() == ClusterResource.Kind.PRIMITIVE ? r.role().display() : null);
    m.put("nodes", r.nodes());
    m.put("active", r.active());
    m.put("managed", r.managed());
    m.put("failed", r.failed());
    m.put("blocked", r.blocked());
    m.put("disabled", r.isDisabled());
    List<Object> fcs = new ArrayList<>();
    if (r.kind() == ClusterResource.Kind.PRIMITIVE) {
      for (FailCount fc : s.failCounts()) {
        if (fc.resource().equals(r.id())) {
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("node", fc.node());
          f.put("failCount", fc.failCount());
          f.put("migrationThreshold", fc.migrationThreshold());
          fcs.add(f);
        }
      }
    }
    m.put("failCounts", fcs);
    List<Object> members = new ArrayList<>();
    for (ClusterResource c : r.members()) {
      members.add(resource(s, c));
    }
    m.put("members", members);
    return m;
  }
}
