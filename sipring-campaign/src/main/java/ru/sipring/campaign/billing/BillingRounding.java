package ru.sipring.campaign.billing;

/**
 * How seconds beyond the initial block are rounded (research/outbound.md §3.5).
 *
 * <ul>
 *   <li>{@link #RELATIVE} (default): {@code I + ceil((d − I) / B) · B} — the carrier "60/1", "30/6" notation.
 *   <li>{@link #A2BILLING_ABSOLUTE}: {@code max(d, I)} rounded up to a multiple of B, as A2Billing's rate
 *       engine does. Both agree whenever {@code I % B == 0}.
 * </ul>
 */
public enum BillingRounding {
  /**
   * {@code I + ceil((d − I) / B) · B}, the carrier notation (default).
   */
  RELATIVE,
  /**
   * {@code max(d, I)} rounded up to a multiple of B, as A2Billing does.
   */
  A2BILLING_ABSOLUTE;

  /**
   * Billed seconds for {@code d} answered seconds.
   *
   * @param d answered seconds
   * @param initialBlock I, seconds billed at least
   * @param billingBlock B, the increment, at least 1
   * @return the billed seconds; 0 when {@code d <= 0}
   */
  public long billed(long d, int initialBlock, int billingBlock) {
    if (d <= 0) {
      return 0;
    }
    if (d <= initialBlock) {
      return initialBlock;
    }
    if (this == RELATIVE) {
      long over = d - initialBlock;
      return initialBlock + (over + billingBlock - 1) / billingBlock * billingBlock;
    }
    long rem = d % billingBlock;
    return rem == 0 ? d : d + billingBlock - rem;
  }
}
