package ru.sipring.core.report;

/**
 * Sections 4 and 5, per agent: answered stints, total wait of those callers, total talk, and who ended the
 * calls. Percentages (section 5) are these counts over {@code answered}.
 */
public record OperatorRow(String agent, String number, String name, long answered, long waitSeconds,
    long talkSeconds, long endedByCaller, long endedByAgent, long transferred) {

  /**
   * count / answered × 100, exact; 0 when nothing was answered.
   *
   * @param count a count of this row, such as {@code endedByCaller}
   * @return the percentage
   */
  public double percentOfAnswered(long count) {
    return answered == 0 ? 0 : 100.0 * count / answered;
  }
}
