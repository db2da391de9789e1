package ru.sipring.core.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Section 6. A call with wait w falls in the first bucket b with w ≤ b, beyond the last bucket in the overflow
 * bucket ({@code upToSeconds == null}). Percent = calls in the bucket / calls in the table. {@code thresholds}
 * gives SL% at each bucket bound T: answered with wait ≤ T / (answered + lost) × 100.
 */
public record ServiceLevel(List<Bucket> answered, List<Bucket> lost, List<Threshold> thresholds) {
  public ServiceLevel {
    answered = List.copyOf(answered);
    lost = List.copyOf(lost);
    thresholds = List.copyOf(thresholds);
  }

  /** One wait bucket: calls with wait in (previous bound, upToSeconds]; null bound = overflow. */
  public record Bucket(@Nullable Integer upToSeconds, long calls, double percent) {}

  /** Service level at a threshold, in percent. */
  public record Threshold(int seconds, long answeredWithin, double percent) {}
}
