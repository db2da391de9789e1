package ru.sipring.core.inbound.partial;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One agent's figures in a partial. An agent the directory resolved to an operator ({@code operator} true) is keyed
 * by that operator's number and name, so the same person on several PBXs is one row; any other agent is keyed by
 * (source, queue_log agent value), so {@code SIP/501} of two PBXs stays two rows.
 *
 * @param source the source id for a raw agent; "" for an operator
 * @param agent the queue_log agent value (for an operator: the smallest of the values seen, after a merge)
 * @param number the operator number, or the extension taken from the agent value
 * @param name the operator name, or ""
 * @param operator whether the directory resolved the agent to an operator
 * @param answered answered stints
 * @param missedOffers RINGNOANSWER lines
 * @param waitSeconds total wait of the answered stints
 * @param talkSeconds total talk of the answered stints
 * @param endedByCaller answered stints ended by the caller
 * @param endedByAgent answered stints ended by the agent
 * @param transferred answered stints ended by a transfer
 * @param loggedInSeconds logged-in time in the window
 * @param pausedSeconds paused time in the window
 * @param pausedSecondsByReason paused time per reason ("" = no reason)
 */
public record PartialAgent(String source, String agent, String number, String name, boolean operator,
    long answered, long missedOffers, long waitSeconds, long talkSeconds, long endedByCaller, long endedByAgent,
    long transferred, long loggedInSeconds, long pausedSeconds, Map<String, Long> pausedSecondsByReason) {

  /**
   * Checks the figures and copies the pause map.
   *
   * @param source the source id for a raw agent; "" for an operator
   * @param agent the queue_log agent value (for an operator: the smallest of the values seen, after a merge)
   * @param number the operator number, or the extension taken from the agent value
   * @param name the operator name, or ""
   * @param operator whether the directory resolved the agent to an operator
   * @param answered answered stints
   * @param missedOffers RINGNOANSWER lines
   * @param waitSeconds total wait of the answered stints
   * @param talkSeconds total talk of the answered stints
   * @param endedByCaller answered stints ended by the caller
   * @param endedByAgent answered stints ended by the agent
   * @param transferred answered stints ended by a transfer
   * @param loggedInSeconds logged-in time in the window
   * @param pausedSeconds paused time in the window
   * @param pausedSecondsByReason paused time per reason ("" = no reason)
   * @throws IllegalArgumentException when a figure is negative or an operator row names a source
   */
  public PartialAgent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
    if (operator && !source.isEmpty()) {
      throw new IllegalArgumentException("an operator row has no source: '" + source + "'");
    }
    for (long v : new long[] {answered, missedOffers, waitSeconds, talkSeconds, endedByCaller, endedByAgent,
        transferred, loggedInSeconds, pausedSeconds}) {
      if (v < 0) {
        throw new IllegalArgumentException("agent figures must not be negative: " + v);
      }
    }
    pausedSecondsByReason = Map.copyOf(pausedSecondsByReason);
    for (Long v : pausedSecondsByReason.values()) {
      if (v < 0) {
        throw new IllegalArgumentException("paused seconds must not be negative: " + v);
      }
    }
  }

  /**
   * The merge key: ("o", number, name) for an operator, ("s", source, agent) otherwise.
   *
   * @return the key; rows with equal keys are added up when partials merge
   */
  public String key() {
    return operator ? "o\u0000" + number + "\u0000" + name : "s\u0000" + source + "\u0000" + agent;
  }

  PartialAgent plus(PartialAgent o) {
    TreeMap<String, Long> reasons = new TreeMap<>(pausedSecondsByReason);
    o.pausedSecondsByReason.forEach((k, v) -> reasons.merge(k, v, Math::addExact));
    String a = agent.compareTo(o.agent) <= 0 ? agent : o.agent;
    return new PartialAgent(source, a, number, name, operator, Math.addExact(answered, o.answered),
        Math.addExact(missedOffers, o.missedOffers), Math.addExact(waitSeconds, o.waitSeconds),
        Math.addExact(talkSeconds, o.talkSeconds), Math.addExact(endedByCaller, o.endedByCaller),
        Math.addExact(endedByAgent, o.endedByAgent), Math.addExact(transferred, o.transferred),
        Math.addExact(loggedInSeconds, o.loggedInSeconds), Math.addExact(pausedSeconds, o.pausedSeconds), reasons);
  }
}
