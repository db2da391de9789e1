package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/** Property: the aggregates of two halves of a window, merged, equal the aggregates of the whole window. */
class MergeableAggregatesTest {

  /** A random but reproducible log: calls of every outcome, ring offers, sessions, pauses, restarts. */
  static String randomLog(long seed, int calls) {
    return randomLog(seed, calls, false);
  }

  /**
   * With {@code multiStint}, some callers go on to a second queue with the same callid (after a timeout, a key
   * exit or a blind transfer) and some are attended-transferred into another queue with the asterisk#759 callid
   * swap.
   */
  static String randomLog(long seed, int calls, boolean multiStint) {
    SplittableRandom rnd = new SplittableRandom(seed);
    record L(long t, long seq, String text) {}
    List<L> out = new ArrayList<>();
    long[] seq = {0};
    java.util.function.BiConsumer<Long, String> at = (t, s) -> out.add(new L(t, seq[0]++, t + "|" + s));
    long t = 1_600_000_000L;
    String[] agents = {"SIP/1", "SIP/2", "SIP/3", "Local/4@from-queue/n", "PJSIP/5"};
    String[] queues = {"q1", "q2", "q3"};
    for (String a : agents) {
      at.accept(t, "MANAGER|q1|" + a + "|ADDMEMBER|");
    }
    for (int i = 0; i < calls; i++) {
      t += rnd.nextInt(0, 120);
      String id = t + "." + i;
      String q = queues[rnd.nextInt(queues.length)];
      int pos = 1 + rnd.nextInt(4);
      at.accept(t, id + "|" + q + "|NONE|ENTERQUEUE||" + (100 + rnd.nextInt(20)) + "|" + pos);
      int wait = rnd.nextInt(0, 400);
      if (rnd.nextInt(4) == 0) {
        at.accept(t + wait / 2, id + "|" + q + "|" + agents[rnd.nextInt(agents.length)] + "|RINGNOANSWER|15000");
      }
      String agent = agents[rnd.nextInt(agents.length)];
      int k = rnd.nextInt(multiStint ? 14 : 12);
      int talk = rnd.nextInt(0, 900);
      String q2 = queues[(java.util.Arrays.asList(queues).indexOf(q) + 1 + rnd.nextInt(2)) % queues.length];
      boolean again = multiStint && rnd.nextBoolean();
      long end = t + wait;
      switch (k) {
        case 0, 1, 2, 3, 4 -> {
          at.accept(t + wait, id + "|" + q + "|" + agent + "|CONNECT|" + wait + "|x|1");
          String ev = k < 2 ? "COMPLETECALLER" : k < 4 ? "COMPLETEAGENT" : "BLINDTRANSFER|200|ctx";
          at.accept(t + wait + talk, id + "|" + q + "|" + agent + "|" + ev + "|" + wait + "|" + talk + "|" + pos);
          end = k == 4 ? t + wait + talk : -1;
        }
        case 5 -> at.accept(t + wait, id + "|" + q + "|NONE|ABANDON|" + pos + "|" + pos + "|" + wait);
        case 6 -> at.accept(t + wait, id + "|" + q + "|NONE|EXITWITHTIMEOUT|" + pos + "|" + pos + "|" + wait);
        case 7 -> at.accept(t + wait, id + "|" + q + "|NONE|EXITWITHKEY|1|" + pos + "|" + pos + "|" + wait);
        case 8 -> at.accept(t + wait, id + "|" + q + "|" + agent + "|ABANDON|" + pos + "|" + pos + "|" + wait);
        case 9 -> end = -1; // never ends: unfinished
        case 10 -> {
          String a = agents[rnd.nextInt(agents.length)];
          at.accept(t, "NONE|NONE|" + a + "|PAUSEALL|" + (rnd.nextBoolean() ? "Lunch" : ""));
          at.accept(t, "NONE|q1|" + a + "|PAUSE|Lunch");
          at.accept(t + talk, "NONE|q1|" + a + "|UNPAUSE|");
          at.accept(t + wait, id + "|" + q + "|NONE|EXITEMPTY|" + pos + "|" + pos + "|" + wait);
          end = -1;
        }
        case 12, 13 -> {
          // asterisk#759: attended transfer into q2 logged under the consult channel's callid
          String consult = id + "x";
          long c = t + wait + talk;
          at.accept(t + wait, id + "|" + q + "|" + agent + "|CONNECT|" + wait + "|x|1");
          at.accept(c, consult + "|" + q2 + "|NONE|ENTERQUEUE||7009|1");
          at.accept(c + 1, consult + "|" + q + "|" + agent + "|ATTENDEDTRANSFER|APP|Queue|" + wait + "|" + talk + "|1");
          int w2 = rnd.nextInt(2, 300);
          String b = agents[rnd.nextInt(agents.length)];
          if (rnd.nextInt(3) > 0) {
            at.accept(c + w2, id + "|" + q2 + "|" + b + "|CONNECT|" + w2 + "|x|1");
            at.accept(c + w2 + talk, id + "|" + q2 + "|" + b + "|COMPLETEAGENT|" + w2 + "|" + talk + "|1");
          } else {
            at.accept(c + w2, consult + "|" + q2 + "|NONE|ABANDON|1|1|" + w2);
          }
          end = -1;
        }
        default -> {
          String a = agents[rnd.nextInt(agents.length)];
          at.accept(t, "MANAGER|q" + (1 + rnd.nextInt(3)) + "|" + a + "|" + (rnd.nextBoolean() ? "ADD" : "REMOVE")
              + "MEMBER|");
          if (rnd.nextInt(30) == 0) {
            at.accept(t, "NONE|NONE|NONE|QUEUESTART|");
          }
          end = -1;
        }
      }
      if (again && end >= 0 && (k == 4 || k == 6 || k == 7)) {
        // the same caller goes on to a second queue
        long e2 = end + rnd.nextInt(0, 6);
        int w2 = rnd.nextInt(0, 200);
        at.accept(e2, id + "|" + q2 + "|NONE|ENTERQUEUE||" + (100 + rnd.nextInt(20)) + "|1");
        switch (rnd.nextInt(3)) {
          case 0 -> {
            at.accept(e2 + w2, id + "|" + q2 + "|" + agent + "|CONNECT|" + w2 + "|x|1");
            at.accept(e2 + w2 + talk, id + "|" + q2 + "|" + agent + "|COMPLETECALLER|" + w2 + "|" + talk + "|1");
          }
          case 1 -> at.accept(e2 + w2, id + "|" + q2 + "|NONE|ABANDON|1|1|" + w2);
          default -> { } // still waiting when the data ends
        }
      }
    }
    out.sort(Comparator.comparingLong(L::t).thenComparingLong(L::seq));
    StringBuilder sb = new StringBuilder();
    out.forEach(l -> sb.append(l.text()).append('\n'));
    return sb.toString();
  }

