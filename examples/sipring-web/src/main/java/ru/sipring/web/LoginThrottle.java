package ru.sipring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and client address: after {@code attempts} failures within
 * {@code lockout}, that name is refused from that address until the oldest failure is {@code lockout} old, even
 * with the right password (so guessing gains nothing). Other addresses are not affected, so an attacker cannot
 * lock the real user out from elsewhere. Thread-safe.
 */
final class LoginThrottle {
  private final int attempts;
  private final Duration lockout;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginThrottle(int attempts, Duration lockout, Clock clock) {
    if (attempts < 1) {
      throw new IllegalArgumentException("sipring.web.login-attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.lockout = lockout;
    this.clock = clock;
  }

  boolean locked(String user, String address) {
    Deque<Instant> d = failures.get(key(user, address));
    if (d == null) {
      return false;
    }
    synchronized (d) {
      prune(d);
      return d.size() >= attempts;
    }
  }

  void failed(String user, String address) {
    Deque<Instant> d = failures.computeIfAbsent(key(user, address), k -> new ArrayDeque<>());
    synchronized (d) {
      prune(d);
      d.addLast(clock.instant());
    }
    if (failures.size() > 100_000) {
      // bounded memory under a spray of names: forget entries with nothing recent
      failures.values().removeIf(q -> {
        synchronized (q) {
          prune(q);
          return q.isEmpty();
        }
      });
    }
  }

  void succeeded(String user, String address) {
    failures.remove(key(user, address));
  }

  private void prune(Deque<Instant> d) {
    Instant horizon = clock.instant().minus(lockout);
    while (!d.isEmpty() && !d.peekFirst().isAfter(horizon)) {
      d.removeFirst();
    }
  }

  private static String key(String user, String address) {
    return user.toLowerCase(Locale.ROOT) + '\n' + address;
  }
}
