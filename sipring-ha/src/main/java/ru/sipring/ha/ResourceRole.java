package ru.sipring.ha;

import java.util.Locale;

/**
 * Role of a resource instance. Pacemaker 2.1 writes {@code Promoted}/{@code Unpromoted}; older versions wrote
 * {@code Master}/{@code Slave}. {@link #parse} accepts both, case-insensitively. Immutable (thread-safe).
 */
public enum ResourceRole {
  /** Not running. */
  STOPPED,
  /** Being started. */
  STARTING,
  /** Running (a resource that is not promotable). */
  STARTED,
  /** Being stopped. */
  STOPPING,
  /** Moving live to another node. */
  MIGRATING,
  /** Being promoted. */
  PROMOTING,
  /** Running promoted ({@code Master} before pacemaker 2.1). */
  PROMOTED,
  /** Being demoted. */
  DEMOTING,
  /** Running unpromoted ({@code Slave} before pacemaker 2.1). */
  UNPROMOTED,
  /** A word this version does not know; never taken as healthy. */
  UNKNOWN;

  /**
   * Parses a crm_mon role; unknown words become {@link #UNKNOWN} (never a healthy role).
   *
   * @param text the text
   * @return the resource role
   */
  public static ResourceRole parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "stopped" -> STOPPED;
      case "starting" -> STARTING;
      case "started" -> STARTED;
      case "stopping" -> STOPPING;
      case "migrating" -> MIGRATING;
      case "promoting" -> PROMOTING;
      case "promoted", "master" -> PROMOTED;
      case "demoting" -> DEMOTING;
      case "unpromoted", "slave" -> UNPROMOTED;
      default -> UNKNOWN;
    };
  }

  /**
   * Running in a steady state.
   *
   * @return true for a steady running role
   */
  public boolean running() {
    return this == STARTED || this == PROMOTED || this == UNPROMOTED;
  }

  /**
   * A transition in progress: the cluster has not settled.
   *
   * @return true while a transition is in progress
   */
  public boolean transitional() {
    return this == STARTING || this == STOPPING || this == MIGRATING || this == PROMOTING || this == DEMOTING;
  }

  /**
   * The spelling pacemaker 2.1 uses.
   *
   * @return the spelling pacemaker 2.1 uses
   */
  public String display() {
    String n = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
