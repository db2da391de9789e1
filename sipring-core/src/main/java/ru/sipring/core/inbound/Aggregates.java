package ru.sipring.core.inbound;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ServiceLevel;
import ru.sipring.core.report.Summary;

/**
 * Everything a report counts, as mergeable sums: {@code a.merge(b)} gives what one pass over both inputs'
 * stints gives (counts and totals add, minima/maxima combine, rows concatenate). Not thread-safe.
 */
final class Aggregates {

  /** Count, total, min, max of whole seconds; mutable twin of {@link DurationStats}. */
  static final class Dur {
    long count;
    long total;
    long min;
    long max;

    void add(long s) {
      if (count == 0) {
        min = s;
        max = s;
      } else {
        if (s < min) {
          min = s;
        }
        if (s > max) {
          max = s;
        }
      }
      count++;
      total += s;
    }

    void merge(Dur o) {
      if (o.count == 0) {
        return;
      }
      if (count == 0) {
        min = o.min;
        max = o.max;
      } else {
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
      }
      count += o.count;
      total += o.total;
    }

    DurationStats stats() {
      return count == 0 ? DurationStats.EMPTY : new DurationStats(count, total, min, max);
    }
  }

  static final class AgentAcc {
    final String agent;
    final String number;
    final String name;
    long answered;
    long missedOffers;
    long waitSeconds;
    long talkSeconds;
    long endedByCaller;
    long endedByAgent;
    long transferred;
    long loggedInSeconds;
    long pausedSeconds;
    final Map<String, Long> pausedByReason = new HashMap<>();
    // session state while reading (not part of the merged result)
    int openMemberships;
    long loggedSince;
    boolean paused;
    boolean pauseAll;
    int pausedQueues;
    long pauseSince;
    String pauseReason = "";

    AgentAcc(String agent, String number, String name) {
      this.agent = agent;
      this.number = number;
      this.name = name;
    }

    void merge(AgentAcc o) {
      answered += o.answered;
      missedOffers += o.missedOffers;
      waitSeconds += o.waitSeconds;
      talkSeconds += o.talkSeconds;
      endedByCaller += o.endedByCaller;
      endedByAgent += o.endedByAgent;
      transferred += o.transferred;
      loggedInSeconds += o.loggedInSeconds;
      pausedSeconds += o.pausedSeconds;
      o.pausedByReason.forEach((k, v) -> pausedByReason.merge(k, v, Long::sum));
    }

    void addPaused(String reason, long seconds) {
      if (seconds > 0) {
        pausedSeconds += seconds;
        pausedByReason.merge(reason, seconds, Long::sum);
      }
    }

    boolean hasActivity() {
      return answered != 0 || missedOffers != 0 || loggedInSeconds != 0 || pausedSeconds != 0;
    }
  }

  static final class QueueAcc {
    final String queue;
    final String name;
    long answered;
    long waitSeconds;
    long talkSeconds;
    long lost;
    long lostWaitSeconds;

    QueueAcc(String queue, String name) {
      this.queue = queue;
      this.name = name;
    }

    void merge(QueueAcc o) {
      answered += o.answered;
      waitSeconds += o.waitSeconds;
      talkSeconds += o.talkSeconds;
      lost += o.lost;
      lostWaitSeconds += o.lostWaitSeconds;
    }
  }

  static final class PeriodAcc {
    long answered;
    final Dur answeredWait = new Dur();
    final Dur answeredTalk = new Dur();
    long transferred;
    final Dur transferredWait = new Dur();
    final Dur transferredTalk = new Dur();
    long lost;
    final Dur lostWait = new Dur();

    void merge(PeriodAcc o) {
      answered += o.answered;
      answeredWait.merge(o.answeredWait);
      answeredTalk.merge(o.answeredTalk);
      transferred += o.transferred;
      transferredWait.merge(o.transferredWait);
      transferredTalk.merge(o.transferredTalk);
      lost += o.lost;
      lostWait.merge(o.lostWait);
    }
  }

  /** Calls per wait in whole seconds, exact: dense below 1 h, a map beyond. */
  static final class WaitCounts {
    private static final int DENSE = 3600;
    final long[] dense = new long[DENSE];
    final TreeMap<Long, Long> sparse = new TreeMap<>();

    void add(long seconds) {
      if (seconds < DENSE) {
        dense[(int) seconds]++;
      } else {
        sparse.merge(seconds, 1L, Long::sum);
      }
    }

    void add(long seconds, long calls) {
      if (seconds < DENSE) {
        dense[(int) seconds] += calls;
      } else {
        sparse.merge(seconds, calls, Long::sum);
      }
    }

    void merge(WaitCounts o) {
      for (int i = 0; i < DENSE; i++) {
        dense[i] += o.dense[i];
      }
      o.sparse.forEach((k, v) -> sparse.merge(k, v, Long::sum));
    }

    Map<Long, Long> asMap() {
      TreeMap<Long, Long> m = new TreeMap<>();
      for (int i = 0; i < DENSE; i++) {
        if (dense[i] != 0) {
          m.put((long) i, dense[i]);
        }
      }
      m.putAll(sparse);
      return m;
    }
  }

  final int[] buckets;
  final WaitCounts answeredWaits = new WaitCounts();
  final WaitCounts lostWaits = new WaitCounts();
  long answered;
  long lost;
  long unfinished;
  long shortAbandons;
  int maxPosition;
  final Dur talk = new Dur();
  final Dur wait = new Dur();
  final Dur lostWait = new Dur();
  final long[] slAnswered;
  final long[] slLost;
  final LinkedHashMap<String, AgentAcc> agents = new LinkedHashMap<>();
  final LinkedHashMap<String, QueueAcc> queues = new LinkedHashMap<>();
  final TreeMap<LocalDateTime, PeriodAcc> periods = new TreeMap<>();
  final List<AnsweredCall> answeredRows = new ArrayList<>();
  final List<LostCall> lostRows = new ArrayList<>();

