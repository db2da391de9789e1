package ru.sipring.campaign.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rate-table row: the price of calls whose normalised number starts with {@code prefix}, effective in
 * {@code [validFrom, validTo)} (null = unbounded). Immutable and thread-safe.
 *
 * @param prefix digits only; the longest matching prefix wins
 * @param name the destination's name ("Moscow mobile")
 * @param pricePerMinute R, the price of 60 billed seconds
 * @param initialBlock I, seconds billed at least once the call is answered (0 = none)
 * @param billingBlock B, the increment after the initial block, at least 1 second
 * @param connectCharge C, added once to every answered call above the free threshold
 * @param freeSeconds F, answered calls of at most this many seconds cost nothing
 * @param minimalCost M, the floor of a charged call's cost, at most 2 decimals
 */
public record Tariff(String prefix, String name, BigDecimal pricePerMinute, int initialBlock, int billingBlock,
    BigDecimal connectCharge, int freeSeconds, BigDecimal minimalCost, @Nullable Instant validFrom,
    @Nullable Instant validTo) {
  /** The largest price, connect charge or minimal cost a tariff may have: far above any real rate. */
  public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

  /**
   * Checks the row.
   *
   *     a block or the free seconds are out of range, the minimal cost has more than 2 decimals, or the validity
   *     ends before it starts
   *
   * @param prefix digits only; the longest matching prefix wins
   * @param name the destination's name ("Moscow mobile")
   * @param pricePerMinute R, the price of 60 billed seconds
   * @param initialBlock I, seconds billed at least once the call is answered (0 = none)
   * @param billingBlock B, the increment after the initial block, at least 1 second
   * @param connectCharge C, added once to every answered call above the free threshold
   * @param freeSeconds F, answered calls of at most this many seconds cost nothing
   * @param minimalCost M, the floor of a charged call's cost, at most 2 decimals
   * @param validFrom the first instant in force; null for always before
   * @param validTo the first instant no longer in force; null for never ending
   * @throws IllegalArgumentException when the prefix is not digits, a price is negative or above {@link #MAX_PRICE},
   */
  public Tariff {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pricePerMinute, "pricePerMinute");
    Objects.requireNonNull(connectCharge, "connectCharge");
    Objects.requireNonNull(minimalCost, "minimalCost");
    if (prefix.isEmpty() || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("prefix must be digits, was '" + prefix + "'");
    }
    if (pricePerMinute.signum() < 0 || connectCharge.signum() < 0 || minimalCost.signum() < 0) {
      throw new IllegalArgumentException("prices must not be negative: " + prefix);
    }
    if (pricePerMinute.compareTo(MAX_PRICE) > 0 || connectCharge.compareTo(MAX_PRICE) > 0
        || minimalCost.compareTo(MAX_PRICE) > 0) {
      throw new IllegalArgumentException("prices must not be more than " + MAX_PRICE + ": " + prefix);
    }
    if (initialBlock < 0 || billingBlock < 1 || freeSeconds < 0) {
      throw new IllegalArgumentException(
          "initial_block >= 0, billing_block >= 1, free_seconds >= 0 required: " + prefix);
    }
    if (minimalCost.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("minimal_cost has more than 2 decimals: " + minimalCost);
    }
    if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
      throw new IllegalArgumentException("valid_to must be after valid_from: " + prefix);
    }
  }

  /**
   * A tariff with the defaults of the CSV format: per-second (0/1), no charges, always valid.
   *
   * @param prefix digits only
   * @param name the destination's name
   * @param pricePerMinute the price of 60 billed seconds
   * @param initialBlock seconds billed at least once answered
   * @param billingBlock the increment after the initial block
   * @return the tariff
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static Tariff of(String prefix, String name, BigDecimal pricePerMinute, int initialBlock,
      int billingBlock) {
    return new Tariff(prefix, name, pricePerMinute, initialBlock, billingBlock, BigDecimal.ZERO, 0,
        BigDecimal.ZERO, null, null);
  }

  /**
   * Whether the tariff is in force at {@code at}.
   *
   * @param at the call's start
   * @return true inside {@code [validFrom, validTo)}
   */
  public boolean validAt(Instant at) {
    return (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
  }

  /**
   * This tariff with another connect charge.
   *
   * @param c the charge added once to a charged call
   * @return the copy
   */
  public Tariff withConnectCharge(BigDecimal c) {
    return new Tariff(prefix, name, pricePerMinute, initialBlock, billingBlock, c, freeSeconds, minimalCost,
        validFrom, validTo);
  }

  /**
   * This tariff with another free threshold.
   *
   * @param f answered calls of at most this many seconds cost nothing
   * @return the copy
   */
  public Tariff withFreeSeconds(int f) {
    return new Tariff(prefix, name, pricePerMinute, initialBlock, billingBlock, connectCharge, f, minimalCost,
        validFrom, validTo);
  }

  /**
   * This tariff with another minimal cost.
   *
   * @param m the floor of a charged call's cost
   * @return the copy
   */
  public Tariff withMinimalCost(BigDecimal m) {
    return new Tariff(prefix, name, pricePerMinute, initialBlock, billingBlock, connectCharge, freeSeconds, m,
        validFrom, validTo);
  }

  /**
   * This tariff in force in another period.
   *
   * @param from the first instant in force; null for always before
   * @param to the first instant no longer in force; null for never ending
   * @return the copy
   */
  public Tariff withValidity(@Nullable Instant from, @Nullable Instant to) {
    return new Tariff(prefix, name, pricePerMinute, initialBlock, billingBlock, connectCharge, freeSeconds,
        minimalCost, from, to);
  }
}
