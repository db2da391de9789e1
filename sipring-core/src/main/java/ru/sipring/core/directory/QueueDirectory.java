package ru.sipring.core.directory;

import java.util.Map;
import java.util.Optional;

/**
 * Maps a queue number ("6000") to the name people use ("Отдел продаж"). Implementations must be thread-safe.
 */
public interface QueueDirectory {

  Optional<String> nameOf(String queue);

  static QueueDirectory empty() {
    return queue -> Optional.empty();
  }

  static QueueDirectory of(Map<String, String> names) {
    Map<String, String> copy = Map.copyOf(names);
    return queue -> Optional.ofNullable(copy.get(queue));
  }
}
