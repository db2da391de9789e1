package ru.sipring.core.inbound.partial;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.InputSummary;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ProblemReport;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.Summary;

/**
 * The mergeable part of an inbound report for one or more sources: everything the summary, service level,
 * operators, queues, completion, periods and agents sections are made of, as sums, minima and maxima, plus the
 * detail rows when they were computed, the input counts and the first problems. Computed by {@link
 * ru.sipring.core.inbound.InboundStatistics#computePartial}, combined with {@link #merge}, rendered with {@link
 * ru.sipring.core.inbound.InboundStatistics#report}, written and read with {@link PartialFormat}.
 *
 * <p>{@code a.merge(b)} equals {@code b.merge(a)}, and any grouping of merges gives the same partial: every list is
 * kept in one canonical order (queues by name, periods by start, agents by {@link PartialAgent#key()}, detail rows
 * by {@link #ANSWERED_ORDER} / {@link #LOST_ORDER}, problems by source and line), so equal content is an equal
 * value. For sources with disjoint calls and agents, the merge of their partials gives the report of the union.
 *
 * <p>Immutable and thread-safe.
 *
 * @param settings the options the partial was computed with
 * @param sources the source ids merged into it, sorted, without duplicates
 * @param summary totals (section 3)
 * @param serviceLevelAnswered answered calls per service-level bucket, the overflow bucket last
 * @param serviceLevelLost lost calls per service-level bucket, the overflow bucket last
 * @param answeredWaits answered calls per wait in whole seconds (exact, so the merged report answers
 *     {@code serviceLevelAt} for any threshold); its counts add up to {@code summary.answered()}
 * @param lostWaits lost calls per wait in whole seconds; its counts add up to {@code summary.lost()}
 * @param queues one row per queue name (queues of the same name on several sources add up)
 * @param periods one row per period start
 * @param agents one entry per agent key
 * @param answered the answered rows when {@code settings.sections()} has {@code answered}, else empty
 * @param lost the lost rows when {@code settings.sections()} has {@code lost}, else empty
 * @param input valid lines, lines per event type, the input names (sorted)
 * @param problems problem total, counts per kind, the first {@link #MAX_PROBLEMS_KEPT} by source and line
 */
