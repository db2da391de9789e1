package ru.sipring.campaign;

import java.time.Duration;
import java.util.Objects;

/** After an outcome: wait {@code delay} before calling again, and stop after {@code maxAttempts} calls in all. */
public record RetryRule(Duration delay, int maxAttempts) {
  public RetryRule {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || maxAttempts < 1) {
      throw new IllegalArgumentException("delay >= 0 and maxAttempts >= 1 required");
    }
  }
}
