package ru.sipring.core.report;

/** Who ended an answered call: COMPLETECALLER → CALLER, COMPLETEAGENT → AGENT, any transfer event → TRANSFER. */
public enum EndedBy {
  /** The caller hung up (COMPLETECALLER). */
  CALLER,
  /** The operator hung up (COMPLETEAGENT). */
  AGENT,
  /** The call was transferred (BLINDTRANSFER, ATTENDEDTRANSFER). */
  TRANSFER
}