public record InboundPartial(PartialSettings settings, List<String> sources, Summary summary,
    List<Long> serviceLevelAnswered, List<Long> serviceLevelLost, Map<Long, Long> answeredWaits,
    Map<Long, Long> lostWaits, List<QueueRow> queues,
    List<PeriodTable.Row> periods, List<PartialAgent> agents, List<AnsweredCall> answered, List<LostCall> lost,
    InputSummary input, ProblemReport problems) {

  /** How many problems a merged partial keeps in full (all are counted). */
  public static final int MAX_PROBLEMS_KEPT = 100;

  /**
   * The order of answered rows in partials and reports: entry time; calls entered in the same second in the order
   * they ended (wait + talk), then by callid, queue and the other fields, so that the order is total.
   */
  public static final Comparator<AnsweredCall> ANSWERED_ORDER = Comparator.comparing(AnsweredCall::enteredAt)
      .thenComparing(c -> c.waitTime().plus(c.talkTime())).thenComparing(AnsweredCall::callId).thenComparing(AnsweredCall::queue).thenComparing(AnsweredCall::agent)
      .thenComparing(AnsweredCall::waitTime).thenComparing(AnsweredCall::talkTime)
      .thenComparing(AnsweredCall::caller).thenComparingInt(AnsweredCall::position)
      .thenComparing(AnsweredCall::endedBy).thenComparing(AnsweredCall::firstQueue)
      .thenComparingInt(AnsweredCall::stints).thenComparing(AnsweredCall::queueName)
      .thenComparing(AnsweredCall::agentNumber).thenComparing(AnsweredCall::agentName);

  /**
   * The order of lost rows in partials and reports: entry time; calls entered in the same second in the order
   * they ended (wait), then by callid, queue and the other fields, so that the order is total.
   */
  public static final Comparator<LostCall> LOST_ORDER = Comparator.comparing(LostCall::enteredAt)
      .thenComparing(LostCall::waitTime).thenComparing(LostCall::callId).thenComparing(LostCall::queue)
      .thenComparing(LostCall::cause).thenComparing(LostCall::agent).thenComparing(LostCall::caller)
      .thenComparingInt(LostCall::position).thenComparing(LostCall::firstQueue)
      .thenComparingInt(LostCall::stints).thenComparing(LostCall::queueName);

  static final Comparator<InputProblem> PROBLEM_ORDER = Comparator.comparing(InputProblem::source)
      .thenComparingLong(InputProblem::line).thenComparing(InputProblem::message);

  /**
   * Checks the parts and copies every collection; sources are sorted and de-duplicated.
   *
   * @param settings the options the partial was computed with
   * @param sources the source ids merged into it, sorted, without duplicates
   * @param summary totals (section 3)
   * @param serviceLevelAnswered answered calls per service-level bucket, the overflow bucket last
   * @param serviceLevelLost lost calls per service-level bucket, the overflow bucket last
   * @param answeredWaits answered calls per wait in whole seconds (exact, so the merged report answers {@code
   *     serviceLevelAt} for any threshold); its counts add up to {@code summary.answered()}
   * @param lostWaits lost calls per wait in whole seconds; its counts add up to {@code summary.lost()}
   * @param queues one row per queue name (queues of the same name on several sources add up)
   * @param periods one row per period start
   * @param agents one entry per agent key
   * @param answered the answered rows when {@code settings.sections()} has {@code answered}, else empty
   * @param lost the lost rows when {@code settings.sections()} has {@code lost}, else empty
   * @param input valid lines, lines per event type, the input names (sorted)
   * @param problems problem total, counts per kind, the first {@link #MAX_PROBLEMS_KEPT} by source and line
   * @throws IllegalArgumentException when the parts contradict each other (the wait distributions do not add up to the
   *     summary)
   */
  public InboundPartial {
    Objects.requireNonNull(settings, "settings");
    sources = List.copyOf(new TreeSet<>(sources));
    Objects.requireNonNull(summary, "summary");
    int n = settings.serviceLevelBuckets().size() + 1;
    if (serviceLevelAnswered.size() != n || serviceLevelLost.size() != n) {
      throw new IllegalArgumentException("service level needs " + n + " counts (buckets + overflow), got "
          + serviceLevelAnswered.size() + " answered and " + serviceLevelLost.size() + " lost");
    }
    serviceLevelAnswered = List.copyOf(serviceLevelAnswered);
    serviceLevelLost = List.copyOf(serviceLevelLost);
    answeredWaits = waits(answeredWaits, summary.answered(), "answered");
    lostWaits = waits(lostWaits, summary.lost(), "lost");
    queues = sorted(queues, Comparator.comparing(QueueRow::queue));
    periods = sorted(periods, Comparator.comparing(PeriodTable.Row::start));
    agents = sorted(agents, Comparator.comparing(PartialAgent::key));
    answered = sorted(answered, ANSWERED_ORDER);
    lost = sorted(lost, LOST_ORDER);
    Objects.requireNonNull(input, "input");
    input = new InputSummary(new ArrayList<>(new TreeSet<>(input.sources())), input.lines(), input.eventCounts());
    Objects.requireNonNull(problems, "problems");
    List<InputProblem> first = sorted(problems.first(), PROBLEM_ORDER);
    problems = new ProblemReport(problems.total(), problems.countsByKind(),
        first.size() > MAX_PROBLEMS_KEPT ? first.subList(0, MAX_PROBLEMS_KEPT) : first);
    unique(queues.stream().map(QueueRow::queue).toList(), "queue");
    unique(periods.stream().map(PeriodTable.Row::start).toList(), "period");
    unique(agents.stream().map(PartialAgent::key).toList(), "agent");
  }

  /**
   * This partial and {@code other} combined, as if one computation had read both inputs.
   *
   * @param other a partial computed with the same settings (the window's ends may differ: the result spans both)
   * @return the merged partial
   * @throws BadInputException when the settings differ; the message names each difference
   */
  public InboundPartial merge(InboundPartial other) {
    try {
      return mergeChecked(other);
    } catch (ArithmeticException e) {
      throw new BadInputException("partials " + describe(sources) + " and " + describe(other.sources),
          "cannot be merged: a count overflows");
    }
  }

  private InboundPartial mergeChecked(InboundPartial other) {
    String why = settings.incompatibility(other.settings);
    if (why != null) {
      throw new BadInputException("partials " + describe(sources) + " and " + describe(other.sources),
          "cannot be merged: " + why);
    }
    List<String> src = new ArrayList<>(sources);
    src.addAll(other.sources);
    Summary s = summary;
    Summary o = other.summary;
    Summary sum = new Summary(Math.addExact(s.answered(), o.answered()), Math.addExact(s.lost(), o.lost()),
        Math.addExact(s.unfinished(), o.unfinished()), Math.addExact(s.shortAbandons(), o.shortAbandons()),
        Math.max(s.maxPosition(), o.maxPosition()), plus(s.talk(), o.talk()),
        plus(s.answeredWait(), o.answeredWait()), plus(s.lostWait(), o.lostWait()));
    TreeMap<String, QueueRow> q = new TreeMap<>();
    for (QueueRow r : concat(queues, other.queues)) {
      q.merge(r.queue(), r, (a, b) -> new QueueRow(a.queue(), name(a.name(), b.name()),
          Math.addExact(a.answered(), b.answered()), Math.addExact(a.waitSeconds(), b.waitSeconds()),
          Math.addExact(a.talkSeconds(), b.talkSeconds()), Math.addExact(a.lost(), b.lost()),
          Math.addExact(a.lostWaitSeconds(), b.lostWaitSeconds())));
    }
    TreeMap<LocalDateTime, PeriodTable.Row> p = new TreeMap<>();
    for (PeriodTable.Row r : concat(periods, other.periods)) {
      p.merge(r.start(), r, (a, b) -> new PeriodTable.Row(a.start(), Math.addExact(a.offered(), b.offered()),
          Math.addExact(a.answered(), b.answered()), plus(a.answeredWait(), b.answeredWait()),
          plus(a.answeredTalk(), b.answeredTalk()), Math.addExact(a.transferred(), b.transferred()),
          plus(a.transferredWait(), b.transferredWait()), plus(a.transferredTalk(), b.transferredTalk()),
          Math.addExact(a.lost(), b.lost()), plus(a.lostWait(), b.lostWait())));
    }
    TreeMap<String, PartialAgent> ag = new TreeMap<>();
    for (PartialAgent a : concat(agents, other.agents)) {
      ag.merge(a.key(), a, PartialAgent::plus);
    }
    List<String> inputSources = new ArrayList<>(input.sources());
    inputSources.addAll(other.input.sources());
    TreeMap<String, Long> events = new TreeMap<>(input.eventCounts());
    other.input.eventCounts().forEach((k, v) -> events.merge(k, v, Math::addExact));
    TreeMap<String, Long> kinds = new TreeMap<>(problems.countsByKind());
    other.problems.countsByKind().forEach((k, v) -> kinds.merge(k, v, Math::addExact));
    return new InboundPartial(settings.widenedTo(other.settings), src, sum,
        add(serviceLevelAnswered, other.serviceLevelAnswered), add(serviceLevelLost, other.serviceLevelLost),
        addWaits(answeredWaits, other.answeredWaits), addWaits(lostWaits, other.lostWaits),
        new ArrayList<>(q.values()), new ArrayList<>(p.values()), new ArrayList<>(ag.values()),
        concat(answered, other.answered), concat(lost, other.lost),
        new InputSummary(inputSources, Math.addExact(input.lines(), other.input.lines()), events),
        new ProblemReport(Math.addExact(problems.total(), other.problems.total()), kinds,
            concat(problems.first(), other.problems.first())));
  }

  /**
   * All of {@code partials} merged; the order does not matter.
   *
   * @param partials one or more partials with the same settings
   * @return the merged partial
   * @throws IllegalArgumentException when {@code partials} is empty
   * @throws BadInputException when two partials' settings differ
   */
  public static InboundPartial mergeAll(Collection<InboundPartial> partials) {
    Iterator<InboundPartial> it = partials.iterator();
    if (!it.hasNext()) {
      throw new IllegalArgumentException("nothing to merge: no partials");
    }
    InboundPartial m = it.next();
    while (it.hasNext()) {
      m = m.merge(it.next());
    }
    return m;
  }

  private static String describe(List<String> sources) {
    String s = String.join(",", sources);
    return "[" + (s.length() > 200 ? s.substring(0, 200) + "…" : s) + "]";
  }

  private static String name(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static DurationStats plus(DurationStats a, DurationStats b) {
    if (a.count() == 0) {
      return b;
    }
    if (b.count() == 0) {
      return a;
    }
    return new DurationStats(Math.addExact(a.count(), b.count()), Math.addExact(a.totalSeconds(), b.totalSeconds()),
        Math.min(a.minSeconds(), b.minSeconds()), Math.max(a.maxSeconds(), b.maxSeconds()));
  }

  private static List<Long> add(List<Long> a, List<Long> b) {
    List<Long> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(Math.addExact(a.get(i), b.get(i)));
    }
    return out;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  private static <T> List<T> sorted(List<T> in, Comparator<? super T> order) {
    List<T> out = new ArrayList<>(in);
    out.sort(order);
    return List.copyOf(out);
  }

  private static void unique(List<?> sortedKeys, String what) {
    for (int i = 1; i < sortedKeys.size(); i++) {
      if (sortedKeys.get(i).equals(sortedKeys.get(i - 1))) {
        throw new IllegalArgumentException("two " + what + " entries for " + String.valueOf(sortedKeys.get(i))
            .replace('\u0000', '/'));
      }
    }
  }

  private static Map<Long, Long> waits(Map<Long, Long> waits, long calls, String which) {
    TreeMap<Long, Long> m = new TreeMap<>();
    long sum = 0;
    for (Map.Entry<Long, Long> e : waits.entrySet()) {
      if (e.getKey() < 0 || e.getValue() <= 0) {
        throw new IllegalArgumentException(which + " waits: " + e.getKey() + " s -> " + e.getValue()
            + " calls (waits are >= 0 and counts > 0)");
      }
      m.put(e.getKey(), e.getValue());
      sum = Math.addExact(sum, e.getValue());
    }
    // the distribution and the summary are two views of the same calls: a partial where they disagree was
    // damaged or made by hand, and its service level would contradict its totals
    if (sum != calls) {
      throw new IllegalArgumentException(which + " waits count " + sum + " calls but the summary has " + calls);
    }
    return Collections.unmodifiableNavigableMap(m);
  }

  private static Map<Long, Long> addWaits(Map<Long, Long> a, Map<Long, Long> b) {
    TreeMap<Long, Long> m = new TreeMap<>(a);
    b.forEach((k, v) -> m.merge(k, v, Math::addExact));
    return m;
  }
}
