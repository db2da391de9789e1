package ru.sipring.core.queuelog;

/**
 * A source of queue_log entries that are not in a file: the realtime {@code queue_log} table, a live feed.
 * Entries must be delivered in the order the source stores them (time, then insertion order).
 *
 * <p>{@link #read} runs on the caller's thread and calls the sink on that thread.
 */
public interface QueueLogSource {

  /**
   * A short description for messages, such as {@code mariadb://pbx/asteriskcdrdb.queue_log}.
   *
   * @return the description; it must hold no secret (mask a URL's password)
   */
  String name();

  /**
   * Delivers every entry to {@code sink}; unusable entries go to {@link Sink#problem} and reading goes on.
   *
   * @param sink receives records and problems, on the calling thread
   * @throws ru.sipring.core.ConnectionException when the source cannot be read at all
   */
  void read(Sink sink);

  /** Receives entries and problems from a source. */
  interface Sink {
    /**
     * Receives one entry, in the source's order.
     *
     * @param record the entry
     */
    void record(QueueLogRecord record);

    /**
     * Receives an entry that could not be used; reading goes on.
     *
     * @param problem where and what
     */
    void problem(InputProblem problem);
  }
}
