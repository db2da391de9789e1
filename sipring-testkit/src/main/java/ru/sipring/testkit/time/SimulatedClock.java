package ru.sipring.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that only moves when told to: tests and simulations {@link #advance} or {@link #set} it.
 * Thread-safe (the instant is volatile; {@link #advance} is atomic).
 */
public final class SimulatedClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  private SimulatedClock(Instant start, ZoneId zone) {
    this.now = Objects.requireNonNull(start, "start");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public static SimulatedClock at(Instant start) {
    return new SimulatedClock(start, ZoneOffset.UTC);
  }

  public static SimulatedClock at(Instant start, ZoneId zone) {
    return new SimulatedClock(start, zone);
  }

  public synchronized Instant advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + d);
    }
    now = now.plus(d);
    return now;
  }

  /** Moves to {@code instant}; never backwards. */
  public synchronized void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException("a clock does not go back: " + instant + " < " + now);
    }
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    SimulatedClock c = new SimulatedClock(now, z);
    return c;
  }
}
