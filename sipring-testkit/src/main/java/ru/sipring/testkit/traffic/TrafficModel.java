package ru.sipring.testkit.traffic;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import ru.sipring.testkit.queue.QueueEngine;

/**
 * A call centre's day as a stochastic model: Poisson arrivals per queue with an hourly rate profile,
 * exponential talk and patience times, a queue timeout, agents with shifts, queue memberships and pauses, and
 * the chance that a ringing agent answers. Immutable; {@link CallCentreDay} runs it.
 *
 * @param queues the queues and their load
 * @param agents the agents and their shifts
 * @param ringTimeout how long a member rings before RINGNOANSWER (queues.conf {@code timeout})
 * @param answerProbability chance that a ringing member answers before the ring timeout
 * @param agentHangsUpProbability chance that the agent, not the caller, ends a call (COMPLETEAGENT)
 * @param transferProbability chance that the agent transfers an answered call at its end instead of hanging
 *     up (half blind: BLINDTRANSFER, half attended: ATTENDEDTRANSFER|BRIDGE)
 */
public record TrafficModel(List<QueueLoad> queues, List<AgentShift> agents, Duration ringTimeout,
    double answerProbability, double agentHangsUpProbability, double transferProbability) {

  /**
   * Copies the lists and checks the probabilities.
   *
   * @param queues the queues and their load
   * @param agents the agents and their shifts
   * @param ringTimeout how long a member rings before RINGNOANSWER (queues.conf {@code timeout})
   * @param answerProbability chance that a ringing member answers before the ring timeout
   * @param agentHangsUpProbability chance that the agent, not the caller, ends a call (COMPLETEAGENT)
   * @param transferProbability chance that the agent transfers an answered call at its end instead of hanging up (half
   *     blind: BLINDTRANSFER, half attended: ATTENDEDTRANSFER|BRIDGE)
   * @throws IllegalArgumentException when a probability is out of range
   */
  public TrafficModel {
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    if (answerProbability <= 0 || answerProbability > 1) {
      throw new IllegalArgumentException("answerProbability must be in (0, 1], was " + answerProbability);
    }
    if (transferProbability < 0 || transferProbability > 1) {
      throw new IllegalArgumentException("transferProbability must be in [0, 1], was " + transferProbability);
    }
  }

  /**
   * Load of one queue.
   *
   * @param callsPerHour arrival rate for each hour of the day (24 values, local time)
   * @param meanTalk mean talk time (exponential)
   * @param meanPatience mean time a caller waits before hanging up (exponential)
   * @param queueTimeout the Queue() timeout after which the caller leaves with EXITWITHTIMEOUT
   */
  public record QueueLoad(String queue, QueueEngine.Strategy strategy, double[] callsPerHour, Duration meanTalk,
      Duration meanPatience, Duration queueTimeout) {
    /**
     * Checks the rate profile and copies it.
     *
     * @param queue the queue name
     * @param strategy the queue's ring strategy
     * @param callsPerHour arrival rate for each hour of the day (24 values, local time)
     * @param meanTalk mean talk time (exponential)
     * @param meanPatience mean time a caller waits before hanging up (exponential)
     * @param queueTimeout the Queue() timeout after which the caller leaves with EXITWITHTIMEOUT
     * @throws IllegalArgumentException when {@code callsPerHour} does not have 24 values
     */
    public QueueLoad {
      Objects.requireNonNull(queue, "queue");
      if (callsPerHour.length != 24) {
        throw new IllegalArgumentException("callsPerHour needs 24 values, had " + callsPerHour.length);
      }
      callsPerHour = callsPerHour.clone();
    }

    /**
     * The arrival rate for each hour of the day.
     *
     * @return a copy of the 24 rates
     */
    @Override
    public double[] callsPerHour() {
      return callsPerHour.clone();
    }
  }

  /** A pause within a shift. */
  public record Pause(LocalTime start, Duration length, String reason) {}

  /** One agent's working day: device, name, queues, shift and pauses. */
  public record AgentShift(String memberInterface, String name, List<String> queues, LocalTime start,
      LocalTime end, List<Pause> pauses) {
    /**
     * Copies the lists.
     *
     * @param memberInterface the device the agent logs in with
     * @param name the agent's name (the queue member name)
     * @param queues the queues the agent serves
     * @param start when the shift starts
     * @param end when the shift ends
     * @param pauses the pauses within the shift
     */
    public AgentShift {
      queues = List.copyOf(queues);
      pauses = List.copyOf(pauses);
    }
  }

  /**
   * A plausible day for a small centre: two queues (sales, support) with morning and afternoon peaks,
   * {@code agents} agents on two overlapping shifts, each with a lunch break and two short breaks; 5 % of the
   * answered calls end in a transfer.
   *
   * @param agents the number of agents
   * @param peakCallsPerHour calls per hour at the busiest hour, both queues together
   * @return the model
   */
  public static TrafficModel typicalDay(int agents, double peakCallsPerHour) {
    double[] sales = new double[24];
    double[] support = new double[24];
    double[] shape = {0, 0, 0, 0, 0, 0, 0, 0.05, 0.3, 0.8, 1.0, 0.9, 0.6, 0.7, 0.9, 0.8, 0.6, 0.4, 0.15, 0.05, 0,
        0, 0, 0};
    for (int h = 0; h < 24; h++) {
      sales[h] = shape[h] * peakCallsPerHour * 0.6;
      support[h] = shape[h] * peakCallsPerHour * 0.4;
    }
    List<QueueLoad> queues = List.of(
        new QueueLoad("6000", QueueEngine.Strategy.RRMEMORY, sales, Duration.ofSeconds(150), Duration.ofSeconds(90),
            Duration.ofSeconds(300)),
        new QueueLoad("6001", QueueEngine.Strategy.LEASTRECENT, support, Duration.ofSeconds(240),
            Duration.ofSeconds(120), Duration.ofSeconds(300)));
    List<AgentShift> shifts = new java.util.ArrayList<>();
    for (int i = 0; i < agents; i++) {
      boolean early = i % 2 == 0;
      LocalTime start = early ? LocalTime.of(8, 0) : LocalTime.of(11, 0);
      LocalTime end = early ? LocalTime.of(17, 0) : LocalTime.of(20, 0);
      List<String> qs = i % 3 == 0 ? List.of("6000", "6001") : i % 3 == 1 ? List.of("6000") : List.of("6001");
      int stagger = (i * 7) % 40;
      List<Pause> pauses = List.of(
          new Pause(start.plusHours(2).plusMinutes(stagger), Duration.ofMinutes(10), "break"),
          new Pause(start.plusHours(4).plusMinutes(stagger), Duration.ofMinutes(45), "lunch"),
          new Pause(start.plusHours(7).plusMinutes(stagger), Duration.ofMinutes(10), "break"));
      shifts.add(new AgentShift("PJSIP/" + (501 + i), "Operator " + (501 + i), qs, start, end, pauses));
    }
    return new TrafficModel(queues, shifts, Duration.ofSeconds(15), 0.85, 0.4, 0.05);
  }
}
