package ru.sipring.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One administrative action.
 *
 * @param at when it was done
 * @param actor who did it: a panel user, an API service account, or {@code "system"}
 * @param action what was done, a stable dotted key such as {@code agent.pause} or {@code cluster.standby}
 * @param target what it was done to: a queue member, a node, a fax job
 * @param detail free text for people (a pause reason, the outcome); may be empty
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {
  /**
   * Checks that every field is present; the strings are stored as given and escaped where they are shown.
   *
   * @param at when it was done
   * @param actor who did it; not blank
   * @param action the dotted action key; not blank
   * @param target what it was done to
   * @param detail free text for people; may be empty
   * @throws IllegalArgumentException when the actor or the action is blank
   */
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
    if (actor.isBlank() || action.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs an actor and an action");
    }
  }
}
