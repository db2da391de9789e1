package ru.sipring.campaign;

import java.time.Duration;
import java.util.Objects;

/** After an outcome: wait {@code delay} before calling again, and stop after {@code maxAttempts} calls in all. */
public record RetryRule(Duration delay, int maxAttempts) {
  /**
   * Checks the rule.
   *
   * @param delay the wait after the outcome before the next call
   * @param maxAttempts the most calls in all, the first included
   * @throws IllegalArgumentException when the delay is negative or {@code maxAttempts} below 1
   */
  public RetryRule {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || maxAttempts < 1) {
      throw new IllegalArgumentException("delay >= 0 and maxAttempts >= 1 required");
    }
  }
}
