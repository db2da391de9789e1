package ru.sipring.campaign;

/**
 * Which do-not-call lists an assignment honours. The global list always applies; {@code PROJECT} adds the
 * project's list; {@code ASSIGNMENT} adds the project's and the assignment's own. Immutable and thread-safe.
 */
public enum DncScope {
  /**
   * Only the global list.
   */
  GLOBAL,
  /**
   * The global list and the project's.
   */
  PROJECT,
  /**
   * The global list, the project's and the assignment's own.
   */
  ASSIGNMENT
}
