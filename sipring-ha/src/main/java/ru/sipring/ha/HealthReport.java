package ru.sipring.ha;

import java.util.Comparator;
import java.util.List;

/**
 * The verdict and the reasons behind it, worst first. Immutable; thread-safe.
 *
 * @param verdict OK / DEGRADED / CRITICAL
 * @param reasons findings, worst first (INFO findings included; they never change the verdict)
 */
public record HealthReport(Verdict verdict, List<HealthReason> reasons) {

  /**
   * Checks the components.
   *
   * @param verdict OK / DEGRADED / CRITICAL
   * @param reasons findings, worst first (INFO findings included; they never change the verdict)
   */
  public HealthReport {
    reasons = reasons.stream()
        .sorted(Comparator.comparing((HealthReason r) -> r.severity()).reversed())
        .toList();
  }

  /**
   * The verdict the reasons add up to.
   *
   * @param reasons the reasons
   * @return the verdict the reasons add up to
   */
  public static HealthReport of(List<HealthReason> reasons) {
    HealthReason.Severity worst = reasons.stream().map(HealthReason::severity)
        .max(Comparator.naturalOrder()).orElse(HealthReason.Severity.INFO);
    Verdict v = switch (worst) {
      case CRITICAL -> Verdict.CRITICAL;
      case WARNING -> Verdict.DEGRADED;
      case INFO -> Verdict.OK;
    };
    return new HealthReport(v, reasons);
  }
}
