package ru.sipring.campaign.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import ru.sipring.core.text.PhoneNumber;

/**
 * A rate table: finds the tariff of a dialled number by longest prefix match among the tariffs in force at the
 * call's start, and prices the call (research/outbound.md §3.5).
 *
 * <p>The prefixes live in a digit trie stored in flat int arrays, and prices are pre-scaled to integers, so
 * {@link #lookup} and {@link #costCents} allocate nothing; the result equals {@link CostFormula} exactly
 * (one HALF_UP rounding of an exact rational). Among tariffs with the same prefix in force at the same time the
 * one with the latest {@code validFrom} wins.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class TariffTable {
  private static final int MAX_SCALE = 12;

  private final BillingRounding rounding;
  private final Tariff[] tariffs;
  private final int[] child; // node * 10 + digit -> child node, 0 = none (the root is never a child)
  private final int[] first; // node -> first tariff index of its group, -1 = none
  private final int[] count; // node -> tariffs in its group
  private final long[] from;
  private final long[] to;
  private final long[] price; // R unscaled at `scale`
  private final long[] connect60; // C · 60 unscaled at `scale`
  private final long[] minCents;
  private final int[] initial;
  private final int[] block;
  private final int[] free;
  private final long divisor; // 60 · 10^(scale − 2)
  private final int size;

  private TariffTable(List<Tariff> input, BillingRounding rounding) {
    this.rounding = Objects.requireNonNull(rounding, "rounding");
    List<Tariff> sorted = new ArrayList<>(input);
    // grouped by prefix; inside a group the newest validFrom first, so the first one in force wins
    sorted.sort(Comparator.comparing(Tariff::prefix).thenComparing(
        (Tariff t) -> t.validFrom() == null ? Instant.MIN : t.validFrom(), Comparator.reverseOrder()));
    for (int i = 1; i < sorted.size(); i++) {
      Tariff a = sorted.get(i - 1);
      Tariff b = sorted.get(i);
      if (a.prefix().equals(b.prefix()) && Objects.equals(a.validFrom(), b.validFrom())) {
        throw new IllegalArgumentException("prefix " + a.prefix() + " appears twice with the same valid_from");
      }
    }
    tariffs = sorted.toArray(new Tariff[0]);
    size = tariffs.length;
    int scale = 2;
    for (Tariff t : tariffs) {
      scale = Math.max(scale, t.pricePerMinute().stripTrailingZeros().scale());
      scale = Math.max(scale, t.connectCharge().stripTrailingZeros().scale());
    }
    if (scale > MAX_SCALE) {
      throw new IllegalArgumentException("prices with more than " + MAX_SCALE + " decimals are not supported");
    }
    divisor = 60L * BigDecimal.TEN.pow(scale - 2).longValueExact();
    int n = tariffs.length;
    from = new long[n];
    to = new long[n];
    price = new long[n];
    connect60 = new long[n];
    minCents = new long[n];
    initial = new int[n];
    block = new int[n];
    free = new int[n];
    int nodes = 1;
    for (Tariff t : tariffs) {
      nodes += t.prefix().length();
    }
    int[] ch = new int[nodes * 10];
    int[] fi = new int[nodes];
    int[] co = new int[nodes];
    Arrays.fill(fi, -1);
    int used = 1;
    for (int i = 0; i < n; i++) {
      Tariff t = tariffs[i];
      from[i] = t.validFrom() == null ? Long.MIN_VALUE : t.validFrom().getEpochSecond();
      to[i] = t.validTo() == null ? Long.MAX_VALUE : t.validTo().getEpochSecond();
      price[i] = t.pricePerMinute().setScale(scale).unscaledValue().longValueExact();
      connect60[i] = Math.multiplyExact(t.connectCharge().setScale(scale).unscaledValue().longValueExact(), 60L);
      minCents[i] = t.minimalCost().setScale(2).unscaledValue().longValueExact();
      initial[i] = t.initialBlock();
      block[i] = t.billingBlock();
      free[i] = t.freeSeconds();
      int node = 0;
      String p = t.prefix();
      for (int k = 0; k < p.length(); k++) {
        int slot = node * 10 + (p.charAt(k) - '0');
        if (ch[slot] == 0) {
          ch[slot] = used++;
        }
        node = ch[slot];
      }
      if (fi[node] < 0) {
        fi[node] = i;
      }
      co[node]++;
    }
    child = Arrays.copyOf(ch, used * 10);
    first = Arrays.copyOf(fi, used);
    count = Arrays.copyOf(co, used);
  }

  /**
   * A table with the default (relative) rounding.
   *
   * @param tariffs the tariffs; several may share a prefix with different validity periods
   * @return the table
   * @throws IllegalArgumentException when the prices do not fit the table's fixed-point precision
   */
  public static TariffTable of(List<Tariff> tariffs) {
    return of(tariffs, BillingRounding.RELATIVE);
  }

  /**
   * A table with the given rounding of billed seconds.
   *
   * @param tariffs the tariffs; several may share a prefix with different validity periods
   * @param rounding how billed seconds are rounded to the tariff's blocks
   * @return the table
   * @throws IllegalArgumentException when the prices do not fit the table's fixed-point precision
   */
  public static TariffTable of(List<Tariff> tariffs, BillingRounding rounding) {
    try {
      return new TariffTable(tariffs, rounding);
    } catch (ArithmeticException e) {
      // prices are pre-scaled to longs at the table's finest decimal: many decimals times a large price overflow
      throw new IllegalArgumentException("the prices do not fit the table's precision: use fewer decimals or "
          + "smaller prices", e);
    }
  }

  /**
   * How many tariffs the table holds.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * How billed seconds are rounded.
   *
   * @return the rounding
   */
  public BillingRounding rounding() {
    return rounding;
  }

  /**
   * The tariffs, in the table's internal order (by prefix, newest validity first).
   *
   * @return an unmodifiable copy
   */
  public List<Tariff> tariffs() {
    return List.of(tariffs);
  }

  /**
   * The tariff at an index {@link #lookup} returned.
   *
   * @param index from {@link #lookup}
   * @return the tariff
   * @throws ArrayIndexOutOfBoundsException when the index is not one of the table's
   */
  public Tariff tariff(int index) {
    return tariffs[index];
  }

  /**
   * The index of the tariff for a normalised number (digits; a non-digit ends the match) in force at
   * {@code epochSecond}, or -1 when none matches. Allocation-free.
   *
   * @param digits the number's digits, longest prefix wins
   * @param epochSecond the call's start
   * @return the tariff's index for {@link #tariff}, {@link #costCents}; -1 when no tariff matches
   */
  public int lookup(CharSequence digits, long epochSecond) {
    int node = 0;
    int best = -1;
    for (int k = 0, len = digits.length(); k < len; k++) {
      int d = digits.charAt(k) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      node = child[node * 10 + d];
      if (node == 0) {
        break;
      }
      int f = first[node];
      if (f >= 0) {
        for (int i = f, end = f + count[node]; i < end; i++) {
          if (epochSecond >= from[i] && epochSecond < to[i]) {
            best = i;
            break;
          }
        }
      }
    }
    return best;
  }

  /**
   * Billed seconds of a call priced by tariff {@code index}.
   *
   * @param index from {@link #lookup}
   * @param billsec answered seconds
   * @param answered whether the call was answered
   * @return the seconds billed; 0 when unanswered or within the free seconds
   */
  public long billedSeconds(int index, long billsec, boolean answered) {
    if (!answered || billsec <= 0 || billsec <= free[index]) {
      return 0;
    }
    return rounding.billed(billsec, initial[index], block[index]);
  }

  /**
   * The cost in kopecks of a call priced by tariff {@code index}, equal to {@link CostFormula#cost}.
   * Allocation-free unless a product overflows a long, when it falls back to {@link CostFormula}.
   *
   * @param index from {@link #lookup}
   * @param billsec answered seconds
   * @param answered whether the call was answered
   * @return the cost in kopecks, rounded once (HALF_UP)
   * @throws IllegalArgumentException when {@code billsec} is negative
   */
  public long costCents(int index, long billsec, boolean answered) {
    if (billsec < 0) {
      throw new IllegalArgumentException("billsec must not be negative, was " + billsec);
    }
    long billed = billedSeconds(index, billsec, answered);
    if (billed == 0) {
      return 0;
    }
    long num;
    try {
      num = Math.addExact(connect60[index], Math.multiplyExact(price[index], billed));
    } catch (ArithmeticException overflow) {
      return CostFormula.cost(tariffs[index], billsec, answered, rounding).unscaledValue().longValueExact();
    }
    long q = num / divisor;
    long r = num - q * divisor;
    if (2 * r >= divisor) {
      q++;
    }
    return Math.max(q, minCents[index]);
  }

  /**
   * Rates a call: normalises the number ({@link ru.sipring.core.text.PhoneNumber#normalize}), matches the tariff
   * in force at {@code start} and prices {@code billsec} answered seconds.
   *
   * @param number the number called, as written
   * @param start when the call started
   * @param billsec answered seconds
   * @param answered whether the call was answered
   * @return the rating; unrated when no tariff matches
   * @throws IllegalArgumentException when {@code billsec} is negative
   */
  public Rating rate(String number, Instant start, long billsec, boolean answered) {
    if (billsec < 0) {
      throw new IllegalArgumentException("billsec must not be negative, was " + billsec);
    }
    int i = lookup(PhoneNumber.normalize(number), start.getEpochSecond());
    if (i < 0) {
      return new Rating(null, answered ? billsec : 0, null);
    }
    return new Rating(tariffs[i], billedSeconds(i, billsec, answered),
        BigDecimal.valueOf(costCents(i, billsec, answered), CostFormula.SCALE));
  }
}
