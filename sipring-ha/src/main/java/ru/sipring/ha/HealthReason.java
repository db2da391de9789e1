package ru.sipring.ha;

/**
 * One finding of the health check. Immutable; thread-safe.
 *
 * @param severity how bad
 * @param subject the thing to look at: {@code node node2}, {@code resource asterisk}, {@code drbd r0},
 *     {@code cluster}
 * @param message what is wrong and, when there is one, what to do
 */
public record HealthReason(Severity severity, String subject, String message) {

  /** Severity of a finding. */
  public enum Severity {
    /** Worth knowing; does not change the verdict. */
    INFO,
    /** Makes the verdict DEGRADED. */
    WARNING,
    /** Makes the verdict CRITICAL. */
    CRITICAL
  }

  static HealthReason critical(String subject, String message) {
    return new HealthReason(Severity.CRITICAL, subject, message);
  }

  static HealthReason warning(String subject, String message) {
    return new HealthReason(Severity.WARNING, subject, message);
  }

  static HealthReason info(String subject, String message) {
    return new HealthReason(Severity.INFO, subject, message);
  }
}
