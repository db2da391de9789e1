package ru.sipring.core.report;

import java.util.Map;

/**
 * Section 8, per agent: answered stints, missed offers (RINGNOANSWER), calls ended by the caller, logged-in
 * time (sessions from ADDMEMBER/REMOVEMEMBER and AGENTLOGIN/AGENTLOGOFF, cut at the window), paused time per
 * reason ("" for no reason), work time = logged-in − paused, and calls per hour = answered / work hours.
 */
public record AgentAnalytics(String agent, String number, String name, long answered, long missedOffers,
    long endedByCaller, long talkSeconds, long loggedInSeconds, Map<String, Long> pausedSecondsByReason,
    long pausedSeconds) {
  /**
   * Copies the pause map.
   *
   * @param agent the agent column value
   * @param number the operator's number from the directory, or the number read from the agent value
   * @param name the operator's name, "" when unknown
   * @param answered answered stints
   * @param missedOffers offers the agent did not answer (RINGNOANSWER)
   * @param endedByCaller answered calls the caller ended
   * @param talkSeconds talk time in seconds
   * @param loggedInSeconds logged-in time in seconds, the union over the agent's queues
   * @param pausedSecondsByReason paused seconds per reason ("" = no reason)
   * @param pausedSeconds paused seconds in all
   */
  public AgentAnalytics {
    pausedSecondsByReason = Map.copyOf(pausedSecondsByReason);
  }

  /**
   * Logged-in time minus paused time, never negative.
   *
   * @return the work time in seconds
   */
  public long workSeconds() {
    return Math.max(0, loggedInSeconds - pausedSeconds);
  }

  /**
   * answered per hour of work time; 0 when there was no work time.
   *
   * @return calls per hour of work time
   */
  public double callsPerHour() {
    long work = workSeconds();
    return work == 0 ? 0 : answered * 3600.0 / work;
  }
}
