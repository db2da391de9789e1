package ru.sipring.campaign;

/**
 * Which do-not-call lists an assignment honours. The global list always applies; {@code PROJECT} adds the
 * project's list; {@code ASSIGNMENT} adds the project's and the assignment's own.
 */
public enum DncScope {
  GLOBAL,
  PROJECT,
  ASSIGNMENT
}
