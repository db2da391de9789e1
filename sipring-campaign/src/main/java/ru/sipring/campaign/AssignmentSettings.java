package ru.sipring.campaign;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What governs calling an assignment's clients: when, how often, and which do-not-call lists apply. Immutable.
 *
 * @param window when clients may be called
 * @param retry how often and after how long they are called again
 * @param dncScope which do-not-call lists apply
 */
public record AssignmentSettings(CallWindow window, RetryPolicy retry, DncScope dncScope) {
  /**
   * Checks the settings.
   *
   * @param window when clients may be called
   * @param retry how often and after how long they are called again
   * @param dncScope which do-not-call lists apply
   * @throws NullPointerException when a part is null
   */
  public AssignmentSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(dncScope, "dncScope");
  }

  /**
   * Any time in {@code zone}, the guide's defaults (no repeats), every DNC list.
   *
   * @param zone the assignment's zone
   * @return the settings
   */
  public static AssignmentSettings defaults(ZoneId zone) {
    return new AssignmentSettings(CallWindow.always(zone), RetryPolicy.guide(0, java.time.Duration.ofSeconds(30)),
        DncScope.ASSIGNMENT);
  }
}
