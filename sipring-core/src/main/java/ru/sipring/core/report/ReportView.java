package ru.sipring.core.report;

/**
 * How stints are counted as calls.
 *
 * <ul>
 *   <li>{@link #QUEUE} (default): every stint (one caller's passage through one queue) is a call of its queue. A
 *       caller who times out of queue A and is answered in queue B is one lost call of A and one answered call
 *       of B.
 *   <li>{@link #CALLER}: QueueMetrics' "multi-stint" model: the stints of one callid (including the asterisk#759
 *       callid swap of an attended transfer into another queue) are one caller call; it is answered iff its last
 *       stint was answered, its wait is the sum of the stints' waits, its talk the answering stint's, its queue
 *       the last stint's queue (the first is kept too), its time the first ENTERQUEUE time. Agent rows are per
 *       stint in both views.
 * </ul>
 */
public enum ReportView {
  /** Every stint is a call of its queue (the default). */
  QUEUE,
  /** The stints of one callid are one caller call. */
  CALLER;

  /**
   * The lower-case name used by the CLI and JSON ({@code "queue"}, {@code "caller"}).
   *
   * @return the key
   */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
