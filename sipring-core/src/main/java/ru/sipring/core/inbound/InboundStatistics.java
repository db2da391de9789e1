package ru.sipring.core.inbound;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.QueueDirectory;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/**
 * Computes the inbound report (every section of the admin guide's section 7) from a queue_log, in one pass,
 * keeping in memory only the calls still open and per-agent / per-queue / per-period aggregates. Metric
 * definitions: docs/inbound.md.
 *
 * <pre>{@code
 * InboundStatistics stats = InboundStatistics.builder()
 *     .window(new ReportWindow(from, to, ZoneId.of("Europe/Moscow"), List.of(), List.of(), List.of()))
 *     .agents(CsvAgentDirectory.load(Path.of("agents.csv")))
 *     .build();
 * InboundReport report = stats.compute(QueueLogInput.path(Path.of("/var/log/asterisk")));
 * }</pre>
 *
 * <p>Immutable, thread-safe and reusable: {@link #compute} may run concurrently on several threads, each
 * computation has its own state. Listeners and detail consumers are called on the thread running {@link
 * #compute}.
 */
public final class InboundStatistics {

  /** The guide's service-level buckets, in seconds. */
  public static final List<Integer> DEFAULT_SERVICE_LEVEL_BUCKETS = List.of(5, 10, 15, 30, 45, 60, 90, 120, 300);

  /** How long, in log time, a caller call stays open after its last stint ended (caller view). */
  public static final Duration DEFAULT_CALLER_GRACE = Duration.ofSeconds(120);

  final ReportWindow window;
  final int[] buckets;
  final PeriodTable.PeriodUnit periodUnit;
  final Set<ReportSection> sections;
  final AgentDirectory agents;
  final QueueDirectory queues;
  final @Nullable Duration shortAbandonThreshold;
  final @Nullable ProgressListener progress;
  final @Nullable Consumer<AnsweredCall> answeredSink;
  final @Nullable Consumer<LostCall> lostSink;
  final int maxProblemsKept;
  final int threads;
  final ReportView view;
  final long callerGraceSeconds;
  final java.time.@Nullable Instant asOf;
  final java.time.Clock clock;

  private InboundStatistics(Builder b) {
    this.window = b.window;
    this.buckets = b.buckets.stream().mapToInt(Integer::intValue).toArray();
    this.periodUnit = b.periodUnit;
    this.sections = EnumSet.copyOf(b.sections);
    this.agents = b.agents;
    this.queues = b.queues;
    this.shortAbandonThreshold = b.shortAbandonThreshold;
    this.progress = b.progress;
    this.answeredSink = b.answeredSink;
    this.lostSink = b.lostSink;
    this.maxProblemsKept = b.maxProblemsKept;
    this.threads = b.threads;
    this.view = b.view;
    this.callerGraceSeconds = b.callerGrace.toSeconds();
    this.asOf = b.asOf;
    this.clock = b.clock;
  }

  /**
   * Starts the options of a computation, every option at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the whole input and computes the report.
   *
   * @param input what to read
   * @return the report
   * @throws ru.sipring.core.BadInputException when a directory cannot be listed; bad lines, duplicate lines and
   *     files, and files that cannot be opened or read to their end do not throw, they are reported in {@link
   *     InboundReport#problems()} and everything valid is used
   */
  public InboundReport compute(QueueLogInput input) {
    Objects.requireNonNull(input, "input");
    Engine engine = new Engine(this, input.sizeBytesOrUnknown());
    input.read(engine, threads);
    return engine.finish();
  }

  /**
   * Reads the whole input and returns its mergeable partial result instead of a report: merge the partials of
   * several sources (PBXs, days) with {@link InboundPartial#merge}, render the merge with {@link #report}, store
   * or send it with {@link ru.sipring.core.inbound.partial.PartialFormat}. The partial carries the answered and
   * lost rows only when those sections are requested and no {@linkplain Builder#detailSink detail sink} is set.
   *
   * @param sourceId names this source (a PBX) in the partial: agents the {@linkplain Builder#agents directory}
   *     does not resolve to an operator are kept apart per source id; 1..256 characters, no control characters
   * @param input the source's queue_log
   * @return the partial of this input
   * @throws ru.sipring.core.BadInputException when a file cannot be opened or read
   * @throws IllegalArgumentException when {@code sourceId} is empty, too long or has control characters
   */
  public InboundPartial computePartial(String sourceId, QueueLogInput input) {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(input, "input");
    if (sourceId.isEmpty() || sourceId.length() > 256 || sourceId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("source id must be 1..256 characters without control characters: '"
          + sourceId.replaceAll("\\p{Cntrl}", "?") + "'");
    }
    Engine engine = new Engine(this, input.sizeBytesOrUnknown());
    input.read(engine, threads);
    return PartialBridge.partial(this, sourceId, engine);
  }

