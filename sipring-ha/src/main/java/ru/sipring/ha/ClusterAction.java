package ru.sipring.ha;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An administrative action on the cluster. Each knows how to tell, from a snapshot, that the cluster has
 * reached the state it asked for ({@link #reachedIn}). Immutable values; thread-safe.
 */
public sealed interface ClusterAction {

  /**
   * True when {@code s} shows the effect of this action (used to wait for the cluster to settle).
   *
   * @param s the cluster status
   * @return true when {@code s} shows the effect of this action
   */
  boolean reachedIn(ClusterStatus s);

  /**
   * Short description, {@code standby node1}.
   *
   * @return a short description, such as {@code standby node1}
   */
  String describe();

  /** Put a node in standby (on) or take it out (off). */
  record Standby(String node, boolean on) implements ClusterAction {
    /**
     * Checks the components.
     *
     * @param node the node
     * @param on the on
     */
    public Standby {
      Objects.requireNonNull(node);
    }

    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.node(node).map(n -> n.standby() == on).orElse(false);
    }

    @Override
    public String describe() {
      return (on ? "standby " : "unstandby ") + node;
    }
  }

  /** Node maintenance on/off: its resources become unmanaged. */
  record NodeMaintenance(String node, boolean on) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.node(node).map(n -> n.maintenance() == on).orElse(false);
    }

    @Override
    public String describe() {
      return (on ? "maintenance " : "unmaintenance ") + node;
    }
  }

  /** Cluster-wide maintenance-mode on/off. */
  record ClusterMaintenance(boolean on) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.maintenanceMode() == on;
    }

    @Override
    public String describe() {
      return "maintenance-mode=" + on;
    }
  }

  /** Move a resource to a node (or away from where it runs when {@code node} is null). */
  record Move(String resource, @Nullable String node) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return node == null || s.nodesOf(resource).equals(java.util.List.of(node));
    }

    @Override
    public String describe() {
      return "move " + resource + (node == null ? "" : " to " + node);
    }
  }

  /** Remove move/ban constraints of a resource (on one node, or all). */
  record Clear(String resource, @Nullable String node) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.bans().stream().noneMatch(b -> b.resource().equals(resource) && b.id().startsWith("cli-")
          && (node == null || b.node().equals(node)));
    }

    @Override
    public String describe() {
      return "clear " + resource + (node == null ? "" : " on " + node);
    }
  }

  /** Keep a resource off a node. */
  record Ban(String resource, String node) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return !s.nodesOf(resource).contains(node);
    }

    @Override
    public String describe() {
      return "ban " + resource + " from " + node;
    }
  }

  /** Start a disabled resource (clear target-role=Stopped). */
  record Enable(String resource) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.resource(resource).map(r -> !r.isDisabled()).orElse(false);
    }

    @Override
    public String describe() {
      return "enable " + resource;
    }
  }

  /** Stop a resource and keep it stopped (target-role=Stopped). */
  record Disable(String resource) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.resource(resource).map(r -> r.primitives().stream().noneMatch(ClusterResource::active)).orElse(false);
    }

    @Override
    public String describe() {
      return "disable " + resource;
    }
  }

  /** Stop and start a resource where it runs. */
  record Restart(String resource) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.resource(resource).map(ClusterResource::active).orElse(false);
    }

    @Override
    public String describe() {
      return "restart " + resource;
    }
  }

  /** Forget failures and fail counts (of one resource and/or node, or all). */
  record Cleanup(@Nullable String resource, @Nullable String node) implements ClusterAction {
    @Override
    public boolean reachedIn(ClusterStatus s) {
      return s.failedActions().stream().noneMatch(f -> matches(f.resource(), f.node()))
          && s.failCounts().stream().noneMatch(f -> matches(f.resource(), f.node()));
    }

    private boolean matches(String r, String n) {
      return (resource == null || resource.equals(r)) && (node == null || node.equals(n));
    }

    @Override
    public String describe() {
      return "cleanup" + (resource == null ? "" : " " + resource) + (node == null ? "" : " on " + node);
    }
  }
}
