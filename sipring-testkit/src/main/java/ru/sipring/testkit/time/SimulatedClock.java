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

  /**
   * A clock standing at {@code start}, in UTC.
   *
   * @param start the first instant
   * @return the clock
   */
  public static SimulatedClock at(Instant start) {
    return new SimulatedClock(start, ZoneOffset.UTC);
  }

  /**
   * A clock standing at {@code start}, in a zone.
   *
   * @param start the first instant
   * @param zone the clock's zone
   * @return the clock
   */
  public static SimulatedClock at(Instant start, ZoneId zone) {
    return new SimulatedClock(start, zone);
  }

  /**
   * Moves the clock forward.
   *
   * @param d how far; not negative
   * @return the new instant
   * @throws IllegalArgumentException when {@code d} is negative
   */
  public synchronized Instant advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + d);
    }
    now = now.plus(d);
    return now;
  }

  /**
   * Moves to {@code instant}; never backwards.
   *
   * @param instant the new instant, not before the current one
   * @throws IllegalArgumentException when {@code instant} is earlier than now
   */
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
