package ru.sipring.ha;

/** Overall health of the cluster: the worst {@link HealthReason.Severity} found decides it. Immutable (thread-safe). */
public enum Verdict {
  /** Everything runs where it should, with a failover target and nothing needing attention. */
  OK,
  /** Services run, but something needs attention or redundancy is reduced. */
  DEGRADED,
  /** A service is down or at risk now (no quorum, failed or stopped resource, split brain, unclean node). */
  CRITICAL
}
