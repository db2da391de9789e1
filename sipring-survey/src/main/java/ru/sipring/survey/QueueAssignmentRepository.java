package ru.sipring.survey;

import java.util.Map;
import java.util.Optional;

/**
 * Which scenario runs for calls on which queue ("Назначить" in the admin guide): at most one scenario per
 * queue; one scenario may serve several queues. Implementations must be thread-safe; they pass
 * {@code ru.sipring.testkit.contract.QueueAssignmentRepositoryContract}.
 */
public interface QueueAssignmentRepository {
  /** Assigns a scenario to a queue, replacing any earlier assignment of that queue. */
  void assign(String queue, String scenarioId);

  /** Removes the queue's assignment; returns whether there was one. */
  boolean unassign(String queue);

  Optional<String> scenarioFor(String queue);

  /** Every assignment, queue → scenario id, sorted by queue. */
  Map<String, String> assignments();
}
