package ru.sipring.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A resource of the cluster: a primitive (one agent instance), or a group / clone / promotable clone / bundle
 * holding {@link #members()}. A clone's members are its instances (the same id once per instance). Immutable;
 * thread-safe.
 *
 * @param id resource id
 * @param kind what it is
 * @param agent {@code class:provider:type} for primitives ({@code ocf:heartbeat:IPaddr2}), empty otherwise
 * @param role current role (primitives); {@link ResourceRole#UNKNOWN} for containers
 * @param targetRole the configured {@code target-role} when set ({@code Stopped} = disabled)
 * @param active running somewhere
 * @param managed the cluster manages it (false in maintenance)
 * @param failed a failure the cluster has not recovered from
 * @param blocked the cluster will take no further action on it
 * @param orphaned present in the status but no longer configured
 * @param failureIgnored failures are ignored ({@code on-fail=ignore})
 * @param disabled a container disabled by an administrator
 * @param nodes nodes it is active on (more than one for a primitive = multiply active)
 * @param members group members or clone instances, in crm_mon order
 */
public record ClusterResource(
    String id,
    Kind kind,
    String agent,
    ResourceRole role,
    @Nullable String targetRole,
    boolean active,
    boolean managed,
    boolean failed,
    boolean blocked,
    boolean orphaned,
    boolean failureIgnored,
    boolean disabled,
    List<String> nodes,
    List<ClusterResource> members) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param id resource id
   * @param kind what it is
   * @param agent {@code class:provider:type} for primitives ({@code ocf:heartbeat:IPaddr2}), empty otherwise
   * @param role current role (primitives); {@link ResourceRole#UNKNOWN} for containers
   * @param targetRole the configured {@code target-role} when set ({@code Stopped} = disabled)
   * @param active running somewhere
   * @param managed the cluster manages it (false in maintenance)
   * @param failed a failure the cluster has not recovered from
   * @param blocked the cluster will take no further action on it
   * @param orphaned present in the status but no longer configured
   * @param failureIgnored failures are ignored ({@code on-fail=ignore})
   * @param disabled a container disabled by an administrator
   * @param nodes nodes it is active on (more than one for a primitive = multiply active)
   * @param members group members or clone instances, in crm_mon order
   */
  public ClusterResource {
    nodes = List.copyOf(nodes);
    members = List.copyOf(members);
  }

  /** Resource kinds. */
  public enum Kind {
    /** One resource agent instance. */
    PRIMITIVE,
    /** Resources started in order on one node. */
    GROUP,
    /** A resource running on several nodes. */
    CLONE,
    /** A clone whose instances are promoted or unpromoted (DRBD). */
    PROMOTABLE,
    /** A container bundle. */
    BUNDLE
  }

  /**
   * Disabled by an administrator: {@code target-role=Stopped} or a disabled container.
   *
   * @return true when an administrator disabled it
   */
  public boolean isDisabled() {
    return disabled || (targetRole != null && targetRole.equalsIgnoreCase("Stopped"));
  }

  /**
   * A virtual IP (IPaddr / IPaddr2 agents).
   *
   * @return true for a virtual IP
   */
  public boolean isVirtualIp() {
    String a = agent.toLowerCase(Locale.ROOT);
    return kind == Kind.PRIMITIVE && (a.endsWith(":ipaddr2") || a.endsWith(":ipaddr"));
  }

  /**
   * A fencing device ({@code stonith:} class).
   *
   * @return true for a fencing device
   */
  public boolean isFencingDevice() {
    return kind == Kind.PRIMITIVE && agent.toLowerCase(Locale.ROOT).startsWith("stonith:");
  }

  /**
   * This resource and every resource under it, depth first.
   *
   * @return this resource and every resource under it, depth first
   */
  public Stream<ClusterResource> flatten() {
    return Stream.concat(Stream.of(this), members.stream().flatMap(ClusterResource::flatten));
  }

  /**
   * The primitives under (or equal to) this resource.
   *
   * @return the primitive resources under this one (itself when it is one)
   */
  public List<ClusterResource> primitives() {
    List<ClusterResource> out = new ArrayList<>();
    flatten().filter(r -> r.kind == Kind.PRIMITIVE).forEach(out::add);
    return out;
  }
}
