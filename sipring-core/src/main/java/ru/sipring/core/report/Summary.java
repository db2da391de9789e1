package ru.sipring.core.report;

/**
 * Section 3 (the guide's right-hand panel): answered, lost and unfinished stints, the largest queue position
 * seen, talk and wait of answered calls, and wait of lost calls. In the {@linkplain ReportView#CALLER caller view}
 * the counts are caller calls and the waits are the sums of each caller's stint waits.
 *
 * @param unfinished stints with no terminal event before the data ended or the PBX restarted (QUEUESTART);
 *     never counted as answered or lost
 * @param shortAbandons lost stints below the short-abandon threshold, when one is set (they are included in
 *     {@code lost}); 0 when no threshold is set
 * @param maxPosition the largest original position (origposition) seen
 */
public record Summary(long answered, long lost, long unfinished, long shortAbandons, int maxPosition,
    DurationStats talk, DurationStats answeredWait, DurationStats lostWait) {

  /**
   * answered / (answered + lost) × 100, exact; 0 when there were no calls.
   *
   * @return the answered percentage
   */
  public double answeredPercent() {
    long total = answered + lost;
    return total == 0 ? 0 : 100.0 * answered / total;
  }
}
