package ru.sipring.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ServiceLevel;

/**
 * Today's answered and lost calls and service level per queue, as a wallboard shows them beside the live state.
 * Every figure is the inbound report's ({@link InboundReports}, the same engine and options as
 * {@code sipring report} and the report page): the day is {@code [00:00, next 00:00)} of today in the report
 * zone, the queues are those with calls today (section 4), and each queue's figures come from the report
 * restricted to that queue — answered and lost from its summary, the service level from
 * {@link InboundReport#serviceLevelAt(Duration)} at the configured threshold (DESIGN.md §4: answered with wait
 * ≤ T / (answered + lost), Asterisk's answered with wait ≤ T / answered beside it). Nothing is computed here.
 *
 * <p>Each computation reads the whole queue_log once per queue plus once for the queue list (unless the reports'
 * cache still holds them for an unchanged log, {@link ReportCacheProperties}), so the result is kept for
 * {@code maxAge} (time from the injected clock) and a new day starts a new computation. A failed
 * computation (no queue_log configured, an unreadable file) is remembered as long, so a wallboard asking every
 * second does not retry every second. Thread-safe: one computation at a time; callers during it wait for it and
 * share its result.
 */
public final class QueueDayFigures {

  /**
   * One queue's figures for today.
   *
   * @param queue the queue as the queue_log names it
   * @param name the queue's name from the queue directory ({@code sipring.report.queues}), else the queue
   * @param answered calls answered today (per queue passage, DESIGN.md §4)
   * @param lost calls lost today
   * @param serviceLevel the service level at the threshold: answered within it and both percentages (0 when
   *     there were no calls)
   */
  public record QueueDay(String queue, String name, long answered, long lost, ServiceLevel.Threshold serviceLevel) {
    /**
     * Checks the required fields.
     *
     * @param queue the queue as the queue_log names it
     * @param name the queue's name
     * @param answered calls answered today
     * @param lost calls lost today
     * @param serviceLevel the service level at the threshold
     */
    public QueueDay {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(serviceLevel, "serviceLevel");
    }
  }

  /**
   * The figures of one computation.
   *
   * @param day today, in the report zone
   * @param zone the report zone
   * @param threshold the service-level threshold T
   * @param computedAt when they were computed (clock time)
   * @param queues one row per queue with calls today, in the report's queue order
   */
  public record Today(LocalDate day, ZoneId zone, Duration threshold, Instant computedAt, List<QueueDay> queues) {
    /**
     * Checks the required fields and copies the list.
     *
     * @param day today, in the report zone
     * @param zone the report zone
     * @param threshold the service-level threshold T
     * @param computedAt when they were computed
     * @param queues one row per queue with calls today
     */
    public Today {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(threshold, "threshold");
      Objects.requireNonNull(computedAt, "computedAt");
      queues = List.copyOf(queues);
    }

    /**
     * One queue's row.
     *
     * @param queue the queue as the queue_log (and the PBX) names it
     * @return the row, empty when the queue had no calls today
     */
    public Optional<QueueDay> queue(String queue) {
      return queues.stream().filter(q -> q.queue().equals(queue)).findFirst();
    }
  }

  private final InboundReports reports;
  private final ZoneId zone;
  private final Duration threshold;
  private final Duration maxAge;
  private final Clock clock;
  private final Object lock = new Object();
  private @Nullable Today cached;
  private @Nullable RuntimeException failure;
  private @Nullable Instant failedAt;
  private @Nullable LocalDate failedDay;

  private QueueDayFigures(InboundReports reports, ZoneId zone, Duration threshold, Duration maxAge, Clock clock) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("service-level threshold must not be negative: " + threshold);
    }
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Today's figures over {@code reports}.
   *
   * @param reports the inbound reports (the configured queue_log and options)
   * @param zone the zone whose midnight starts the day
   * @param threshold the service-level threshold T (not negative)
   * @param maxAge how long one computation is reused
   * @param clock what "now" and "today" are
   * @return the figures
   * @throws IllegalArgumentException when the threshold is negative
   */
  public static QueueDayFigures of(InboundReports reports, ZoneId zone, Duration threshold, Duration maxAge,
      Clock clock) {
    return new QueueDayFigures(reports, zone, threshold, maxAge, clock);
  }

  /**
   * The service-level threshold the figures use.
   *
   * @return T
   */
  public Duration threshold() {
    return threshold;
  }

  /**
   * Today's figures, computed now or reused from a computation of today younger than {@code maxAge}.
   *
   * @return the figures
   * @throws ru.sipring.core.SipRingException or {@link IllegalStateException} as {@link InboundReports#compute}
   *     throws them (the same failure again until {@code maxAge} has passed)
   */
  public Today today() {
    synchronized (lock) {
      Instant now = clock.instant();
      LocalDate day = LocalDate.ofInstant(now, zone);
      Today c = cached;
      if (c != null && c.day().equals(day) && fresh(c.computedAt(), now)) {
        return c;
      }
      RuntimeException f = failure;
      if (f != null && day.equals(failedDay) && failedAt != null && fresh(failedAt, now)) {
        throw f;
      }
      try {
        Today t = compute(day, now);
        cached = t;
        failure = null;
        return t;
      } catch (RuntimeException e) {
        failure = e;
        failedAt = now;
        failedDay = day;
        throw e;
      }
    }
  }

  private boolean fresh(Instant computedAt, Instant now) {
    return !now.isBefore(computedAt) && Duration.between(computedAt, now).compareTo(maxAge) < 0;
  }

  private Today compute(LocalDate day, Instant now) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    InboundReport all = reports.compute(new InboundReports.Query(from, to, zone, EnumSet.of(ReportSection.QUEUES),
        List.of(), List.of(), List.of(), ReportView.QUEUE, PeriodTable.PeriodUnit.DAY));
    List<QueueDay> rows = new ArrayList<>();
    for (QueueRow q : all.queues()) {
      InboundReport one = reports.compute(new InboundReports.Query(from, to, zone,
          EnumSet.of(ReportSection.SUMMARY, ReportSection.SERVICE_LEVEL), List.of(q.queue()), List.of(), List.of(),
          ReportView.QUEUE, PeriodTable.PeriodUnit.DAY));
      rows.add(new QueueDay(q.queue(), q.name(), one.summary().answered(), one.summary().lost(),
          one.serviceLevelAt(threshold)));
    }
    return new Today(day, zone, threshold, now, rows);
  }
}
