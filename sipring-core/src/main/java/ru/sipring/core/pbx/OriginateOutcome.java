package ru.sipring.core.pbx;

/** How an originated call ended up; maps Asterisk's originate Reason codes (4 answered, 5 busy, 3 no answer, 8 congestion, other failed). */
public enum OriginateOutcome {
  /** The called party answered (Asterisk reason 4). */
  ANSWERED,
  /** The called party was busy (reason 5). */
  BUSY,
  /** Nobody answered within the timeout (reason 3). */
  NO_ANSWER,
  /** The network was congested (reason 8). */
  CONGESTION,
  /** Any other failure: no such channel, the PBX refused, the link broke. */
  FAILED
}
