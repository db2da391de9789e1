package ru.sipring.ami.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * At most one WARN line per interval for a kind of noise a stranger controls (port scans, idle or garbage
 * connections): the log cannot be flooded, and the next line says how many were left out. Thread-safe.
 */
final class RateLimitedWarning {
  private final Logger log;
  private final Clock clock;
  private final Duration every;
  private @Nullable Instant last;
  private long suppressed;

  RateLimitedWarning(Logger log, Clock clock, Duration every) {
    this.log = log;
    this.clock = clock;
    this.every = every;
  }

  /** Logs {@code message} (already escaped, one line) unless a line went out less than the interval ago. */
  synchronized boolean warn(String message) {
    Instant now = clock.instant();
    if (last != null && now.isBefore(last.plus(every))) {
      suppressed++;
      return false;
    }
    if (suppressed > 0) {
      log.warn("{} ({} more like it in the last {} s not logged)", message, suppressed, every.toSeconds());
    } else {
      log.warn(message);
    }
    last = now;
    suppressed = 0;
    return true;
  }
}