  static Aggregates aggregate(String log, Instant from, Instant to, PeriodTable.PeriodUnit unit) {
    return aggregate(log, from, to, unit, ReportView.QUEUE);
  }

  static Aggregates aggregate(String log, Instant from, Instant to, PeriodTable.PeriodUnit unit, ReportView view) {
    InboundStatistics cfg = InboundStatistics.builder().periodUnit(unit).view(view)
        .asOf(Instant.parse("2020-10-12T00:00:00Z"))
        .window(new ReportWindow(from, to, ZoneId.of("Europe/Moscow"), List.of(), List.of(), List.of())).build();
    Engine e = new Engine(cfg, -1);
    QueueLogInput.stream("gen", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))).read(e);
    return e.closeAll();
  }

  static InboundReport report(Aggregates a, PeriodTable.PeriodUnit unit) {
    InboundStatistics cfg = InboundStatistics.builder().periodUnit(unit).build();
    return new Engine(cfg, -1).build(a);
  }

  @Test
  void twoThreadsGiveTheSameReportAsOne() {
    twoThreadsGiveTheSameReportAsOne(ReportView.QUEUE);
  }

  @Test
  void twoThreadsGiveTheSameReportAsOneInTheCallerView() {
    twoThreadsGiveTheSameReportAsOne(ReportView.CALLER);
  }

  private void twoThreadsGiveTheSameReportAsOne(ReportView view) {
    long seed = new SplittableRandom().nextLong();
    // big enough for many pipeline batches, with some junk lines in between
    String log = randomLog(seed, 40_000, view == ReportView.CALLER)
        .replace("|RINGNOANSWER|15000\n", "|RINGNOANSWER|15000\nbad line\n");
    // a fixed as-of: "now" would differ between the two runs by the time the first one took
    InboundStatistics.Builder b = InboundStatistics.builder().maxProblemsKept(5).view(view)
        .asOf(Instant.parse("2020-10-12T00:00:00Z"));
    java.util.function.Function<Integer, InboundReport> run = threads -> b.threads(threads).build().compute(
        QueueLogInput.stream("gen", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
    InboundReport one = run.apply(1);
    InboundReport two = run.apply(2);
    assertThat(two).as("seed " + seed).isEqualTo(one);
    assertThat(one.problems().total()).as("seed " + seed).isPositive();
  }

  @Test
  void twoHalvesMergedEqualTheWhole() {
    twoHalvesMergedEqualTheWhole(ReportView.QUEUE);
  }

  /** In the caller view a caller belongs to the half of its first ENTERQUEUE, so the halves still add up. */
  @Test
  void twoHalvesMergedEqualTheWholeInTheCallerView() {
    twoHalvesMergedEqualTheWhole(ReportView.CALLER);
  }

  private void twoHalvesMergedEqualTheWhole(ReportView view) {
    long base = new SplittableRandom().nextLong();
    for (int i = 0; i < 40; i++) {
      long seed = base + i;
      try {
        String log = randomLog(seed, 300, view == ReportView.CALLER);
        SplittableRandom rnd = new SplittableRandom(seed);
        long first = 1_600_000_000L;
        long last = Long.parseLong(log.substring(log.lastIndexOf('\n', log.length() - 2) + 1).split("\\|")[0]);
        Instant lo = Instant.ofEpochSecond(first);
        Instant hi = Instant.ofEpochSecond(last + 1);
        Instant mid = Instant.ofEpochSecond(rnd.nextLong(first + 1, last));
        PeriodTable.PeriodUnit unit = PeriodTable.PeriodUnit.values()[rnd.nextInt(3)];
        InboundReport whole = report(aggregate(log, lo, hi, unit, view), unit);
        InboundReport merged = report(aggregate(log, lo, mid, unit, view)
            .merge(aggregate(log, mid, hi, unit, view)), unit);
        assertThat(merged.summary()).isEqualTo(whole.summary());
        assertThat(merged.operators()).isEqualTo(whole.operators());
        assertThat(merged.queues()).isEqualTo(whole.queues());
        assertThat(merged.serviceLevel()).isEqualTo(whole.serviceLevel());
        assertThat(merged.periods()).isEqualTo(whole.periods());
        assertThat(merged.agents()).isEqualTo(whole.agents());
        assertThat(merged.answered()).hasSameElementsAs(whole.answered());
        assertThat(merged.lost()).hasSameElementsAs(whole.lost());
        assertThat(whole.summary().answered()).isPositive();
        assertThat(whole.agents().stream().mapToLong(a -> a.loggedInSeconds()).sum()).isPositive();
        if (view == ReportView.CALLER) {
          assertThat(whole.answered()).anyMatch(a -> a.stints() > 1);
          assertThat(whole.lost()).anyMatch(a -> a.stints() > 1);
          // grouping only moves stints into callers: agent rows are the queue view's
          InboundReport perQueue = report(aggregate(log, lo, hi, unit, ReportView.QUEUE), unit);
          assertThat(whole.agents()).isEqualTo(perQueue.agents());
          assertThat(whole.operators()).isEqualTo(perQueue.operators());
          assertThat(whole.summary().answered() + whole.summary().lost())
              .isLessThan(perQueue.summary().answered() + perQueue.summary().lost());
        }
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }
}
