package ru.sipring.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Retry rules keyed by the last outcome (VICIdial's lead recycling, Wombat's reschedule rules). An answered
 * client is never called again by the rules. Immutable and thread-safe.
 *
 * @param rules the rule per last outcome; an outcome without one is not retried
 */
public record RetryPolicy(Map<CallOutcome, RetryRule> rules) {
  /**
   * Copies the rules, dropping any for {@link CallOutcome#ANSWERED}.
   *
   * @param rules the rule per last outcome; an outcome without one is not retried
   */
  public RetryPolicy {
    EnumMap<CallOutcome, RetryRule> m = new EnumMap<>(CallOutcome.class);
    m.putAll(rules);
    m.remove(CallOutcome.ANSWERED);
    rules = java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The auto-dialer fields of the guide: "Количество повторных попыток" (repeats after the first call) and
   * "Время до повторного набора" (seconds), the same for busy, no answer, congestion and failure.
   *
   * @param repeats calls after the first one
   * @param delay the wait before each of them
   * @return the policy
   */
  public static RetryPolicy guide(int repeats, Duration delay) {
    RetryRule r = new RetryRule(delay, repeats + 1);
    Map<CallOutcome, RetryRule> m = new EnumMap<>(CallOutcome.class);
    for (CallOutcome o : CallOutcome.values()) {
      if (o != CallOutcome.ANSWERED) {
        m.put(o, r);
      }
    }
    return new RetryPolicy(m);
  }

  /**
   * When the contact may next be called: now-ish for a new one, {@code last + delay} after a retryable
   * outcome, or null when it must not be called again (answered, done, in doubt, or attempts used up).
   *
   * @param c the card
   * @return the earliest time of the next call ({@link Instant#MIN} for at once), or null for never
   */
  public @Nullable Instant nextCallAt(Contact c) {
    if (c.status() == ContactStatus.NEW && c.attempts() == 0) {
      return Instant.MIN;
    }
    if (!c.status().callable()) {
      return null;
    }
    CallOutcome last = c.lastOutcome();
    if (last == null) {
      return Instant.MIN; // reset by an operator to NEW with attempts kept
    }
    RetryRule rule = rules.get(last);
    if (rule == null || c.attempts() >= rule.maxAttempts() || c.lastAttemptAt() == null) {
      return null;
    }
    return c.lastAttemptAt().plus(rule.delay());
  }
}
