package ru.sipring.core.directory;

import java.util.Map;
import java.util.Optional;

/**
 * Maps a queue number ("6000") to the name people use ("Отдел продаж"). Implementations must be thread-safe.
 */
public interface QueueDirectory {

  /**
   * The name of a queue.
   *
   * @param queue the queue number as queue_log writes it
   * @return the name, or empty when the directory does not know the queue
   */
  Optional<String> nameOf(String queue);

  /**
   * A directory that knows no queue: reports show the numbers only.
   *
   * @return the empty directory
   */
  static QueueDirectory empty() {
    return queue -> Optional.empty();
  }

  /**
   * A fixed directory.
   *
   * @param names name per queue number; copied
   * @return an immutable directory
   */
  static QueueDirectory of(Map<String, String> names) {
    Map<String, String> copy = Map.copyOf(names);
    return queue -> Optional.ofNullable(copy.get(queue));
  }
}
