package ru.sipring.core.queuelog;

/**
 * Receives the lines of a {@link QueueLogInput} in input order, and the problems met on the way. Called on the
 * thread that calls {@link QueueLogInput#read}.
 */
public interface QueueLogSink {

  /**
   * A valid line; {@code line} is only valid during this call (see {@link QueueLogLine}).
   *
   * @param line the parsed line, a reused view
   */
  void line(QueueLogLine line);

  /**
   * A line or source that could not be used; reading goes on with the next line.
   *
   * @param problem where and what
   */
  void problem(InputProblem problem);

  /**
   * Bytes read so far from all sources (for progress), called every few megabytes.
   *
   * @param total bytes read so far, all sources together (decompressed for gzip)
   */
  default void bytesRead(long total) {}

  /**
   * A new source starts (a file, stdin, a table); the state of open calls carries over between sources.
   *
   * @param name the source's name, as problems will name it
   */
  default void sourceStarted(String name) {}
}
