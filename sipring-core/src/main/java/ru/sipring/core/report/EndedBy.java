package ru.sipring.core.report;

/** Who ended an answered call: COMPLETECALLER → CALLER, COMPLETEAGENT → AGENT, any transfer event → TRANSFER. */
public enum EndedBy {
  CALLER,
  AGENT,
  TRANSFER
}
