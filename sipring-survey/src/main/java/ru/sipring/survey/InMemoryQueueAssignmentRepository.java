package ru.sipring.survey;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link QueueAssignmentRepository} in memory. Thread-safe. */
public final class InMemoryQueueAssignmentRepository implements QueueAssignmentRepository {
  private final ConcurrentSkipListMap<String, String> byQueue = new ConcurrentSkipListMap<>();

  @Override
  public void assign(String queue, String scenarioId) {
    byQueue.put(queue, scenarioId);
  }

  @Override
  public boolean unassign(String queue) {
    return byQueue.remove(queue) != null;
  }

  @Override
  public Optional<String> scenarioFor(String queue) {
    return Optional.ofNullable(byQueue.get(queue));
  }

  @Override
  public Map<String, String> assignments() {
    return Collections.unmodifiableMap(new TreeMap<>(byQueue));
  }
}
