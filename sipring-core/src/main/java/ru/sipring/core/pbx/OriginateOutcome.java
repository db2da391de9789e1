package ru.sipring.core.pbx;

/** How an originated call ended up; maps Asterisk's originate Reason codes (4 answered, 5 busy, 3 no answer, 8 congestion, other failed). */
public enum OriginateOutcome {
  ANSWERED,
  BUSY,
  NO_ANSWER,
  CONGESTION,
  FAILED
}
