package ru.sipring.campaign.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reference definition of a call's cost (research/outbound.md §3.5), in {@link BigDecimal} with one
 * rounding at the end. {@link TariffTable} computes the same value in exact integer arithmetic; a property test
 * checks that both agree. Stateless and thread-safe.
 */
public final class CostFormula {
  /** Costs are in roubles and kopecks. */
  public static final int SCALE = 2;
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  private CostFormula() {}

  /**
   * {@code cost(d) = 0} when not answered or {@code d ≤ F}; otherwise
   * {@code max(M, round(C + R · billed(d) / 60))}, rounded HALF_UP to kopecks once.
   *
   * @param t the tariff
   * @param billsec answered seconds
   * @param answered whether the call was answered
   * @param rounding how billed seconds are rounded to the tariff's blocks
   * @return the cost in roubles, scale 2
   * @throws IllegalArgumentException when {@code billsec} is negative
   */
  public static BigDecimal cost(Tariff t, long billsec, boolean answered, BillingRounding rounding) {
    if (billsec < 0) {
      throw new IllegalArgumentException("billsec must not be negative, was " + billsec);
    }
    if (!answered || billsec == 0 || billsec <= t.freeSeconds()) {
      return BigDecimal.ZERO.setScale(SCALE);
    }
    long billed = rounding.billed(billsec, t.initialBlock(), t.billingBlock());
    // (C·60 + R·billed) / 60 is exact until this one division, which rounds HALF_UP to kopecks.
    BigDecimal rounded = t.connectCharge().multiply(SIXTY)
        .add(t.pricePerMinute().multiply(BigDecimal.valueOf(billed)))
        .divide(SIXTY, SCALE, RoundingMode.HALF_UP);
    return rounded.max(t.minimalCost().setScale(SCALE));
  }

  /**
   * Billed seconds as {@link #cost} counts them.
   *
   * @param t the tariff
   * @param billsec answered seconds
   * @param answered whether the call was answered
   * @param rounding how billed seconds are rounded to the tariff's blocks
   * @return the seconds billed; 0 when unanswered or within the free seconds
   */
  public static long billedSeconds(Tariff t, long billsec, boolean answered, BillingRounding rounding) {
    if (!answered || billsec <= 0 || billsec <= t.freeSeconds()) {
      return 0;
    }
    return rounding.billed(billsec, t.initialBlock(), t.billingBlock());
  }
}
