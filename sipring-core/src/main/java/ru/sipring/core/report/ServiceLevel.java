package ru.sipring.core.report;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Section 6. A call with wait w falls in the first bucket b with w ≤ b, beyond the last bucket in the overflow
 * bucket ({@code upToSeconds == null}). Percent = calls in the bucket / calls in the table. {@code thresholds}
 * gives the service level at each bucket bound T two ways: the guide's, answered with wait ≤ T / (answered +
 * lost) × 100 ({@link Threshold#percent()}), and Asterisk's own ({@code callscompletedinsl / callscompleted}),
 * answered with wait ≤ T / answered × 100 ({@link Threshold#percentOfAnswered()}). {@link #at(Duration)} gives
 * both at any threshold, from the exact wait distributions kept here. Immutable.
 *
 * @param answered answered calls per wait bucket
 * @param lost lost calls per wait bucket
 * @param thresholds the service level at each bucket bound
 * @param answeredWaits answered calls per wait in whole seconds (sorted; exact, any threshold can be answered)
 * @param lostWaits lost calls per wait in whole seconds (sorted)
 */
public record ServiceLevel(List<Bucket> answered, List<Bucket> lost, List<Threshold> thresholds,
    Map<Long, Long> answeredWaits, Map<Long, Long> lostWaits) {
  /**
   * Copies the lists and the wait maps.
   *
   * @param answered answered calls per wait bucket
   * @param lost lost calls per wait bucket
   * @param thresholds the service level at each bucket bound
   * @param answeredWaits answered calls per wait in whole seconds (sorted; exact, any threshold can be answered)
   * @param lostWaits lost calls per wait in whole seconds (sorted)
   */
  public ServiceLevel {
    answered = List.copyOf(answered);
    lost = List.copyOf(lost);
    thresholds = List.copyOf(thresholds);
    answeredWaits = Collections.unmodifiableNavigableMap(new TreeMap<>(answeredWaits));
    lostWaits = Collections.unmodifiableNavigableMap(new TreeMap<>(lostWaits));
  }

  /**
   * The service level at any threshold, not only the bucket bounds: answered calls with wait ≤ {@code threshold}
   * (waits are whole seconds, so a fraction of a second is cut off), as a percentage of offered (answered + lost)
   * and of answered calls.
   *
   * @param threshold the longest wait that still counts as "within"; not negative
   * @return the row for that threshold
   */
  public Threshold at(Duration threshold) {
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("threshold must not be negative: " + threshold);
    }
    long t = threshold.getSeconds();
    long within = 0;
    long all = 0;
    for (Map.Entry<Long, Long> e : answeredWaits.entrySet()) {
      all += e.getValue();
      if (e.getKey() <= t) {
        within += e.getValue();
      }
    }
    long lostCalls = 0;
    for (long n : lostWaits.values()) {
      lostCalls += n;
    }
    return new Threshold((int) Math.min(t, Integer.MAX_VALUE), within, percent(within, all + lostCalls),
        percent(within, all));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  /** One wait bucket: calls with wait in (previous bound, upToSeconds]; null bound = overflow. */
  public record Bucket(@Nullable Integer upToSeconds, long calls, double percent) {}

  /**
   * Service level at a threshold.
   *
   * @param seconds the threshold T
   * @param answeredWithin answered calls with wait ≤ T
   * @param percent the guide's: answeredWithin / (answered + lost) × 100
   * @param percentOfAnswered Asterisk's ({@code callscompletedinsl / callscompleted}): answeredWithin / answered
   *     × 100
   */
  public record Threshold(int seconds, long answeredWithin, double percent, double percentOfAnswered) {}
}