  /**
   * The report of a partial (usually a merge of several): the same report {@link #compute} gives over the
   * partials' inputs together when their calls and agents do not overlap (docs/inbound.md, "Partial results and
   * merging", lists what differs: the names of inputs and problem order).
   *
   * @param partial the partial
   * @return its report, with the window, zone, sections and view the partial was computed with
   */
  public static InboundReport report(InboundPartial partial) {
    return PartialBridge.report(Objects.requireNonNull(partial, "partial"));
  }

  /**
   * The view this instance counts calls in.
   *
   * @return the view
   */
  public ReportView view() {
    return view;
  }

  /**
   * The window this instance reports on.
   *
   * @return the window
   */
  public ReportWindow window() {
    return window;
  }

  /** Options of a report. Not thread-safe; build once, share the built {@link InboundStatistics}. */
  public static final class Builder {
    private ReportWindow window = ReportWindow.all(ZoneOffset.UTC);
    private List<Integer> buckets = DEFAULT_SERVICE_LEVEL_BUCKETS;
    private PeriodTable.PeriodUnit periodUnit = PeriodTable.PeriodUnit.DAY;
    private Set<ReportSection> sections = EnumSet.allOf(ReportSection.class);
    private AgentDirectory agents = AgentDirectory.empty();
    private QueueDirectory queues = QueueDirectory.empty();
    private @Nullable Duration shortAbandonThreshold;
    private @Nullable ProgressListener progress;
    private @Nullable Consumer<AnsweredCall> answeredSink;
    private @Nullable Consumer<LostCall> lostSink;
    private int maxProblemsKept = 100;
    private int threads = 1;
    private ReportView view = ReportView.QUEUE;
    private Duration callerGrace = DEFAULT_CALLER_GRACE;
    private java.time.@Nullable Instant asOf;
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private Builder() {}

