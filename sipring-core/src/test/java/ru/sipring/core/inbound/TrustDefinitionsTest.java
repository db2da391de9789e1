package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static ru.sipring.core.inbound.EngineEventsTest.lines;
import static ru.sipring.core.inbound.EngineEventsTest.run;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.ServiceLevel;

/** The metric definitions of DESIGN.md §4 that issue #11 made precise, one regression test each. */
class TrustDefinitionsTest {

  private static InboundStatistics.Builder asOf(long epoch) {
    return InboundStatistics.builder().asOf(Instant.ofEpochSecond(epoch));
  }

  private static ReportWindow window(Long from, Long to, String... queues) {
    return new ReportWindow(from == null ? null : Instant.ofEpochSecond(from),
        to == null ? null : Instant.ofEpochSecond(to), ZoneOffset.UTC, List.of(queues), List.of(), List.of());
  }

  private static AgentAnalytics agent(InboundReport r, String agent) {
    return r.agents().stream().filter(a -> a.agent().equals(agent)).findFirst().orElseThrow();
  }

  private static final String IDLE_AGENT = lines(
      "1000|MANAGER|q1|SIP/1|ADDMEMBER|",
      "1100|c1|q1|NONE|ENTERQUEUE||555|1",
      "1105|c1|q1|SIP/1|CONNECT|5|m1|3",
      "1200|c1|q1|SIP/1|COMPLETECALLER|5|95|1");

  @Test
  void aSessionOpenWhenTheDataEndsRunsToTheAsOfInstant() {
    // the agent sits idle after the last line: Asterisk writes nothing, yet they are logged in
    assertThat(agent(run(asOf(1000 + 3 * 3600), IDLE_AGENT), "SIP/1").loggedInSeconds()).isEqualTo(3 * 3600);
  }

  @Test
  void orToTheWindowEndWhenThatIsEarlier() {
    InboundReport r = run(asOf(1000 + 3 * 3600).window(window(null, 1000L + 1800)), IDLE_AGENT);
    assertThat(agent(r, "SIP/1").loggedInSeconds()).isEqualTo(1800);
  }

