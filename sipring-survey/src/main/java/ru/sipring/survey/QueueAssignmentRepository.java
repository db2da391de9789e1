package ru.sipring.survey;

import java.util.Map;
import java.util.Optional;

/**
 * Which scenario runs for calls on which queue ("Назначить" in the admin guide): at most one scenario per
 * queue; one scenario may serve several queues. Implementations must be thread-safe; they pass
 * {@code ru.sipring.testkit.contract.QueueAssignmentRepositoryContract}.
 */
public interface QueueAssignmentRepository {
  /**
   * Assigns a scenario to a queue, replacing any earlier assignment of that queue.
   *
   * @param queue the queue number
   * @param scenarioId the scenario id
   */
  void assign(String queue, String scenarioId);

  /**
   * Removes the queue's assignment; returns whether there was one.
   *
   * @param queue the queue number
   * @return true when the queue had an assignment
   */
  boolean unassign(String queue);

  /**
   * The scenario assigned to a queue.
   *
   * @param queue the queue number
   * @return the scenario id, or empty when the queue has none
   */
  Optional<String> scenarioFor(String queue);

  /**
   * Every assignment, queue → scenario id, sorted by queue.
   *
   * @return every assignment, queue → scenario id, sorted by queue
   */
  Map<String, String> assignments();
}
