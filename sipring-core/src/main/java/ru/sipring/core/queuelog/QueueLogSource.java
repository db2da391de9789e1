package ru.sipring.core.queuelog;

/**
 * A source of queue_log entries that are not in a file: the realtime {@code queue_log} table, a live feed.
 * Entries must be delivered in the order the source stores them (time, then insertion order).
 *
 * <p>{@link #read} runs on the caller's thread and calls the sink on that thread.
 */
public interface QueueLogSource {

  /** A short description for messages, such as {@code mariadb://pbx/asteriskcdrdb.queue_log}. */
  String name();

  /** Delivers every entry to {@code sink}; unusable entries go to {@link Sink#problem} and reading goes on. */
  void read(Sink sink);

  /** Receives entries and problems from a source. */
  interface Sink {
    void record(QueueLogRecord record);

    void problem(InputProblem problem);
  }
}
