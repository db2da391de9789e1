package ru.sipring.ami;

import java.time.Duration;

/**
 * Capped exponential back-off with "equal jitter": attempt {@code n} (from 0) waits between half and all of
 * {@code min(max, initial × 2ⁿ)}. The jitter spreads the reconnects of many SipRing hosts after an Asterisk
 * restart, and the lower half-bound keeps the wait from collapsing to nothing. Immutable.
 */
record Backoff(Duration initial, Duration max) {
  Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("back-off needs 0 < initial <= max, was " + initial + ".." + max);
    }
  }

  /** The cap before jitter for attempt {@code n}. */
  Duration ceiling(int attempt) {
    long maxMs = max.toMillis();
    long ms = initial.toMillis();
    for (int i = 0; i < attempt && ms < maxMs; i++) {
      ms *= 2;
    }
    return Duration.ofMillis(Math.min(ms, maxMs));
  }

  /** The wait before attempt {@code n + 1}; {@code random01} in [0, 1). */
  Duration delay(int attempt, double random01) {
    long c = ceiling(attempt).toMillis();
    return Duration.ofMillis(c / 2 + (long) (c / 2.0 * random01));
  }
}
