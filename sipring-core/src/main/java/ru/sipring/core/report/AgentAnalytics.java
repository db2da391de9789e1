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
  public AgentAnalytics {
    pausedSecondsByReason = Map.copyOf(pausedSecondsByReason);
  }

  public long workSeconds() {
    return Math.max(0, loggedInSeconds - pausedSeconds);
  }

  /** answered per hour of work time; 0 when there was no work time. */
  public double callsPerHour() {
    long work = workSeconds();
    return work == 0 ? 0 : answered * 3600.0 / work;
  }
}
