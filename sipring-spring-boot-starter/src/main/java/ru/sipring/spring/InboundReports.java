package ru.sipring.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.QueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/**
 * Inbound reports over the configured queue_log, computed the way {@code sipring report} computes them (same
 * builder calls for the same options), so a web page, the REST API and the CLI agree to the call. Adds no
 * arithmetic of its own. Computed reports are kept in a bounded cache when one is configured
 * ({@link ReportCacheProperties}, docs/web.md "Report cache"). Thread-safe: each computation builds its own
 * {@link InboundStatistics}; the cache is a concurrent map.
 */
public final class InboundReports {

  /** Told how long each report took; called on the thread that computed it. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A report was computed or failed.
     *
     * @param took how long it took
     * @param failed whether it ended with an exception
     */
    void computed(Duration took, boolean failed);
  }

  /**
   * One report request; the options of {@code sipring report}.
   *
   * @param from start of the window (inclusive), null for the beginning of the data
   * @param to end of the window (exclusive), null for the end of the data
   * @param zone zone of the periods and of every time shown
   * @param sections the sections wanted
   * @param queues only these queues (empty: all)
   * @param agents only calls answered by these agents (empty: all)
   * @param callers only calls from these numbers (empty: all)
   * @param view per queue passage or per caller
   * @param period rows of the period statistics
   */
  public record Query(@Nullable Instant from, @Nullable Instant to, ZoneId zone, Set<ReportSection> sections,
      List<String> queues, List<String> agents, List<String> callers, ReportView view,
      PeriodTable.PeriodUnit period) {
    /**
     * Checks the components; collections are kept as unmodifiable copies.
     *
     * @param from start of the window (inclusive), null for the beginning of the data
     * @param to end of the window (exclusive), null for the end of the data
     * @param zone zone of the periods and of every time shown
     * @param sections the sections wanted
     * @param queues only these queues (empty: all)
     * @param agents only calls answered by these agents (empty: all)
     * @param callers only calls from these numbers (empty: all)
     * @param view per queue passage or per caller
     * @param period rows of the period statistics
     */
    public Query {
      Objects.requireNonNull(zone, "zone");
      // unmodifiable: a query is a key of the report cache
      sections = Collections.unmodifiableSet(
          sections.isEmpty() ? EnumSet.allOf(ReportSection.class) : EnumSet.copyOf(sections));
      queues = List.copyOf(queues);
      agents = List.copyOf(agents);
      callers = List.copyOf(callers);
      Objects.requireNonNull(view, "view");
      Objects.requireNonNull(period, "period");
    }

    /**
     * Every section, the whole data, per queue, by day.
     *
     * @param zone the report's zone
     * @return the query
     */
    public static Query all(ZoneId zone) {
      return new Query(null, null, zone, EnumSet.allOf(ReportSection.class), List.of(), List.of(), List.of(),
          ReportView.QUEUE, PeriodTable.PeriodUnit.DAY);
    }
  }

  private final QueueLogProvider queueLog;
  private final AgentDirectory agents;
  private final QueueDirectory queues;
  private final SipRingProperties.Report options;
  private final List<Listener> listeners;
  private final Clock clock;
  private final @Nullable ReportCache cache;

  /**
   * Reports over {@code queueLog}, each computed from the source (no cache), as of the system clock's now.
   *
   * @param queueLog where the queue_log is read
   * @param agents who is behind each agent value
   * @param queues queue names
   * @param options bucket bounds and short-abandon threshold
   * @param listeners told of each report's duration (metrics)
   * @return the reports
   */
  public static InboundReports of(QueueLogProvider queueLog, AgentDirectory agents, QueueDirectory queues,
      SipRingProperties.Report options, List<Listener> listeners) {
    return builder(queueLog).agents(agents).queues(queues).options(options).listeners(listeners).build();
  }

  /**
   * A builder, for the report cache ({@link Builder#cache}) and the clock.
   *
   * @param queueLog where the queue_log is read
   * @return the builder
   */
  public static Builder builder(QueueLogProvider queueLog) {
    return new Builder(queueLog);
  }

  private InboundReports(Builder b) {
    this.queueLog = b.queueLog;
    this.agents = b.agents;
    this.queues = b.queues;
    this.options = b.options;
    this.listeners = List.copyOf(b.listeners);
    this.clock = b.clock;
    this.cache = b.cache.enabled() && b.cache.maxBytes() > 0
        ? new ReportCache(b.cache, b.namesMayChange, clock) : null;
  }

  /**
   * The report of {@code q}: reused from the cache when an identical query was computed over the same data
   * (the source's {@link QueueLogProvider#fingerprint} unchanged, see {@link ReportCacheProperties} for how
   * long an entry is trusted), else computed by reading the whole queue_log (the window only selects calls:
   * sessions and calls crossing its edges need the lines outside it, as in the CLI). Identical queries arriving
   * together compute once; the others wait for that result. A failure is not kept.
   *
   * @param q the request
   * @return the report (immutable; shared by every caller of the same query while it is kept)
   * @throws ru.sipring.core.SipRingException when the log cannot be read
   */
  public InboundReport compute(Query q) {
    Instant now = clock.instant();
    ReportCache c = cache;
    if (c == null) {
      return computeNow(q, now);
    }
    return c.get(q, now, queueLog, () -> computeNow(q, now));
  }

  private InboundReport computeNow(Query q, Instant now) {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      InboundStatistics.Builder b = InboundStatistics.builder()
          .window(new ReportWindow(q.from(), q.to(), q.zone(), q.queues(), q.agents(), q.callers()))
          .periodUnit(q.period())
          .sections(q.sections())
          .view(q.view())
          .agents(agents)
          .queues(queues)
          .shortAbandonThreshold(options.shortAbandon())
          // the instant the cache judged the report's dependence on "now" by
          .asOf(now);
      if (!options.serviceLevelBuckets().isEmpty()) {
        b.serviceLevelBuckets(options.serviceLevelBuckets());
      }
      InboundReport r = b.build().compute(queueLog.input(q.zone()));
      failed = false;
      return r;
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      for (Listener l : listeners) {
        l.computed(took, failed);
      }
    }
  }

  /**
   * Where the reports read.
   *
   * @return the provider's description
   */
  public String source() {
    return queueLog.description();
  }

  /**
   * Drops every kept report, so the next request of each query reads the source again. For a host that changed
   * what the fingerprint cannot see (operator names in a directory of its own, rows edited in the table).
   */
  public void forgetAll() {
    ReportCache c = cache;
    if (c != null) {
      c.clear();
    }
  }

  /**
   * The number of reports kept now (0 without a cache), for health pages and tests.
   *
   * @return how many reports are kept
   */
  public long cachedReports() {
    ReportCache c = cache;
    return c == null ? 0 : c.size();
  }

  /** Builds {@link InboundReports}. Not thread-safe. */
  public static final class Builder {
    private final QueueLogProvider queueLog;
    private AgentDirectory agents = AgentDirectory.empty();
    private QueueDirectory queues = QueueDirectory.empty();
    private SipRingProperties.Report options =
        new SipRingProperties.Report(null, null, List.of(), null, Duration.ofSeconds(20), Duration.ofSeconds(5));
    private List<Listener> listeners = List.of();
    private ReportCacheProperties cache = ReportCacheProperties.off();
    private boolean namesMayChange;
    private Clock clock = Clock.systemUTC();

    private Builder(QueueLogProvider queueLog) {
      this.queueLog = Objects.requireNonNull(queueLog, "queueLog");
    }

    /**
     * Who is behind each agent value (default: nobody, raw values shown).
     *
     * @param agents the directory
     * @param namesMayChange true when the directory changes while the application runs (the operator
     *     registry): kept reports, which hold the names of when they were computed, are then reused for
     *     {@link ReportCacheProperties#maxAge} at most
     * @return this builder
     */
    public Builder agents(AgentDirectory agents, boolean namesMayChange) {
      this.agents = Objects.requireNonNull(agents, "agents");
      this.namesMayChange = namesMayChange;
      return this;
    }

    /**
     * A directory that does not change while the application runs (a CSV read at start), as
     * {@code agents(agents, false)}.
     *
     * @param agents the directory
     * @return this builder
     */
    public Builder agents(AgentDirectory agents) {
      return agents(agents, false);
    }

    /**
     * Queue names (default: none, the queue_log's names shown).
     *
     * @param queues the directory
     * @return this builder
     */
    public Builder queues(QueueDirectory queues) {
      this.queues = Objects.requireNonNull(queues, "queues");
      return this;
    }

    /**
     * Bucket bounds and short-abandon threshold ({@code sipring.report.*}).
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(SipRingProperties.Report options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Told of each computation's duration (not of reports served from the cache).
     *
     * @param listeners the listeners, called in this order
     * @return this builder
     */
    public Builder listeners(List<Listener> listeners) {
      this.listeners = List.copyOf(listeners);
      return this;
    }

    /**
     * The report cache (default off).
     *
     * @param cache {@code sipring.report.cache.*}
     * @return this builder
     */
    public Builder cache(ReportCacheProperties cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /**
     * What "now" is: the as-of instant of open agent sessions and the age of kept reports (default the system
     * clock, UTC).
     *
     * @param clock the clock; tests pass a fixed one
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The reports.
     *
     * @return the reports
     */
    public InboundReports build() {
      return new InboundReports(this);
    }
  }
}
