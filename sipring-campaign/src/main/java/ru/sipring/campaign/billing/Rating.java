package ru.sipring.campaign.billing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The price of one call. An unrated call (no tariff matched) has a null {@link #tariff()} and a null
 * {@link #cost()} — never a zero cost, so that totals can tell "free" from "unknown".
 *
 * @param tariff the tariff used, null when unrated
 * @param billedSeconds seconds billed by the tariff; for an unrated call the answered seconds as given
 * @param cost scale 2, null when unrated
 */
public record Rating(@Nullable Tariff tariff, long billedSeconds, @Nullable BigDecimal cost) {

  /**
   * Whether a tariff matched.
   *
   * @return true when rated
   */
  public boolean rated() {
    return tariff != null;
  }

  /**
   * The prefix of the tariff used.
   *
   * @return the prefix, or null when unrated
   */
  public @Nullable String prefix() {
    return tariff == null ? null : tariff.prefix();
  }
}
