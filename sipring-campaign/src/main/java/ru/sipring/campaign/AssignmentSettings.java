package ru.sipring.campaign;

import java.time.ZoneId;
import java.util.Objects;

/** What governs calling an assignment's clients: when, how often, and which do-not-call lists apply. Immutable. */
public record AssignmentSettings(CallWindow window, RetryPolicy retry, DncScope dncScope) {
  public AssignmentSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(dncScope, "dncScope");
  }

  /** Any time in {@code zone}, the guide's defaults (no repeats), every DNC list. */
  public static AssignmentSettings defaults(ZoneId zone) {
    return new AssignmentSettings(CallWindow.always(zone), RetryPolicy.guide(0, java.time.Duration.ofSeconds(30)),
        DncScope.ASSIGNMENT);
  }
}
