package ru.sipring.ha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import ru.sipring.core.BadInputException;

/**
 * Reads the XML of {@code crm_mon --output-as=xml} (pacemaker ≥ 2.0.3, root {@code <pacemaker-result>}, api
 * 2.x; {@code pcs status xml} prints the same) and of the older {@code crm_mon --as-xml} (root
 * {@code <crm_mon version="...">}, roles Master/Slave, agents {@code ocf::heartbeat:IPaddr2}, resources
 * possibly listed under each node).
 *
 * <p>Malformed or truncated XML and a document that is not crm_mon output fail with a
 * {@link BadInputException} naming the place. Elements this parser does not know are kept in
 * {@link ClusterStatus#unrecognized()}, never silently dropped. A {@code <status>} with a non-zero code (for
 * example 102 "Not connected") gives a {@link ClusterStatus#notConnected not connected} snapshot.
 *
 * <p>Stateless and thread-safe.
 */
public final class CrmMonParser {
  private static final Set<String> TOP_LEVEL = Set.of("pacemakerd", "summary", "nodes", "resources",
      "node_attributes", "node_history", "failures", "fence_history", "tickets", "bans", "status",
      "cluster_info", "inactive_resources");
  private static final Set<String> SUMMARY = Set.of("stack", "current_dc", "last_update", "last_change",
      "nodes_configured", "resources_configured", "cluster_options");

  private CrmMonParser() {}

