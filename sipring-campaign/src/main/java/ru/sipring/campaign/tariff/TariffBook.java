package ru.sipring.campaign.tariff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.billing.BillingRounding;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.core.NotFoundException;

/**
 * Turns the versions of a stored rate table into one {@link TariffTable} that rates a call by its start: the version
 * in force at the start is the one with the latest {@code validFrom} not after it (of two with the same date, the
 * later version), and within it the rate of the longest prefix in force then. Each rate's validity is clipped to
 * its version's period, so the table that billing ({@code TariffTable.rate}) and the outbound reports
 * ({@code OutboundReports.build(..., tariffs, ...)}) already take needs no change: a prefix a later version dropped
 * is simply not in force after that version's date. Thread-safe (static functions).
 */
public final class TariffBook {
  private TariffBook() {}

  /**
   * The rating table of a stored rate table.
   *
   * @param repository the store
   * @param table the table's name
   * @param rounding how billed seconds are rounded
   * @return the table rating every call by the version in force at its start
   * @throws NotFoundException when there is no such rate table
   */
  public static TariffTable load(TariffRepository repository, String table, BillingRounding rounding) {
    List<RateVersion> versions = repository.versions(table);
    if (versions.isEmpty()) {
      throw new NotFoundException("no rate table named " + table);
    }
    return of(versions, rounding);
  }

  /**
   * The rating table of some versions.
   *
   * @param versions the versions of one rate table
   * @param rounding how billed seconds are rounded
   * @return the combined table
   */
  public static TariffTable of(List<RateVersion> versions, BillingRounding rounding) {
    List<RateVersion> ordered = new ArrayList<>(versions);
    ordered.sort(Comparator.comparing(RateVersion::validFrom).thenComparingInt(RateVersion::version));
    List<Tariff> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      RateVersion v = ordered.get(i);
      @Nullable Instant end = i + 1 < ordered.size() ? ordered.get(i + 1).validFrom() : null;
      if (end != null && !end.isAfter(v.validFrom())) {
        continue; // replaced by a later version with the same date
      }
      // two rates of one prefix clipped to the same start: the one TariffTable would pick then (newest valid_from)
      Map<String, Tariff> byStart = new LinkedHashMap<>();
      for (Tariff t : v.rates()) {
        Instant from = later(t.validFrom(), v.validFrom());
        @Nullable Instant to = earlier(t.validTo(), end);
        if (to != null && !to.isAfter(from)) {
          continue;
        }
        Tariff clipped = t.withValidity(from, to);
        String key = t.prefix() + "@" + from;
        Tariff before = byStart.get(key);
        if (before == null || start(t).isAfter(start(before))) {
          byStart.put(key, clipped);
        }
      }
      out.addAll(byStart.values());
    }
    return TariffTable.of(out, rounding);
  }

  private static Instant start(Tariff t) {
    return t.validFrom() == null ? Instant.MIN : t.validFrom();
  }

  private static Instant later(@Nullable Instant a, Instant b) {
    return a == null || a.isBefore(b) ? b : a;
  }

  private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
