package ru.sipring.ami.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts wrong PINs per device and locks a device out for a while. Thread-safe. */
final class PinLockout {
  private record State(int failures, Instant lockedUntil) {}

  private final Clock clock;
  private final int limit;
  private final Duration lockFor;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  PinLockout(Clock clock, int limit, Duration lockFor) {
    this.clock = clock;
    this.limit = limit;
    this.lockFor = lockFor;
  }

  boolean isLocked(String device) {
    State s = states.get(device);
    return s != null && s.failures() >= limit && clock.instant().isBefore(s.lockedUntil());
  }

  /** Records a wrong PIN; returns true when the device is now locked. */
  boolean fail(String device) {
    State s = states.compute(device, (d, old) -> {
      int n = old == null || (old.failures() >= limit && !clock.instant().isBefore(old.lockedUntil())) ? 1
          : old.failures() + 1;
      return new State(n, clock.instant().plus(lockFor));
    });
    return s.failures() >= limit;
  }

  int failures(String device) {
    State s = states.get(device);
    return s == null ? 0 : s.failures();
  }

  void reset(String device) {
    states.remove(device);
  }
}