  /**
   * Parses a saved crm_mon XML file.
   *
   * @param file the file name
   * @return the cluster status
   */
  public static ClusterStatus parse(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses crm_mon XML text; {@code source} names it in errors and in {@link ClusterStatus#source()}.
   *
   * @param xml the crm_mon XML
   * @param source names the input in error messages (a file name, a command)
   * @return the cluster status
   */
  public static ClusterStatus parse(String xml, String source) {
    if (xml.isBlank()) {
      throw new BadInputException(source, "empty crm_mon output");
    }
    Element root = SecureXml.parse(xml, source).getDocumentElement();
    return switch (root.getTagName()) {
      case "pacemaker-result" -> new Reader(source, root, "pacemaker-result api " + root.getAttribute("api-version"))
          .read();
      case "crm_mon" -> new Reader(source, root, "crm_mon " + root.getAttribute("version")).read();
      default -> throw new BadInputException(source,
          "not crm_mon XML: root element <" + root.getTagName() + ">, expected <pacemaker-result> or <crm_mon>");
    };
  }

  /** One parse: collects what it does not recognise. */
  private static final class Reader {
    private final String source;
    private final Element root;
    private final String format;
    private final List<String> unrecognized = new ArrayList<>();

    Reader(String source, Element root, String format) {
      this.source = source;
      this.root = root;
      this.format = format;
    }

    ClusterStatus read() {
      Element status = child(root, "status");
      if (status != null) {
        int code = intAttr(status, "code", 0);
        if (code != 0) {
          StringBuilder msg = new StringBuilder(status.getAttribute("message"));
          for (Element errors : children(status, "errors")) {
            for (Element e : children(errors, "error")) {
              msg.append("; ").append(e.getTextContent().trim());
            }
          }
          return ClusterStatus.notConnected(source, code, msg.toString());
        }
      }
      for (Element e : children(root, null)) {
        if (!TOP_LEVEL.contains(e.getTagName())) {
          unrecognized.add(path(e));
        }
      }
      Element summary = required(root, "summary");
      Element nodesEl = child(root, "nodes");
      if (nodesEl == null) {
        // `crm_mon --exclude=nodes` is legitimate output; the health check must not call it complete
        unrecognized.add("/" + root.getTagName() + "/nodes (missing)");
      }
      for (Element e : children(summary, null)) {
        if (!SUMMARY.contains(e.getTagName())) {
          unrecognized.add(path(e));
        }
      }
      Element dc = child(summary, "current_dc");
      String dcName = null;
      boolean quorum = false;
      if (dc != null && bool(dc, "present", false)) {
        dcName = dc.getAttribute("name");
        quorum = bool(dc, "with_quorum", false);
      }
      Element options = child(summary, "cluster_options");
      if (options == null) {
        throw new BadInputException(source, "<summary> has no <cluster_options>: cannot tell fencing and "
            + "maintenance settings");
      }
      Element lastUpdate = child(summary, "last_update");

      List<ClusterNode> nodes = new ArrayList<>();
      List<ClusterResource> resources = new ArrayList<>();
      Map<String, List<Element>> byNode = new LinkedHashMap<>();
      for (Element n : nodesEl == null ? List.<Element>of() : children(nodesEl, null)) {
        if (!n.getTagName().equals("node")) {
          unrecognized.add(path(n));
          continue;
        }
        nodes.add(node(n));
        // pre-2.0.3 crm_mon (and `crm_mon -n`) listed resources under each node
        for (Element r : children(n, null)) {
          byNode.computeIfAbsent(n.getAttribute("name"), k -> new ArrayList<>()).add(r);
        }
      }
      Element resourcesEl = child(root, "resources");
      if (resourcesEl != null) {
        for (Element r : children(resourcesEl, null)) {
          ClusterResource res = resource(r);
          if (res != null) {
            resources.add(res);
          }
        }
      } else if (!byNode.isEmpty()) {
        resources.addAll(fromNodes(byNode));
      } else if (!nodes.isEmpty() && intAttr(child(summary, "resources_configured"), "number", 0) > 0) {
        unrecognized.add("/" + root.getTagName() + "/resources (missing)");
      }

      return new ClusterStatus(source, format, true, 0, "OK", dcName, quorum,
          bool(options, "stonith-enabled", true), bool(options, "maintenance-mode", false),
          bool(options, "stop-all-resources", false), options.getAttribute("no-quorum-policy"),
          lastUpdate == null ? "" : lastUpdate.getAttribute("time"), nodes, resources, nodeAttributes(),
          failCounts(), failedActions(), bans(), unrecognized);
    }

    private ClusterNode node(Element n) {
      String name = n.getAttribute("name");
      if (name.isEmpty()) {
        throw new BadInputException(source + ":" + path(n), "<node> without a name");
      }
      return new ClusterNode(name, n.getAttribute("id"), bool(n, "online", false), bool(n, "standby", false),
          bool(n, "standby_onfail", false), bool(n, "maintenance", false), bool(n, "pending", false),
          bool(n, "unclean", false), bool(n, "shutdown", false), bool(n, "is_dc", false),
          intAttr(n, "resources_running", 0), n.hasAttribute("type") ? n.getAttribute("type") : "member");
    }

    private @Nullable ClusterResource resource(Element e) {
      String tag = e.getTagName();
      String id = e.getAttribute("id");
      switch (tag) {
        case "resource" -> {
          List<String> on = new ArrayList<>();
          for (Element n : children(e, null)) {
            if (n.getTagName().equals("node")) {
              on.add(n.getAttribute("name"));
            } else {
              unrecognized.add(path(n));
            }
          }
          return primitive(e, on);
        }
        case "group", "clone", "bundle" -> {
          List<ClusterResource> members = new ArrayList<>();
          for (Element m : children(e, null)) {
            if (tag.equals("bundle") && m.getTagName().equals("replica")) {
              for (Element rr : children(m, null)) {
                ClusterResource r = resource(rr);
                if (r != null) {
                  members.add(r);
                }
              }
              continue;
            }
            ClusterResource r = resource(m);
            if (r != null) {
              members.add(r);
            }
          }
          ClusterResource.Kind kind = switch (tag) {
            case "group" -> ClusterResource.Kind.GROUP;
            case "bundle" -> ClusterResource.Kind.BUNDLE;
            default -> bool(e, "multi_state", false) ? ClusterResource.Kind.PROMOTABLE : ClusterResource.Kind.CLONE;
          };
          boolean active = members.stream().anyMatch(ClusterResource::active);
          List<String> on = members.stream().flatMap(m -> m.nodes().stream()).distinct().toList();
          return new ClusterResource(id, kind, "", ResourceRole.UNKNOWN, attrOrNull(e, "target_role"), active,
              bool(e, "managed", true), bool(e, "failed", false) || members.stream().anyMatch(ClusterResource::failed),
              members.stream().anyMatch(ClusterResource::blocked), false, bool(e, "failure_ignored", false),
              bool(e, "disabled", false), on, members);
        }
        default -> {
          unrecognized.add(path(e));
          return null;
        }
      }
    }

    private ClusterResource primitive(Element e, List<String> on) {
      String id = e.getAttribute("id");
      if (id.isEmpty()) {
        throw new BadInputException(source + ":" + path(e), "<resource> without an id");
      }
      return new ClusterResource(id, ClusterResource.Kind.PRIMITIVE, e.getAttribute("resource_agent").replace("::", ":"),
          ResourceRole.parse(e.getAttribute("role")), attrOrNull(e, "target_role"), bool(e, "active", false),
          bool(e, "managed", true), bool(e, "failed", false), bool(e, "blocked", false), bool(e, "orphaned", false),
          bool(e, "failure_ignored", false), false, on, List.of());
    }

    /** Old layout: the same resource id under several nodes is one resource per instance. */
    private List<ClusterResource> fromNodes(Map<String, List<Element>> byNode) {
      List<ClusterResource> out = new ArrayList<>();
      byNode.forEach((node, elements) -> {
        for (Element e : elements) {
          if (e.getTagName().equals("resource")) {
            out.add(primitive(e, List.of(node)));
          } else {
            unrecognized.add(path(e));
          }
        }
      });
      return out;
    }

    private Map<String, Map<String, String>> nodeAttributes() {
      Map<String, Map<String, String>> out = new LinkedHashMap<>();
      Element section = child(root, "node_attributes");
      if (section != null) {
        for (Element n : children(section, "node")) {
          Map<String, String> attrs = out.computeIfAbsent(n.getAttribute("name"), k -> new LinkedHashMap<>());
          for (Element a : children(n, "attribute")) {
            attrs.put(a.getAttribute("name"), a.getAttribute("value"));
          }
        }
      }
      return out;
    }

    private List<FailCount> failCounts() {
      List<FailCount> out = new ArrayList<>();
      Element section = child(root, "node_history");
      if (section != null) {
        for (Element n : children(section, "node")) {
          for (Element h : children(n, "resource_history")) {
            int count = intAttr(h, "fail-count", 0);
            if (count > 0) {
              out.add(new FailCount(h.getAttribute("id"), n.getAttribute("name"), count,
                  intAttr(h, "migration-threshold", FailCount.INFINITY), h.getAttribute("last-failure")));
            }
          }
        }
      }
      return out;
    }

    private List<FailedAction> failedActions() {
      List<FailedAction> out = new ArrayList<>();
      Element section = child(root, "failures");
      if (section != null) {
        for (Element f : children(section, "failure")) {
          String key = f.getAttribute("op_key");
          String task = f.getAttribute("task");
          out.add(new FailedAction(resourceOfOpKey(key, task), key, task, f.getAttribute("node"),
              f.getAttribute("exitstatus"), f.getAttribute("exitreason"), intAttr(f, "exitcode", -1),
              longAttr(f, "interval"), f.getAttribute("last-rc-change")));
        }
      }
      return out;
    }

    private List<Ban> bans() {
      List<Ban> out = new ArrayList<>();
      Element section = child(root, "bans");
      if (section != null) {
        for (Element b : children(section, "ban")) {
          out.add(new Ban(b.getAttribute("id"), b.getAttribute("resource"), b.getAttribute("node"),
              intAttr(b, "weight", -FailCount.INFINITY),
              bool(b, "promoted-only", false) || bool(b, "master_only", false)));
        }
      }
      return out;
    }

    private Element required(Element parent, String name) {
      Element e = child(parent, name);
      if (e == null) {
        throw new BadInputException(source, "not a complete crm_mon document: <" + parent.getTagName()
            + "> has no <" + name + ">");
      }
      return e;
    }

    private boolean bool(Element e, String attr, boolean dflt) {
      if (!e.hasAttribute(attr)) {
        return dflt;
      }
      String v = e.getAttribute(attr).trim();
      if (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on")) {
        return true;
      }
      if (v.equalsIgnoreCase("false") || v.equals("0") || v.equalsIgnoreCase("no") || v.equalsIgnoreCase("off")) {
        return false;
      }
      throw new BadInputException(source + ":" + path(e) + "@" + attr, "not a boolean: \"" + v + "\"");
    }

    private int intAttr(@Nullable Element e, String attr, int dflt) {
      if (e == null || !e.hasAttribute(attr) || e.getAttribute(attr).isBlank()) {
        return dflt;
      }
      String v = e.getAttribute(attr).trim();
      if (v.equalsIgnoreCase("INFINITY") || v.equalsIgnoreCase("+INFINITY")) {
        return FailCount.INFINITY;
      }
      if (v.equalsIgnoreCase("-INFINITY")) {
        return -FailCount.INFINITY;
      }
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException ex) {
        throw new BadInputException(source + ":" + path(e) + "@" + attr, "not a number: \"" + v + "\"", ex);
      }
    }

    private long longAttr(Element e, String attr) {
      String v = e.getAttribute(attr).replace("ms", "").trim();
      if (v.isEmpty()) {
        return 0;
      }
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException ex) {
        throw new BadInputException(source + ":" + path(e) + "@" + attr, "not a number: \"" + v + "\"", ex);
      }
    }

    private static @Nullable String attrOrNull(Element e, String attr) {
      return e.hasAttribute(attr) ? e.getAttribute(attr) : null;
    }
  }

  /** {@code asterisk_monitor_10000} → {@code asterisk}; resource ids may themselves contain underscores. */
  static String resourceOfOpKey(String key, String task) {
    int i = task.isEmpty() ? -1 : key.lastIndexOf("_" + task + "_");
    if (i > 0) {
      return key.substring(0, i);
    }
    int last = key.lastIndexOf('_');
    int prev = last > 0 ? key.lastIndexOf('_', last - 1) : -1;
    return prev > 0 ? key.substring(0, prev) : key;
  }

  static @Nullable Element child(@Nullable Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static List<Element> children(Element parent, @Nullable String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
        out.add(e);
      }
    }
    return out;
  }

  /** {@code /pacemaker-result/resources/group[pbx]/widget} — names the place of an element. */
  static String path(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      String id = el.hasAttribute("id") ? el.getAttribute("id") : el.getAttribute("name");
      sb.insert(0, "/" + el.getTagName() + (id.isEmpty() ? "" : "[" + id + "]"));
    }
    return sb.toString();
  }
}
