package ru.sipring.spring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
 * arithmetic of its own. Thread-safe: each {@link #compute} builds its own {@link InboundStatistics}.
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
     * @param took how long it took
     * @param failed whether it ended with an exception /
    void computed(Duration took, boolean failed);
  }

  /** One report request; the options of {@code sipring report}.
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
      sections = sections.isEmpty() ? EnumSet.allOf(ReportSection.class) : EnumSet.copyOf(sections);
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

  /**
   * Reports over {@code queueLog}.
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
    return new InboundReports(queueLog, agents, queues, options, listeners);
  }

  private InboundReports(QueueLogProvider queueLog, AgentDirectory agents, QueueDirectory queues,
      SipRingProperties.Report options, List<Listener> listeners) {
    this.queueLog = Objects.requireNonNull(queueLog, "queueLog");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.queues = Objects.requireNonNull(queues, "queues");
    this.options = Objects.requireNonNull(options, "options");
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Reads the whole queue_log and computes the report (the window only selects calls: sessions and calls
   * crossing its edges need the lines outside it, as in the CLI).
   *
   * @param q the request
   * @return the report
   * @throws ru.sipring.core.SipRingException when the log cannot be read
   */
  public InboundReport compute(Query q) {
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
          .shortAbandonThreshold(options.shortAbandon());
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
}