  @Test
  void theDefaultAsOfIsTheInjectedClocksNow() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1000 + 600), ZoneOffset.UTC);
    InboundReport r = run(InboundStatistics.builder().clock(clock), IDLE_AGENT);
    assertThat(agent(r, "SIP/1").loggedInSeconds()).isEqualTo(600);
  }

  @Test
  void aLogoffWithoutItsLoginOpensTheSessionAtLogoffMinusItsDuration() {
    String log = lines(
        "10000|c1|q1|NONE|ENTERQUEUE||555|1",
        "10005|c1|q1|Agent/7|CONNECT|5|m1|3",
        "10100|c1|q1|Agent/7|COMPLETECALLER|5|95|1",
        "10800|NONE|q1|Agent/7|AGENTLOGOFF|SIP/7|7200",
        "10900|NONE|q1|Agent/8|AGENTCALLBACKLOGOFF|8@agents|3600|Autologoff");
    InboundReport r = run(asOf(20000), log);
    assertThat(agent(r, "Agent/7").loggedInSeconds()).isEqualTo(7200);
    assertThat(agent(r, "Agent/7").callsPerHour()).isEqualTo(0.5);
    assertThat(agent(r, "Agent/8").loggedInSeconds()).isEqualTo(3600);
    // clipped to the window
    InboundReport w = run(asOf(20000).window(window(9000L, null)), log);
    assertThat(agent(w, "Agent/7").loggedInSeconds()).isEqualTo(1800);
  }

  @Test
  void pausesAreChargedOnlyToQueuesTheAgentIsAMemberOf() {
    String log = lines(
        "1000|MANAGER|6001|SIP/1|ADDMEMBER|",
        "1000|MANAGER|6000|SIP/2|ADDMEMBER|",
        "1100|NONE|NONE|SIP/1|PAUSEALL|Обед",
        "1100|NONE|6001|SIP/1|PAUSE|Обед",
        "1100|NONE|NONE|SIP/2|PAUSEALL|Обед",
        "1100|NONE|6000|SIP/2|PAUSE|Обед",
        "1400|NONE|NONE|SIP/1|UNPAUSEALL|",
        "1400|NONE|NONE|SIP/2|UNPAUSEALL|",
        "2000|MANAGER|6001|SIP/1|REMOVEMEMBER|",
        "2000|MANAGER|6000|SIP/2|REMOVEMEMBER|");
    InboundReport only6001 = run(asOf(3000).window(window(null, null, "6001")), log);
    assertThat(agent(only6001, "SIP/1").pausedSeconds()).isEqualTo(300);
    // SIP/2 never joined 6001: no pause (and no row) there
    assertThat(only6001.agents()).extracting(AgentAnalytics::agent).containsExactly("SIP/1");
    InboundReport all = run(asOf(3000), log);
    assertThat(agent(all, "SIP/2").pausedSeconds()).isEqualTo(300);
  }

  @Test
  void theWaitOfAnAnsweredCallIsTheConnectHoldtime() {
    InboundReport r = run(asOf(5000), lines(
        // the terminal event's holdtime is a second longer, as in the PBXware export
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1007|c1|q1|SIP/1|CONNECT|7|m1|3",
        "1037|c1|q1|SIP/1|COMPLETECALLER|8|30|1",
        // no CONNECT in the data: the terminal event's holdtime stands in
        "1100|c2|q1|NONE|ENTERQUEUE||556|1",
        "1139|c2|q1|SIP/1|COMPLETEAGENT|9|30|1",
        // neither carries one: wait and talk from the line times, and the line is reported
        "1200|c3|q1|NONE|ENTERQUEUE||557|1",
        "1212|c3|q1|SIP/1|CONNECT||m3|2",
        "1252|c3|q1|SIP/1|COMPLETECALLER"));
    assertThat(r.answered()).extracting(AnsweredCall::callId, a -> a.waitTime().toSeconds(), a -> a.talkTime().toSeconds())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 7L, 30L),
            org.assertj.core.groups.Tuple.tuple("c2", 9L, 30L), org.assertj.core.groups.Tuple.tuple("c3", 12L, 40L));
    assertThat(r.problems().total()).isEqualTo(1);
    assertThat(r.problems().first().get(0).message()).contains("COMPLETECALLER").contains("line times");
  }

  @Test
  void serviceLevelBothWaysAtAnyThreshold() {
    StringBuilder log = new StringBuilder();
    int[] waits = {3, 7, 7, 12, 40};
    for (int i = 0; i < waits.length; i++) {
      long t = 1000 + i * 100;
      log.append(t).append("|a").append(i).append("|q1|NONE|ENTERQUEUE||55|1\n")
          .append(t + waits[i]).append("|a").append(i).append("|q1|SIP/1|CONNECT|").append(waits[i]).append("|m|1\n")
          .append(t + 60).append("|a").append(i).append("|q1|SIP/1|COMPLETECALLER|").append(waits[i]).append("|10|1\n");
    }
    log.append("2000|l1|q1|NONE|ENTERQUEUE||56|1\n2004|l1|q1|NONE|ABANDON|1|1|4\n");
    log.append("2100|l2|q1|NONE|ENTERQUEUE||57|1\n2190|l2|q1|NONE|EXITWITHTIMEOUT|1|1|90\n");
    InboundReport r = run(asOf(5000), log.toString());
    ServiceLevel.Threshold at7 = r.serviceLevelAt(Duration.ofSeconds(7));
    assertThat(at7.answeredWithin()).isEqualTo(3);
    assertThat(at7.percent()).isEqualTo(100.0 * 3 / 7); // of offered: the guide's
    assertThat(at7.percentOfAnswered()).isEqualTo(100.0 * 3 / 5); // of answered: Asterisk's
    assertThat(r.serviceLevelAt(Duration.ofMillis(6999)).answeredWithin()).isEqualTo(1);
    assertThat(r.serviceLevelAt(Duration.ZERO).answeredWithin()).isZero();
    // the bucket rows say the same as the any-threshold answer at their bounds
    for (ServiceLevel.Threshold t : r.serviceLevel().thresholds()) {
      assertThat(r.serviceLevelAt(Duration.ofSeconds(t.seconds()))).isEqualTo(t);
    }
  }

  @Test
  void aLogWithEveryLineWrittenTwiceGivesTheSameReport() {
    String log = MergeableAggregatesTest.randomLog(11, 3000);
    StringBuilder twice = new StringBuilder();
    for (String l : log.split("\n")) {
      twice.append(l).append('\n').append(l).append('\n');
    }
    InboundReport once = run(asOf(2_000_000_000L), log);
    InboundReport doubled = run(asOf(2_000_000_000L), twice.toString());
    assertThat(once.summary().answered()).isPositive();
    assertThat(doubled.summary()).isEqualTo(once.summary());
    assertThat(doubled.agents()).isEqualTo(once.agents());
    assertThat(doubled.serviceLevel()).isEqualTo(once.serviceLevel());
    assertThat(doubled.answered()).isEqualTo(once.answered());
    assertThat(doubled.problems().countsByKind()).containsKey("duplicate line");
  }

  @Test
  void theMemoryOfRecentLinesStaysBounded() {
    RecentLines recent = new RecentLines();
    for (int i = 0; i < 1_000_000; i++) {
      byte[] line = ("" + (1000 + i / 100) + "|c" + i).getBytes(StandardCharsets.US_ASCII);
      assertThat(recent.seenBefore(line, 0, line.length, 1000 + i / 100)).isFalse();
    }
    // 100 lines a second, a window of a few seconds: far fewer slots than lines
    assertThat(recent.capacity()).isLessThanOrEqualTo(8192);
    byte[] again = ("" + (1000 + 999_999 / 100) + "|c999999").getBytes(StandardCharsets.US_ASCII);
    assertThat(recent.seenBefore(again, 0, again.length, 1000 + 999_999 / 100)).isTrue();
  }

  @Test
  void absurdNumbersNeverEndTheReport() {
    assertThatCode(() -> run(asOf(5000), lines(
        "123456789012345678|c1|q1|NONE|ENTERQUEUE||555|1",
        "1000|c2|q1|NONE|ENTERQUEUE||555|99999999999999999",
        "1007|c2|q1|SIP/1|CONNECT|999999999999999999|m1|3",
        "1037|c2|q1|SIP/1|COMPLETECALLER|999999999999999999|999999999999999999|1",
        "1037|c3|q1|SIP/1|COMPLETEAGENT|999999999999999999|999999999999999999|1",
        "1040|c4|q1|NONE|ABANDON|1|1|999999999999999999",
        "1050|NONE|q1|Agent/9|AGENTLOGOFF|SIP/9|999999999999999999"))).doesNotThrowAnyException();
    InboundReport r = run(asOf(5000), lines("123456789012345678|c1|q1|NONE|ENTERQUEUE||555|1"));
    assertThat(r.problems().first()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("epoch out of range"));
  }
}
