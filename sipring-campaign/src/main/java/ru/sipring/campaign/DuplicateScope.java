package ru.sipring.campaign;

/** Where an import looks for an existing client with the same normalised phone (VICIdial DUPLIST/DUPCAMP/DUPSYS). */
public enum DuplicateScope {
  /** No check: every row is imported. */
  NONE,
  /** The same assignment. */
  ASSIGNMENT,
  /** Any assignment of the same project. */
  PROJECT,
  /** Every assignment. */
  EVERYWHERE
}
