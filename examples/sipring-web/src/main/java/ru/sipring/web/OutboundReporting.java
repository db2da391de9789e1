package ru.sipring.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.billing.BillingRounding;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.campaign.report.OutboundReport;
import ru.sipring.campaign.report.OutboundReports;
import ru.sipring.campaign.tariff.TariffBook;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.core.BadInputException;
import ru.sipring.spring.SipRingProperties;

/**
 * The billing screens' and API's one way to ask the library for an outbound report: the request's period, zone,
 * part of the hierarchy, operator and rate table turned into {@link OutboundReports#build} (the report and its
 * costs are the library's; a stored rate table is read by {@link TariffBook}). Thread-safe.
 */
@Component
class OutboundReporting {
  private final CampaignStore store;
  private final TariffRepository tariffs;
  private final SipRingProperties props;
  private final Clock clock;

  OutboundReporting(CampaignStore store, TariffRepository tariffs, SipRingProperties props,
      ObjectProvider<Clock> clocks) {
    this.store = store;
    this.tariffs = tariffs;
    this.props = props;
    this.clock = clocks.getIfAvailable(Clock::systemUTC);
  }

  /** A request as the page's form and the API's query send it. */
  record Query(Instant from, Instant to, ZoneId zone, OutboundReports.Filter filter, @Nullable String tariff) {}

  CampaignStore store() {
    return store;
  }

  TariffRepository tariffs() {
    return tariffs;
  }

  ZoneId defaultZone() {
    return props.zoneOrDefault();
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Reads the request. Times take the forms of {@code sipring report} ({@code 2026-03-02}, {@code 2026-03-02T09:00});
   * a date alone as {@code to} means the end of that day. No {@code from}: the first day of this month; no
   * {@code to}: the end of today.
   */
  Query query(@Nullable String from, @Nullable String to, @Nullable String zone, @Nullable String project,
      @Nullable String task, @Nullable String assignment, @Nullable String operator, @Nullable String tariff) {
    ZoneId z = ReportRequests.zone(zone, props.zoneOrDefault());
    Instant f = from == null || from.isBlank() ? LocalDate.now(clock.withZone(z)).withDayOfMonth(1).atStartOfDay(z).toInstant()
        : ReportRequests.time("from", from, z, false);
    Instant t = to == null || to.isBlank() ? LocalDate.now(clock.withZone(z)).plusDays(1).atStartOfDay(z).toInstant()
        : ReportRequests.time("to", to, z, true);
    if (!t.isAfter(f)) {
      throw new BadInputException("to", "the period ends before it starts");
    }
    String op = operator == null || operator.isBlank() ? null : operator.trim();
    String tt = tariff == null || tariff.isBlank() ? null : tariff.trim();
    return new Query(f, t, z, new OutboundReports.Filter(id("project", project), id("task", task),
        id("assignment", assignment), op), tt);
  }

  /** The report; without a rate table named, the first stored table rates the calls (none: calls unrated). */
  OutboundReport report(Query q) {
    return new OutboundReports(store, clock).build(q.from(), q.to(), q.zone(), table(q.tariff()), q.filter());
  }

  @Nullable TariffTable table(@Nullable String name) {
    if (name != null) {
      return TariffBook.load(tariffs, name, BillingRounding.RELATIVE);
    }
    List<String> all = tariffs.tables();
    return all.isEmpty() ? null : TariffBook.load(tariffs, all.get(0), BillingRounding.RELATIVE);
  }

  static String day(Instant i, ZoneId z) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(i.atZone(z));
  }

  private static @Nullable Long id(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BadInputException(name, "'" + value + "' is not an id");
    }
  }
}
