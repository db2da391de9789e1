package ru.sipring.core.inbound;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.inbound.partial.PartialAgent;
import ru.sipring.core.inbound.partial.PartialSettings;
import ru.sipring.core.report.DurationStats;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportSection;

/**
 * Between the engine's {@link Aggregates} and the public {@link InboundPartial}: the partial of a finished
 * computation, and the report of a (merged) partial, built by the same {@link Aggregates} code the engine's own
 * report is built by, so both give the same rows. Stateless.
 */
final class PartialBridge {
  private PartialBridge() {}

  /** The operator key prefix {@link Engine} uses in {@link Aggregates#agents}. */
  private static final String OPERATOR_KEY = "op\u0000";

  static InboundPartial partial(InboundStatistics cfg, String sourceId, Engine engine) {
    Aggregates a = engine.closeAll();
    InboundReport r = engine.build(a);
    Set<ReportSection> sections = EnumSet.copyOf(cfg.sections);
    if (cfg.answeredSink != null) {
      sections.remove(ReportSection.ANSWERED); // streamed to the sink, not kept
    }
    if (cfg.lostSink != null) {
      sections.remove(ReportSection.LOST);
    }
    if (sections.isEmpty()) {
      sections.add(ReportSection.SUMMARY);
    }
    List<Integer> buckets = new ArrayList<>();
    for (int b : cfg.buckets) {
      buckets.add(b);
    }
    PartialSettings settings = new PartialSettings(cfg.view, cfg.window.zone(), cfg.periodUnit, buckets,
        cfg.window.from(), cfg.window.to(), cfg.window.queues(), cfg.window.agents(), cfg.window.callers(),
        cfg.shortAbandonThreshold == null ? null : cfg.shortAbandonThreshold.toSeconds(), cfg.callerGraceSeconds,
        sections);
    List<PartialAgent> agents = new ArrayList<>();
    for (Map.Entry<String, Aggregates.AgentAcc> e : a.agents.entrySet()) {
      Aggregates.AgentAcc x = e.getValue();
      if (!x.hasActivity()) {
        continue; // contributes no row; leaving it out keeps the partial independent of who was merely seen
      }
      boolean operator = e.getKey().startsWith(OPERATOR_KEY);
      agents.add(new PartialAgent(operator ? "" : sourceId, x.agent, x.number, x.name, operator, x.answered,
          x.missedOffers, x.waitSeconds, x.talkSeconds, x.endedByCaller, x.endedByAgent, x.transferred,
          x.loggedInSeconds, x.pausedSeconds, x.pausedByReason));
    }
    List<QueueRow> queues = new ArrayList<>();
    for (Aggregates.QueueAcc q : a.queues.values()) {
      if (q.answered > 0 || q.lost > 0) {
        queues.add(new QueueRow(q.queue, q.name, q.answered, q.waitSeconds, q.talkSeconds, q.lost,
            q.lostWaitSeconds));
      }
    }
    return new InboundPartial(settings, List.of(sourceId), r.summary(), longs(a.slAnswered), longs(a.slLost),
        a.answeredWaits.asMap(), a.lostWaits.asMap(),
        queues, a.periodTable(cfg.periodUnit).rows(),
        agents, sections.contains(ReportSection.ANSWERED) ? r.answered() : List.of(),
        sections.contains(ReportSection.LOST) ? r.lost() : List.of(), r.input(), r.problems());
  }

  static InboundReport report(InboundPartial p) {
    PartialSettings s = p.settings();
    int[] buckets = s.serviceLevelBuckets().stream().mapToInt(Integer::intValue).toArray();
    Aggregates a = new Aggregates(buckets);
    a.answered = p.summary().answered();
    a.lost = p.summary().lost();
    a.unfinished = p.summary().unfinished();
    a.shortAbandons = p.summary().shortAbandons();
    a.maxPosition = p.summary().maxPosition();
    fill(a.talk, p.summary().talk());
    fill(a.wait, p.summary().answeredWait());
    fill(a.lostWait, p.summary().lostWait());
    for (int i = 0; i < a.slAnswered.length; i++) {
      a.slAnswered[i] = p.serviceLevelAnswered().get(i);
      a.slLost[i] = p.serviceLevelLost().get(i);
    }
    p.answeredWaits().forEach(a.answeredWaits::add);
    p.lostWaits().forEach(a.lostWaits::add);
    for (PartialAgent x : p.agents()) {
      // in the partial's canonical order, so rows that tie in the report's sort come out the same every time
      Aggregates.AgentAcc acc = new Aggregates.AgentAcc(x.agent(), x.number(), x.name());
      acc.answered = x.answered();
      acc.missedOffers = x.missedOffers();
      acc.waitSeconds = x.waitSeconds();
      acc.talkSeconds = x.talkSeconds();
      acc.endedByCaller = x.endedByCaller();
      acc.endedByAgent = x.endedByAgent();
      acc.transferred = x.transferred();
      acc.loggedInSeconds = x.loggedInSeconds();
      acc.pausedSeconds = x.pausedSeconds();
      acc.pausedByReason.putAll(x.pausedSecondsByReason());
      a.agents.put(x.key(), acc);
    }
    for (QueueRow q : p.queues()) {
      Aggregates.QueueAcc acc = new Aggregates.QueueAcc(q.queue(), q.name());
      acc.answered = q.answered();
      acc.waitSeconds = q.waitSeconds();
      acc.talkSeconds = q.talkSeconds();
      acc.lost = q.lost();
      acc.lostWaitSeconds = q.lostWaitSeconds();
      a.queues.put(q.queue(), acc);
    }
    for (PeriodTable.Row r : p.periods()) {
      Aggregates.PeriodAcc acc = new Aggregates.PeriodAcc();
      acc.answered = r.answered();
      fill(acc.answeredWait, r.answeredWait());
      fill(acc.answeredTalk, r.answeredTalk());
      acc.transferred = r.transferred();
      fill(acc.transferredWait, r.transferredWait());
      fill(acc.transferredTalk, r.transferredTalk());
      acc.lost = r.lost();
      fill(acc.lostWait, r.lostWait());
      a.periods.put(r.start(), acc);
    }
    return new InboundReport(s.window(), s.sections(), a.summary(), p.answered(), p.lost(), a.operatorRows(),
        a.queueRows(), a.serviceLevel(), a.periodTable(s.periodUnit()), a.agentRows(), p.problems(), p.input(),
        s.view());
  }

  private static void fill(Aggregates.Dur d, DurationStats s) {
    d.count = s.count();
    d.total = s.totalSeconds();
    d.min = s.minSeconds();
    d.max = s.maxSeconds();
  }

  private static List<Long> longs(long[] v) {
    List<Long> out = new ArrayList<>(v.length);
    for (long x : v) {
      out.add(x);
    }
    return out;
  }
}