  Aggregates(int[] buckets) {
    this.buckets = buckets.clone();
    this.slAnswered = new long[buckets.length + 1];
    this.slLost = new long[buckets.length + 1];
  }

  /** Adds {@code o} into this. Both must use the same buckets. */
  Aggregates merge(Aggregates o) {
    if (!java.util.Arrays.equals(buckets, o.buckets)) {
      throw new IllegalArgumentException("cannot merge aggregates with different service-level buckets");
    }
    answered += o.answered;
    lost += o.lost;
    unfinished += o.unfinished;
    shortAbandons += o.shortAbandons;
    maxPosition = Math.max(maxPosition, o.maxPosition);
    talk.merge(o.talk);
    wait.merge(o.wait);
    lostWait.merge(o.lostWait);
    answeredWaits.merge(o.answeredWaits);
    lostWaits.merge(o.lostWaits);
    for (int i = 0; i < slAnswered.length; i++) {
      slAnswered[i] += o.slAnswered[i];
      slLost[i] += o.slLost[i];
    }
    o.agents.forEach((k, v) -> agents.computeIfAbsent(k, x -> new AgentAcc(v.agent, v.number, v.name)).merge(v));
    o.queues.forEach((k, v) -> queues.computeIfAbsent(k, x -> new QueueAcc(v.queue, v.name)).merge(v));
    o.periods.forEach((k, v) -> periods.computeIfAbsent(k, x -> new PeriodAcc()).merge(v));
    answeredRows.addAll(o.answeredRows);
    lostRows.addAll(o.lostRows);
    return this;
  }

  int bucketOf(long waitSeconds) {
    int[] b = buckets;
    for (int i = 0; i < b.length; i++) {
      if (waitSeconds <= b[i]) {
        return i;
      }
    }
    return b.length;
  }

  Summary summary() {
    return new Summary(answered, lost, unfinished, shortAbandons, maxPosition, talk.stats(), wait.stats(),
        lostWait.stats());
  }

  List<OperatorRow> operatorRows() {
    List<OperatorRow> rows = new ArrayList<>();
    for (AgentAcc a : agents.values()) {
      if (a.answered > 0) {
        rows.add(new OperatorRow(a.agent, a.number, a.name, a.answered, a.waitSeconds, a.talkSeconds,
            a.endedByCaller, a.endedByAgent, a.transferred));
      }
    }
    rows.sort(OPERATOR_ORDER);
    return rows;
  }

  private static final Comparator<OperatorRow> OPERATOR_ORDER = Comparator.comparing(OperatorRow::number)
      .thenComparing(OperatorRow::name).thenComparing(OperatorRow::agent);

  List<AgentAnalytics> agentRows() {
    List<AgentAnalytics> rows = new ArrayList<>();
    for (AgentAcc a : agents.values()) {
      if (a.hasActivity()) {
        rows.add(new AgentAnalytics(a.agent, a.number, a.name, a.answered, a.missedOffers, a.endedByCaller,
            a.talkSeconds, a.loggedInSeconds, a.pausedByReason, a.pausedSeconds));
      }
    }
    rows.sort(Comparator.comparing(AgentAnalytics::number).thenComparing(AgentAnalytics::name)
        .thenComparing(AgentAnalytics::agent));
    return rows;
  }

  List<QueueRow> queueRows() {
    List<QueueRow> rows = new ArrayList<>();
    for (QueueAcc q : queues.values()) {
      if (q.answered > 0 || q.lost > 0) {
        rows.add(new QueueRow(q.queue, q.name, q.answered, q.waitSeconds, q.talkSeconds, q.lost,
            q.lostWaitSeconds));
      }
    }
    rows.sort(Comparator.comparing(QueueRow::queue));
    return rows;
  }

  ServiceLevel serviceLevel() {
    List<ServiceLevel.Bucket> a = new ArrayList<>();
    List<ServiceLevel.Bucket> l = new ArrayList<>();
    List<ServiceLevel.Threshold> t = new ArrayList<>();
    long offered = answered + lost;
    long within = 0;
    for (int i = 0; i <= buckets.length; i++) {
      Integer bound = i < buckets.length ? buckets[i] : null;
      a.add(new ServiceLevel.Bucket(bound, slAnswered[i], percent(slAnswered[i], answered)));
      l.add(new ServiceLevel.Bucket(bound, slLost[i], percent(slLost[i], lost)));
      if (i < buckets.length) {
        within += slAnswered[i];
        t.add(new ServiceLevel.Threshold(buckets[i], within, percent(within, offered), percent(within, answered)));
      }
    }
    return new ServiceLevel(a, l, t, answeredWaits.asMap(), lostWaits.asMap());
  }

  PeriodTable periodTable(PeriodTable.PeriodUnit unit) {
    List<PeriodTable.Row> rows = new ArrayList<>();
    periods.forEach((start, p) -> rows.add(new PeriodTable.Row(start, p.answered + p.lost, p.answered,
        p.answeredWait.stats(), p.answeredTalk.stats(), p.transferred, p.transferredWait.stats(),
        p.transferredTalk.stats(), p.lost, p.lostWait.stats())));
    return new PeriodTable(unit, rows);
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