    /**
     * The instant the report is "as of": agent sessions and pauses still open when the data ends run to the
     * window end or to this instant, whichever is earlier (Asterisk writes nothing while a logged-in agent sits
     * idle, so the last line says nothing about when the session ended). Null (default) = the {@link #clock}'s
     * now when {@link InboundStatistics#compute} starts.
     *
     * @param asOf the as-of instant, or null for now
     * @return this builder
     */
    public Builder asOf(java.time.@Nullable Instant asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * The clock that gives "now" when no {@link #asOf} is set (default the system clock, UTC).
     *
     * @param clock the clock; tests pass a fixed one
     * @return this builder
     */
    public Builder clock(java.time.Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Per-queue stints ({@link ReportView#QUEUE}, default) or QueueMetrics-style caller calls ({@link
     * ReportView#CALLER}): the stints of one callid grouped into one call, answered iff the last stint was
     * answered, wait = the sum of the stints' waits. The view changes the summary, the detail rows, the queue
     * rows, the service level and the periods; operator and agent rows are per stint in both views. In the caller
     * view the window and the period of a call are those of its first ENTERQUEUE.
     *
     * @param view the view
     * @return this builder
     */
    public Builder view(ReportView view) {
      this.view = Objects.requireNonNull(view, "view");
      return this;
    }

    /**
     * Caller view only: a caller call whose stints have all ended is counted once this much log time has passed
     * with no new ENTERQUEUE for its callid (default {@link #DEFAULT_CALLER_GRACE}, 120 s). A new stint after the
     * grace is counted as a new caller call. Longer grace joins callers who spend longer between queues (IVR,
     * announcements) at the cost of keeping ended callers in memory for that long and of streamed detail rows
     * arriving that much (log time) later.
     *
     * @param grace log time to wait before counting an ended caller call; not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder callerGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("caller grace must not be negative: " + grace);
      }
      this.callerGrace = grace;
      return this;
    }

    /**
     * The window, zone and filters; default everything, in UTC.
     *
     * @param window the window
     * @return this builder
     */
    public Builder window(ReportWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * Upper bounds of the service-level buckets in seconds (default 5,10,15,30,45,60,90,120,300); sorted and
     * de-duplicated; each must be ≥ 0.
     *
     * @param bucketsSeconds the bucket bounds in seconds
     * @return this builder
     * @throws IllegalArgumentException when the list is empty or a bound is outside 0..86400
     */
    public Builder serviceLevelBuckets(List<Integer> bucketsSeconds) {
      if (bucketsSeconds.isEmpty()) {
        throw new IllegalArgumentException("at least one service-level bucket is needed");
      }
      TreeSet<Integer> sorted = new TreeSet<>();
      for (Integer s : bucketsSeconds) {
        if (s == null || s < 0 || s > 86_400) {
          throw new IllegalArgumentException("service-level bucket must be 0..86400 seconds: " + s);
        }
        sorted.add(s);
      }
      this.buckets = new ArrayList<>(sorted);
      return this;
    }

    /**
     * Hour, day (default) or month rows in the period table, cut in the window's zone.
     *
     * @param unit the period length
     * @return this builder
     */
    public Builder periodUnit(PeriodTable.PeriodUnit unit) {
      this.periodUnit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /**
     * The sections to compute (default all). Leaving out {@link ReportSection#ANSWERED} and {@link
     * ReportSection#LOST} means no per-call rows are kept, so memory stays bounded by open calls and agents.
     *
     * @param sections the sections, at least one
     * @return this builder
     * @throws IllegalArgumentException when empty
     */
    public Builder sections(Set<ReportSection> sections) {
      if (sections.isEmpty()) {
        throw new IllegalArgumentException("at least one report section is needed");
      }
      this.sections = EnumSet.copyOf(sections);
      return this;
    }

    /**
     * Who the agent column's values are: numbers and names shown in operator and agent rows (default none: rows show
     * the raw value).
     *
     * @param agents the directory, called from the computing thread
     * @return this builder
     */
    public Builder agents(AgentDirectory agents) {
      this.agents = Objects.requireNonNull(agents, "agents");
      return this;
    }

    /**
     * The names of the queues shown next to their numbers (default none).
     *
     * @param queues the directory, called from the computing thread
     * @return this builder
     */
    public Builder queues(QueueDirectory queues) {
      this.queues = Objects.requireNonNull(queues, "queues");
      return this;
    }

    /**
     * Abandons (ABANDON only) with a wait below this are counted as short abandons ("ghost calls") in {@link
     * ru.sipring.core.report.Summary#shortAbandons()}; they stay in the lost count. Null (default) = off.
     *
     * @param threshold the short-abandon threshold, or null for off; not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder shortAbandonThreshold(@Nullable Duration threshold) {
      if (threshold != null && threshold.isNegative()) {
        throw new IllegalArgumentException("short-abandon threshold must not be negative: " + threshold);
      }
      this.shortAbandonThreshold = threshold;
      return this;
    }

    /**
     * Told how far the computation got, on the computing thread (default none).
     *
     * @param progress the listener, or null for none
     * @return this builder
     */
    public Builder progress(@Nullable ProgressListener progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Streams the detail rows (sections 1 and 2) to these consumers as each call ends, instead of keeping them
     * in the report: the report's {@code answered()} and {@code lost()} lists are then empty, and memory no
     * longer grows with the number of calls. Rows arrive in the order the calls ended (not sorted by entry
     * time), on the computing thread. Each consumer is only called when its section is requested. Pass nulls
     * to keep the rows in the report again.
     *
     * @param answered receives answered rows, or null to keep them in the report
     * @param lost receives lost rows, or null to keep them in the report
     * @return this builder
     */
    public Builder detailSink(@Nullable Consumer<AnsweredCall> answered, @Nullable Consumer<LostCall> lost) {
      this.answeredSink = answered;
      this.lostSink = lost;
      return this;
    }

    /**
     * How many problems are kept in full in the report (default 100); all are counted.
     *
     * @param max how many problems to keep, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxProblemsKept(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxProblemsKept must be >= 0");
      }
      this.maxProblemsKept = max;
      return this;
    }

    /**
     * Threads per computation (default 1). With 2, reading and splitting lines runs on a second thread while
     * the calling thread assembles calls and aggregates; the report is identical. More than 2 is treated as 2.
     *
     * @param threads 1 or 2
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = Math.min(threads, 2);
      return this;
    }

    /**
     * Builds the computation with these options; the builder can be changed and built again afterwards.
     *
     * @return an immutable, thread-safe {@link InboundStatistics}
     */
    public InboundStatistics build() {
      return new InboundStatistics(this);
    }
  }
}
