package ru.sipring.testkit.time;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread does: retries an assertion until it passes or the time is up, then
 * rethrows the last failure. For tests only (real-time polling every 10 ms). Stateless, thread-safe.
 */
public final class Eventually {
  private Eventually() {}

  /** An assertion that may throw. */
  @FunctionalInterface
  public interface Check {
    /**
     * Runs the assertion once.
     *
     * @throws Exception when it does not hold (yet)
     */
    void run() throws Exception;
  }

  /**
   * Runs {@code check} until it passes, polling every few milliseconds, for at most {@code limit}: for state another
   * thread reaches, where a fixed sleep would be flaky or slow.
   *
   * @param limit the longest time to keep trying
   * @param check the assertion
   * @throws AssertionError the check's last failure once the limit is passed
   */
  public static void assertWithin(Duration limit, Check check) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (Exception | AssertionError e) {
        if (System.nanoTime() > deadline) {
          if (e instanceof AssertionError ae) {
            throw ae;
          }
          throw new AssertionError("still failing after " + limit, e);
        }
      }
      sleep();
    }
  }

  /**
   * Waits until {@code condition} holds, polling every few milliseconds, for at most {@code limit}.
   *
   * @param limit the longest wait
   * @param what what is awaited, for the failure message
   * @param condition the condition
   * @throws AssertionError naming {@code what} once the limit is passed
   */
  public static void until(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true after " + limit + ": " + what);
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
