package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.inbound.partial.PartialFormat;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/**
 * Properties of public partials (seeded; the seed is in every failure message): merge order and grouping do not
 * matter, the merge of the sources' partials is the report of their union, and the serialised form round-trips.
 */
class PartialMergeTest {

  /** One PBX's log: the shared generator's calls with this source's callids and agent values. */
  static String sourceLog(long seed, int k, int calls, boolean multiStint) {
    String log = MergeableAggregatesTest.randomLog(seed, calls, multiStint);
    StringBuilder sb = new StringBuilder();
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eed);
    for (String line : log.split("\n")) {
      if (line.contains("|QUEUESTART|")) {
        continue; // a restart of one PBX; a log of several PBXs joined in one file would apply it to all
      }
      String[] f = line.split("\\|", -1);
      if (!List.of("NONE", "MANAGER").contains(f[1])) {
        f[1] = "s" + k + "-" + f[1];
      }
      if (!f[3].equals("NONE")) {
        f[3] = f[3].replaceFirst("/", "/" + k + "0"); // SIP/1 -> SIP/k01: another PBX's extension
      }
      sb.append(String.join("|", f)).append('\n');
      if (rnd.nextInt(200) == 0) {
        sb.append("junk line of source ").append(k).append('\n');
      }
    }
    return sb.toString();
  }

  /** Every source's SIP/k01 is operator 100 "Иванов": the same person working on every PBX. */
  static AgentDirectory directory(int sources) {
    Map<String, Operator> m = new HashMap<>();
    for (int k = 0; k < sources; k++) {
      m.put("SIP/" + k + "01", new Operator("100", "Иванов"));
    }
    return AgentDirectory.of(m);
  }

  static QueueLogInput input(String name, String text) {
    return QueueLogInput.stream(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The lines of several logs as one log in time order (stable), as if one machine had read them all. */
  static String union(List<String> logs) {
    record L(long t, int src, int seq, String text) {}
    List<L> all = new ArrayList<>();
    for (int k = 0; k < logs.size(); k++) {
      String[] lines = logs.get(k).split("\n");
      long last = Long.MIN_VALUE;
      for (int i = 0; i < lines.length; i++) {
        String s = lines[i];
        int bar = s.indexOf('|');
        long t = bar > 0 && s.substring(0, bar).chars().allMatch(Character::isDigit) ? Long.parseLong(s.substring(0, bar))
            : last; // junk stays next to its neighbour
        last = t;
        all.add(new L(t, k, i, s));
      }
    }
    all.sort(Comparator.comparingLong(L::t).thenComparingInt(L::src).thenComparingInt(L::seq));
    StringBuilder sb = new StringBuilder();
    all.forEach(l -> sb.append(l.text()).append('\n'));
    return sb.toString();
  }

  static long lastEpoch(String log) {
    long last = 0;
    for (String s : log.split("\n")) {
      int bar = s.indexOf('|');
      if (bar > 0 && s.substring(0, bar).chars().allMatch(Character::isDigit)) {
        last = Math.max(last, Long.parseLong(s.substring(0, bar)));
      }
    }
    return last;
  }

  record Fleet(List<String> logs, InboundStatistics stats) {}

  static Fleet fleet(long seed, int sources, int calls) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ReportView view = rnd.nextBoolean() ? ReportView.QUEUE : ReportView.CALLER;
    List<String> logs = new ArrayList<>();
    for (int k = 0; k < sources; k++) {
      logs.add(sourceLog(seed * 31 + k, k, calls, view == ReportView.CALLER));
    }
    // every source's open sessions are cut at the window end, so where each log ends does not matter
    long to = logs.stream().mapToLong(PartialMergeTest::lastEpoch).min().orElseThrow();
    Instant from = rnd.nextBoolean() ? null : Instant.ofEpochSecond(1_600_000_000L + rnd.nextInt(3600));
    PeriodTable.PeriodUnit unit = PeriodTable.PeriodUnit.values()[rnd.nextInt(3)];
    InboundStatistics stats = InboundStatistics.builder().view(view).periodUnit(unit)
        .window(new ReportWindow(from, Instant.ofEpochSecond(to), ZoneId.of("Europe/Moscow"), List.of(), List.of(),
            List.of()))
        .agents(directory(sources))
        .shortAbandonThreshold(rnd.nextBoolean() ? null : Duration.ofSeconds(7))
        .maxProblemsKept(3)
        .build();
    return new Fleet(logs, stats);
  }

  static List<InboundPartial> partials(Fleet f) {
    List<InboundPartial> out = new ArrayList<>();
    for (int k = 0; k < f.logs.size(); k++) {
      out.add(f.stats.computePartial("pbx-" + k, input("pbx-" + k + "/queue_log", f.logs.get(k))));
    }
    return out;
  }

  /** A random binary grouping of the list's partials, merged. */
  static InboundPartial randomTree(List<InboundPartial> ps, SplittableRandom rnd) {
    if (ps.size() == 1) {
      return ps.get(0);
    }
    int cut = 1 + rnd.nextInt(ps.size() - 1);
    InboundPartial left = randomTree(ps.subList(0, cut), rnd);
    InboundPartial right = randomTree(ps.subList(cut, ps.size()), rnd);
    return rnd.nextBoolean() ? left.merge(right) : right.merge(left);
  }

  @Test
  void mergeOrderAndGroupingDoNotMatter() {
    long base = new SplittableRandom().nextLong();
    for (int i = 0; i < 12; i++) {
      long seed = base + i;
      try {
        List<InboundPartial> ps = partials(fleet(seed, 5, 150));
        InboundPartial reference = InboundPartial.mergeAll(ps);
        InboundReport report = InboundStatistics.report(reference);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 6; round++) {
          List<InboundPartial> shuffled = new ArrayList<>(ps);
          Collections.shuffle(shuffled, new java.util.Random(rnd.nextLong()));
          InboundPartial m = randomTree(shuffled, rnd);
          assertThat(m).isEqualTo(reference);
          assertThat(InboundStatistics.report(m)).isEqualTo(report);
        }
        assertThat(report.summary().answered()).isPositive();
        assertThat(report.operators()).anyMatch(o -> o.number().equals("100"));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void mergedPartialsGiveTheReportOfTheUnion() {
    long base = new SplittableRandom().nextLong();
    for (int i = 0; i < 16; i++) {
      long seed = base + i;
      try {
        Fleet f = fleet(seed, 1 + (int) Math.floorMod(seed, 4L), 200);
        InboundReport whole = f.stats.compute(input("union", union(f.logs)));
        InboundReport merged = InboundStatistics.report(InboundPartial.mergeAll(partials(f)));
        assertThat(merged.window()).isEqualTo(whole.window());
        assertThat(merged.sections()).isEqualTo(whole.sections());
        assertThat(merged.view()).isEqualTo(whole.view());
        assertThat(merged.summary()).isEqualTo(whole.summary());
        assertThat(merged.serviceLevel()).isEqualTo(whole.serviceLevel());
        assertThat(merged.queues()).isEqualTo(whole.queues());
        assertThat(merged.periods()).isEqualTo(whole.periods());
        assertThat(merged.answered()).isEqualTo(whole.answered());
        assertThat(merged.lost()).isEqualTo(whole.lost());
        // an operator seen under several agent values shows one of them: the first seen (one pass) or the
        // smallest (a merge); and an operator logged in on several PBXs at once has the sum of the PBXs'
        // logged-in and paused times in a merge, their union in one pass over a joined log (documented)
        assertThat(operators(merged)).isEqualTo(operators(whole));
        assertThat(agents(merged, false)).isEqualTo(agents(whole, false));
        List<InboundPartial> each = partials(f);
        long loggedIn = 0;
        long paused = 0;
        for (InboundPartial p : each) {
          for (var a : p.agents()) {
            if (a.operator()) {
              loggedIn += a.loggedInSeconds();
              paused += a.pausedSeconds();
            }
          }
        }
        long mergedLoggedIn = merged.agents().stream().filter(a -> a.number().equals("100"))
            .mapToLong(AgentAnalytics::loggedInSeconds).sum();
        long mergedPaused = merged.agents().stream().filter(a -> a.number().equals("100"))
            .mapToLong(AgentAnalytics::pausedSeconds).sum();
        assertThat(mergedLoggedIn).isEqualTo(loggedIn);
        assertThat(mergedPaused).isEqualTo(paused);
        if (each.size() == 1) {
          assertThat(agents(merged, true)).isEqualTo(agents(whole, true));
        }
        assertThat(merged.input().lines()).isEqualTo(whole.input().lines());
        assertThat(merged.input().eventCounts()).isEqualTo(whole.input().eventCounts());
        assertThat(merged.problems().total()).isEqualTo(whole.problems().total());
        assertThat(merged.problems().countsByKind()).isEqualTo(whole.problems().countsByKind());
        assertThat(whole.summary().answered()).isPositive();
        assertThat(whole.agents().stream().mapToLong(AgentAnalytics::loggedInSeconds).sum()).isPositive();
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  static List<OperatorRow> operators(InboundReport r) {
    return r.operators().stream().map(o -> o.number().equals("100") ? new OperatorRow("", o.number(), o.name(),
        o.answered(), o.waitSeconds(), o.talkSeconds(), o.endedByCaller(), o.endedByAgent(), o.transferred()) : o)
        .toList();
  }

  /** The agent rows, an operator's agent value blanked and, unless {@code withTimes}, its times too. */
  static List<AgentAnalytics> agents(InboundReport r, boolean withTimes) {
    return r.agents().stream().map(a -> a.number().equals("100") ? new AgentAnalytics("", a.number(), a.name(),
        a.answered(), a.missedOffers(), a.endedByCaller(), a.talkSeconds(), withTimes ? a.loggedInSeconds() : 0,
        withTimes ? a.pausedSecondsByReason() : Map.of(), withTimes ? a.pausedSeconds() : 0) : a).toList();
  }

  @Test
  void serialisedPartialsRoundTrip() {
    long base = new SplittableRandom().nextLong();
    for (int i = 0; i < 8; i++) {
      long seed = base + i;
      try {
        List<InboundPartial> ps = partials(fleet(seed, 3, 120));
        ps.add(InboundPartial.mergeAll(ps));
        for (InboundPartial p : ps) {
          String text = PartialFormat.toText(p);
          InboundPartial back = PartialFormat.fromText("p", text);
          assertThat(back).isEqualTo(p);
          assertThat(PartialFormat.toText(back)).isEqualTo(text);
        }
        // merging what was read gives what merging the originals gave
        InboundPartial viaText = InboundPartial.mergeAll(ps.subList(0, 3).stream()
            .map(p -> PartialFormat.fromText("p", PartialFormat.toText(p))).toList());
        assertThat(viaText).isEqualTo(ps.get(3));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void theSameAgentValueOnTwoPbxsStaysTwoAgentsUnlessTheDirectoryJoinsThem() {
    String log = "1600000000|MANAGER|q1|SIP/501|ADDMEMBER|\n"
        + "1600000010|c1|q1|NONE|ENTERQUEUE||100|1\n"
        + "1600000015|c1|q1|SIP/501|CONNECT|5|x|1\n"
        + "1600000075|c1|q1|SIP/501|COMPLETECALLER|5|60|1\n"
        + "1600000100|MANAGER|q1|SIP/501|REMOVEMEMBER|\n";
    InboundStatistics plain = InboundStatistics.builder().build();
    InboundReport apart = InboundStatistics.report(plain.computePartial("a", input("a", log))
        .merge(plain.computePartial("b", input("b", log.replace("c1", "c2").replace("|5|", "|0|")))));
    assertThat(apart.operators()).hasSize(2).allMatch(o -> o.answered() == 1 && o.agent().equals("SIP/501"));
    assertThat(apart.agents()).hasSize(2).allMatch(a -> a.loggedInSeconds() == 100);
    // each agent row of the JSON is paired with its own operator row (waits 5 and 0), not the other PBX's SIP/501
    StringBuilder json = new StringBuilder();
    ru.sipring.core.report.render.JsonReportRenderer.of().render(apart, EnumSet.of(ReportSection.AGENTS,
        ReportSection.OPERATORS), json);
    String agentsJson = json.substring(json.indexOf("\"agents\""));
    assertThat(agentsJson.split("\"waitSeconds\": 5,", -1)).hasSize(2);
    assertThat(agentsJson.split("\"waitSeconds\": 0,", -1)).hasSize(2);
    InboundStatistics named = InboundStatistics.builder()
        .agents(AgentDirectory.of(Map.of("SIP/501", new Operator("501", "Петрова")))).build();
    InboundReport joined = InboundStatistics.report(named.computePartial("a", input("a", log))
        .merge(named.computePartial("b", input("b", log.replace("c1", "c2")))));
    assertThat(joined.operators()).singleElement().satisfies(o -> assertThat(o.answered()).isEqualTo(2));
    assertThat(joined.agents()).singleElement().satisfies(a -> assertThat(a.loggedInSeconds()).isEqualTo(200));
    assertThat(joined.summary().answered()).isEqualTo(2);
  }

  @Test
  void partialsWithDifferentSettingsAreRefused() {
    String log = "1600000010|c1|q1|NONE|ENTERQUEUE||100|1\n1600000020|c1|q1|NONE|ABANDON|1|1|10\n";
    InboundPartial base = InboundStatistics.builder().build().computePartial("a", input("a", log));
    InboundPartial buckets = InboundStatistics.builder().serviceLevelBuckets(List.of(10, 20)).build()
        .computePartial("b", input("b", log));
    InboundPartial zone = InboundStatistics.builder().window(ReportWindow.all(ZoneId.of("Asia/Tokyo"))).build()
        .computePartial("c", input("c", log));
    InboundPartial hours = InboundStatistics.builder().periodUnit(PeriodTable.PeriodUnit.HOUR).build()
        .computePartial("d", input("d", log));
    InboundPartial caller = InboundStatistics.builder().view(ReportView.CALLER).build()
        .computePartial("e", input("e", log));
    InboundPartial summaryOnly = InboundStatistics.builder().sections(EnumSet.of(ReportSection.SUMMARY)).build()
        .computePartial("f", input("f", log));
    assertThatThrownBy(() -> base.merge(buckets)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("[a]").hasMessageContaining("[b]")
        .hasMessageContaining("service-level buckets differs ([5, 10, 15, 30, 45, 60, 90, 120, 300] vs [10, 20])");
    assertThatThrownBy(() -> base.merge(zone)).hasMessageContaining("zone differs (Z vs Asia/Tokyo)");
    assertThatThrownBy(() -> base.merge(hours)).hasMessageContaining("period unit differs (day vs hour)");
    assertThatThrownBy(() -> base.merge(caller)).hasMessageContaining("view differs (queue vs caller)");
    assertThatThrownBy(() -> base.merge(summaryOnly)).hasMessageContaining("sections differs");
  }

  @Test
  void adjacentWindowsMergeIntoTheirSpan() {
    String log = MergeableAggregatesTest.randomLog(7, 300);
    ZoneId z = ZoneId.of("Europe/Moscow");
    Instant a = Instant.ofEpochSecond(1_600_000_000L);
    Instant b = Instant.ofEpochSecond(1_600_010_000L);
    Instant c = Instant.ofEpochSecond(lastEpoch(log));
    java.util.function.BiFunction<Instant, Instant, InboundStatistics> in = (f, t) -> InboundStatistics.builder()
        .window(new ReportWindow(f, t, z, List.of(), List.of(), List.of())).build();
    InboundPartial first = in.apply(a, b).computePartial("pbx", input("x", log));
    InboundPartial second = in.apply(b, c).computePartial("pbx", input("x", log));
    InboundReport merged = InboundStatistics.report(second.merge(first));
    InboundReport whole = in.apply(a, c).compute(input("x", log));
    assertThat(merged.window()).isEqualTo(whole.window());
    assertThat(merged.summary()).isEqualTo(whole.summary());
    assertThat(merged.periods()).isEqualTo(whole.periods());
    assertThat(merged.agents()).isEqualTo(whole.agents());
    assertThat(merged.answered()).isEqualTo(whole.answered());
  }

  @Test
  void aDetailSinkLeavesTheRowsOutOfThePartial() {
    String log = MergeableAggregatesTest.randomLog(3, 50);
    List<Object> streamed = new ArrayList<>();
    InboundPartial p = InboundStatistics.builder().detailSink(streamed::add, streamed::add).build()
        .computePartial("a", input("a", log));
    assertThat(p.answered()).isEmpty();
    assertThat(p.lost()).isEmpty();
    assertThat(p.settings().sections()).doesNotContain(ReportSection.ANSWERED, ReportSection.LOST);
    assertThat(streamed).isNotEmpty();
  }

  @Test
  void aBadSourceIdIsRefused() {
    InboundStatistics s = InboundStatistics.builder().build();
    assertThatThrownBy(() -> s.computePartial("", input("a", ""))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.computePartial("a\nb", input("a", ""))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a?b");
  }
}
