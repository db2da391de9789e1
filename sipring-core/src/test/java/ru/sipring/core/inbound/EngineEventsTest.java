package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AgentAnalytics;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.ReportWindow;

/** One test per queue_log event and edge case of research/inbound.md §2.3 and §2.5. */
class EngineEventsTest {

  static InboundReport run(String log) {
    return run(InboundStatistics.builder(), log);
  }

  static InboundReport run(InboundStatistics.Builder b, String log) {
    return b.build().compute(QueueLogInput.stream("test", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
  }

  static String lines(String... l) {
    return String.join("\n", l) + "\n";
  }

  @Test
  void completeCallerAndAgent() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1007|c1|q1|SIP/1|CONNECT|7|m1|3",
        "1037|c1|q1|SIP/1|COMPLETECALLER|7|30|1",
        "1100|c2|q1|NONE|ENTERQUEUE||556|2",
        "1102|c2|q1|SIP/2|CONNECT|2|m2|1",
        "1110|c2|q1|SIP/2|COMPLETEAGENT|2|8|2"));
    assertThat(r.summary().answered()).isEqualTo(2);
    assertThat(r.summary().maxPosition()).isEqualTo(2);
    assertThat(r.answered()).extracting(AnsweredCall::caller, AnsweredCall::agent, AnsweredCall::waitTime,
            AnsweredCall::talkTime, AnsweredCall::endedBy, AnsweredCall::callId, AnsweredCall::enteredAt)
        .containsExactly(
            tuple("555", "SIP/1", Duration.ofSeconds(7), Duration.ofSeconds(30), EndedBy.CALLER, "c1",
                Instant.ofEpochSecond(1000)),
            tuple("556", "SIP/2", Duration.ofSeconds(2), Duration.ofSeconds(8), EndedBy.AGENT, "c2",
                Instant.ofEpochSecond(1100)));
  }

  @Test
  void transfersBlindAttendedAndLegacy() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1003|c1|q1|SIP/1|CONNECT|3|m1|1",
        "1020|c1|q1|SIP/1|BLINDTRANSFER|200|from-internal|3|17|1",
        "1100|c2|q1|NONE|ENTERQUEUE||556|1",
        "1104|c2|q1|SIP/1|CONNECT|4|m2|1",
        "1120|c2|q1|SIP/1|ATTENDEDTRANSFER|BRIDGE|b-1|4|16|1",
        "1200|c3|q1|NONE|ENTERQUEUE||557|1",
        "1205|c3|q1|SIP/1|CONNECT|5|m3|1",
        "1230|c3|q1|SIP/1|ATTENDEDTRANSFER|LINK|Local/a|Local/b|5|25|1",
        "1300|c4|q1|NONE|ENTERQUEUE||558|1",
        "1306|c4|q1|Agent/7|CONNECT|6|m4|1",
        "1330|c4|q1|Agent/7|TRANSFER|200|default|6|24"));
    assertThat(r.summary().answered()).isEqualTo(4);
    assertThat(r.answered()).extracting(a -> a.waitTime().toSeconds(), a -> a.talkTime().toSeconds(),
            AnsweredCall::endedBy)
        .containsExactly(tuple(3L, 17L, EndedBy.TRANSFER), tuple(4L, 16L, EndedBy.TRANSFER),
            tuple(5L, 25L, EndedBy.TRANSFER), tuple(6L, 24L, EndedBy.TRANSFER));
    assertThat(r.operators()).extracting(o -> o.agent(), o -> o.transferred()).containsExactly(
        tuple("SIP/1", 3L), tuple("Agent/7", 1L)); // ordered by number: "1" < "7"
    assertThat(r.periods().rows().get(0).transferred()).isEqualTo(4);
    assertThat(r.periods().rows().get(0).transferredTalk().totalSeconds()).isEqualTo(17 + 16 + 25 + 24);
  }

  @Test
  void everyLostCause() {
    InboundReport r = run(InboundStatistics.builder().shortAbandonThreshold(Duration.ofSeconds(5)), lines(
        "1000|c1|q1|NONE|ENTERQUEUE||1|1",
        "1003|c1|q1|NONE|ABANDON|1|1|3",
        "1100|c2|q1|NONE|ENTERQUEUE||2|2",
        "1160|c2|q1|NONE|EXITWITHTIMEOUT|1|2|60",
        "1200|c3|q1|NONE|ENTERQUEUE||3|1",
        "1210|c3|q1|NONE|EXITWITHKEY|5|1|1|10",
        "1300|c4|q1|NONE|ENTERQUEUE||4|1",
        "1301|c4|q1|NONE|EXITEMPTY|1|1|1",
        "1400|c5|q1|NONE|ENTERQUEUE||5|1",
        "1420|c5|q1|NONE|WITHDRAW|1|1|20|callback requested",
        "1500|c6|q1|NONE|ENTERQUEUE||6|1",
        "1508|c6|q1|SIP/1|SYSCOMPAT|",
        "1600|c7|q1|NONE|ENTERQUEUE||7|1",
        "1612|c7|q1|SIP/1|ABANDON|1|1|12"));
    assertThat(r.summary().lost()).isEqualTo(7);
    assertThat(r.summary().shortAbandons()).isEqualTo(1);
    assertThat(r.lost()).extracting(LostCall::cause, l -> l.waitTime().toSeconds(), LostCall::position,
            LostCall::agent)
        .containsExactly(
            tuple(LostCause.ABANDON, 3L, 1, ""), tuple(LostCause.EXITWITHTIMEOUT, 60L, 2, ""),
            tuple(LostCause.EXITWITHKEY, 10L, 1, ""), tuple(LostCause.EXITEMPTY, 1L, 1, ""),
            tuple(LostCause.WITHDRAW, 20L, 1, ""), tuple(LostCause.SYSCOMPAT, 8L, 1, "SIP/1"),
            tuple(LostCause.ABANDON, 12L, 1, "SIP/1"));
    assertThat(r.summary().answered()).isZero();
  }

  @Test
  void abandonAfterMemberAnsweredIsLostWithTheAgent() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1009|c1|q1|SIP/1|ABANDON|1|1|9"));
    assertThat(r.summary().lost()).isEqualTo(1);
    assertThat(r.lost().get(0).agent()).isEqualTo("SIP/1");
    assertThat(r.operators()).isEmpty();
  }

  @Test
  void severalRingNoAnswerAreMissedOffersNotCalls() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1015|c1|q1|SIP/1|RINGNOANSWER|15000",
        "1015|c1|q1|SIP/2|RINGNOANSWER|15000",
        "1030|c1|q1|SIP/1|RINGNOANSWER|15000",
        "1031|c1|q1|SIP/2|RINGCANCELED|1000",
        "1031|c1|q1|SIP/3|AGENTDUMP|",
        "1040|c1|q1|SIP/2|CONNECT|40|m|8",
        "1050|c1|q1|SIP/2|COMPLETECALLER|40|10|1"));
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.summary().lost()).isZero();
    assertThat(r.agents()).extracting(AgentAnalytics::agent, AgentAnalytics::missedOffers, AgentAnalytics::answered)
        .containsExactly(tuple("SIP/1", 2L, 0L), tuple("SIP/2", 1L, 1L));
    assertThat(r.input().eventCounts()).containsEntry("RINGCANCELED", 1L).containsEntry("AGENTDUMP", 1L);
  }

  @Test
  void neverTerminatedIsUnfinished() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1005|c1|q1|SIP/1|CONNECT|5|m|1",
        "1010|c2|q1|NONE|ENTERQUEUE||556|1"));
    assertThat(r.summary().unfinished()).isEqualTo(2);
    assertThat(r.summary().answered()).isZero();
    assertThat(r.summary().lost()).isZero();
  }

  @Test
  void queueStartClosesOpenCallsAsUnfinished() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1005|c1|q1|SIP/1|CONNECT|5|m|1",
        "1100|NONE|NONE|NONE|QUEUESTART|",
        "1200|c1|q1|SIP/1|COMPLETECALLER|5|30|1",
        "1300|c2|q1|NONE|ENTERQUEUE||556|1",
        "1310|c2|q1|NONE|ABANDON|1|1|10"));
    // c1 was cut by the restart; its late COMPLETECALLER (restored from nothing) is another stint
    assertThat(r.summary().unfinished()).isEqualTo(1);
    assertThat(r.summary().lost()).isEqualTo(1);
    assertThat(r.summary().answered()).isEqualTo(1);
  }

  @Test
  void outOfOrderWithinTheSameSecond() {
    InboundReport r = run(lines(
        // CONNECT and COMPLETE written before the ENTERQUEUE of the same second
        "1000|c1|q1|SIP/1|CONNECT|0|m|1",
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1020|c1|q1|SIP/1|COMPLETECALLER|0|20|1",
        // terminal first, then a late CONNECT and the ENTERQUEUE, all in one second
        "2000|c2|q1|NONE|ABANDON|1|1|0",
        "2000|c2|q1|NONE|ENTERQUEUE||556|1",
        "3000|c3|q1|NONE|ENTERQUEUE||557|1",
        "3009|c3|q1|SIP/1|COMPLETEAGENT|9|0|1",
        "3009|c3|q1|SIP/1|CONNECT|9|m|1"));
    assertThat(r.summary().answered()).isEqualTo(2);
    assertThat(r.summary().lost()).isEqualTo(1);
    assertThat(r.summary().unfinished()).isZero();
    assertThat(r.answered()).extracting(AnsweredCall::caller).containsExactly("555", "557");
    assertThat(r.lost()).extracting(LostCall::caller).containsExactly("556");
  }

  @Test
  void pauseAllBeforePerQueuePauseIsNotDoubleCounted() {
    InboundReport r = run(lines(
        "1000|MANAGER|q1|SIP/1|ADDMEMBER|",
        "1000|MANAGER|q2|SIP/1|ADDMEMBER|",
        "2000|NONE|NONE|SIP/1|PAUSEALL|Lunch",
        "2000|NONE|q1|SIP/1|PAUSE|Lunch",
        "2000|NONE|q2|SIP/1|PAUSE|Lunch",
        "2600|NONE|NONE|SIP/1|UNPAUSEALL|",
        "2600|NONE|q1|SIP/1|UNPAUSE|",
        "2600|NONE|q2|SIP/1|UNPAUSE|",
        "3000|NONE|q1|SIP/1|PAUSE|Tech",
        "3100|NONE|q1|SIP/1|UNPAUSE|",
        "4000|MANAGER|q1|SIP/1|REMOVEMEMBER|",
        "4000|MANAGER|q2|SIP/1|REMOVEMEMBER|"));
    AgentAnalytics a = r.agents().get(0);
    assertThat(a.loggedInSeconds()).isEqualTo(3000); // union over both queues, not 2 × 3000
    assertThat(a.pausedSeconds()).isEqualTo(700);
    assertThat(a.pausedSecondsByReason()).containsOnly(java.util.Map.entry("Lunch", 600L),
        java.util.Map.entry("Tech", 100L));
    assertThat(a.workSeconds()).isEqualTo(2300);
  }

  @Test
  void sessionsFromAgentLoginAndCutAtTheWindow() {
    ReportWindow w = new ReportWindow(Instant.ofEpochSecond(1500), Instant.ofEpochSecond(5000), ZoneOffset.UTC,
        List.of(), List.of(), List.of());
    InboundReport r = run(InboundStatistics.builder().window(w), lines(
        "1000|NONE|NONE|1001|AGENTLOGIN|PJSIP/1001-0001",
        "1000|MANAGER|q1|SIP/2|ADDMEMBER|PAUSED",
        "2000|NONE|q1|SIP/2|UNPAUSE|",
        "3000|NONE|NONE|1001|AGENTLOGOFF|PJSIP/1001-0001|2000",
        "6000|NONE|NONE|NONE|CONFIGRELOAD|"));
    assertThat(r.agents()).extracting(AgentAnalytics::agent, AgentAnalytics::loggedInSeconds,
            AgentAnalytics::pausedSeconds)
        .containsExactly(tuple("1001", 1500L, 0L), tuple("SIP/2", 3500L, 500L));
  }

  @Test
  void asterisk759CallIdSwapIsJoined() {
    // the corpus lines' shape with made-up numbers: agent attended-transfers a q1501 caller into q1509
    InboundReport r = run(lines(
        "1000|A.1|1501|NONE|DID|100",
        "1000|A.1|1501|NONE|ENTERQUEUE||79990000001|1",
        "1012|A.1|1501|PJSIP/7009|CONNECT|12|M.2|11",
        "1131|B.3|1509|NONE|DID|",
        "1131|B.3|1509|NONE|ENTERQUEUE||7009|1",
        "1132|B.3|1501|PJSIP/7009|ATTENDEDTRANSFER|APP|Queue|12|120|1",
        "1138|A.1|1509|PJSIP/7051|CONNECT|7|B.4|6",
        "1311|A.1|1509|PJSIP/7051|COMPLETEAGENT|7|173|1"));
    assertThat(r.summary().unfinished()).isZero();
    assertThat(r.summary().answered()).isEqualTo(2);
    assertThat(r.answered()).extracting(AnsweredCall::queue, AnsweredCall::agent, AnsweredCall::caller,
            AnsweredCall::endedBy, a -> a.talkTime().toSeconds(), AnsweredCall::callId)
        .containsExactly(
            tuple("1501", "PJSIP/7009", "79990000001", EndedBy.TRANSFER, 120L, "A.1"),
            tuple("1509", "PJSIP/7051", "79990000001", EndedBy.AGENT, 173L, "A.1"));
  }

  @Test
  void asterisk11And18ArchiveFormats() {
    InboundReport r = run(lines(
        // 1.4: ENTERQUEUE without origpos, EXITWITHTIMEOUT with the position only
        "1000|c1|q1|NONE|ENTERQUEUE||555",
        "1030|c1|q1|NONE|EXITWITHTIMEOUT|1",
        // 1.8/11: legacy TRANSFER with origpos; Agent/ prefix in AGENTCALLBACKLOGIN
        "2000|NONE|NONE|Agent/7|AGENTCALLBACKLOGIN|7@default",
        "2000|c2|q1|NONE|ENTERQUEUE||556|1",
        "2004|c2|q1|Agent/7|CONNECT|4|m|2",
        "2030|c2|q1|Agent/7|TRANSFER|200|default|4|26|1",
        "3000|NONE|NONE|Agent/7|AGENTCALLBACKLOGOFF|7@default|1000|CommandLogoff",
        // 20.14+: fourth ENTERQUEUE field (caller name) and optional trailing fields
        "4000|c3|q1|NONE|ENTERQUEUE||557|1|Ivanov_Ivan",
        "4002|c3|q1|SIP/1|CONNECT|2|m|1|extra",
        "4010|c3|q1|SIP/1|COMPLETECALLER|2|8|1|extra"));
    assertThat(r.lost()).extracting(l -> l.waitTime().toSeconds()).containsExactly(30L);
    assertThat(r.answered()).extracting(AnsweredCall::caller).containsExactly("556", "557");
    assertThat(r.agents()).filteredOn(a -> a.agent().equals("Agent/7"))
        .extracting(AgentAnalytics::loggedInSeconds).containsExactly(1000L);
  }

  @Test
  void customAndVendorEventsAreKeptAndCounted() {
    InboundReport r = run(lines(
        "1000|c1|q1|NONE|DID|4950000000",
        "1000|c1|q1|NONE|INFO|anything|at|all",
        "1000|NONE|q1|SIP/1|PENALTY|2",
        "1000|NONE|q1|SIP/1|RINGINUSE|1",
        "1000|c9|q1|SIP/1|OUTCALL|ANSWER|30|x",
        "1000|NONE|NONE|NONE|CONFIGRELOAD|"));
    assertThat(r.problems().total()).isZero();
    assertThat(r.input().lines()).isEqualTo(6);
    assertThat(r.input().eventCounts()).containsEntry("DID", 1L).containsEntry("INFO", 1L)
        .containsEntry("OUTCALL", 1L).containsEntry("CONFIGRELOAD", 1L);
    assertThat(r.summary().answered() + r.summary().lost() + r.summary().unfinished()).isZero();
  }

  @Test
  void filtersByQueueAgentAndCaller() {
    String log = lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1005|c1|q1|SIP/1|CONNECT|5|m|1",
        "1010|c1|q1|SIP/1|COMPLETECALLER|5|5|1",
        "1000|c2|q2|NONE|ENTERQUEUE||556|1",
        "1005|c2|q2|SIP/2|CONNECT|5|m|1",
        "1010|c2|q2|SIP/2|COMPLETECALLER|5|5|1",
        "1000|c3|q1|NONE|ENTERQUEUE||556|1",
        "1009|c3|q1|NONE|ABANDON|1|1|9");
    InboundReport byQueue = run(InboundStatistics.builder().window(new ReportWindow(null, null, ZoneOffset.UTC,
        List.of("q2"), List.of(), List.of())), log);
    assertThat(byQueue.summary().answered()).isEqualTo(1);
    assertThat(byQueue.summary().lost()).isZero();
    assertThat(byQueue.queues()).extracting(q -> q.queue()).containsExactly("q2");
    InboundReport byCaller = run(InboundStatistics.builder().window(new ReportWindow(null, null, ZoneOffset.UTC,
        List.of(), List.of(), List.of("556"))), log);
    assertThat(byCaller.summary().answered()).isEqualTo(1);
    assertThat(byCaller.summary().lost()).isEqualTo(1);
    InboundReport byAgent = run(InboundStatistics.builder()
        .agents(AgentDirectory.of(java.util.Map.of("SIP/1", new Operator("501", "Петрова ЛВ"))))
        .window(new ReportWindow(null, null, ZoneOffset.UTC, List.of(), List.of("501"), List.of())), log);
    assertThat(byAgent.summary().answered()).isEqualTo(1);
    assertThat(byAgent.answered().get(0).agentName()).isEqualTo("Петрова ЛВ");
    assertThat(byAgent.summary().lost()).isZero();
  }

  @Test
  void windowSelectsStintsByEnterTime() {
    ReportWindow w = new ReportWindow(Instant.ofEpochSecond(1000), Instant.ofEpochSecond(2000), ZoneOffset.UTC,
        List.of(), List.of(), List.of());
    InboundReport r = run(InboundStatistics.builder().window(w), lines(
        "999|c0|q1|NONE|ENTERQUEUE||1|1",
        "1001|c0|q1|NONE|ABANDON|1|1|2",
        "1999|c1|q1|NONE|ENTERQUEUE||2|1",
        "2005|c1|q1|SIP/1|CONNECT|6|m|1",
        "2100|c1|q1|SIP/1|COMPLETECALLER|6|95|1",
        "2000|c2|q1|NONE|ENTERQUEUE||3|1",
        "2001|c2|q1|NONE|ABANDON|1|1|1"));
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.summary().lost()).isZero();
  }

  @Test
  void detailRowsStreamToTheSinkInsteadOfTheReport() {
    List<AnsweredCall> got = new java.util.ArrayList<>();
    List<LostCall> lost = new java.util.ArrayList<>();
    InboundReport r = run(InboundStatistics.builder().detailSink(got::add, lost::add), lines(
        "1000|c1|q1|NONE|ENTERQUEUE||555|1",
        "1005|c1|q1|SIP/1|CONNECT|5|m|1",
        "1010|c1|q1|SIP/1|COMPLETECALLER|5|5|1",
        "1000|c3|q1|NONE|ENTERQUEUE||556|1",
        "1009|c3|q1|NONE|ABANDON|1|1|9"));
    assertThat(r.answered()).isEmpty();
    assertThat(r.lost()).isEmpty();
    assertThat(got).hasSize(1);
    assertThat(lost).hasSize(1);
    assertThat(r.summary().answered()).isEqualTo(1);
  }

  @Test
  void hourlyPeriodsAreCutInTheZoneAcrossDst() {
    // Europe/Berlin falls back on 2023-10-29 at 03:00 CEST → 02:00 CET: local hour 02 happens twice
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    long firstTwo = java.time.ZonedDateTime.of(2023, 10, 29, 2, 10, 0, 0, berlin).withEarlierOffsetAtOverlap()
        .toEpochSecond();
    long secondTwo = firstTwo + 3600;
    long three = secondTwo + 3600;
    InboundReport r = run(InboundStatistics.builder().periodUnit(ru.sipring.core.report.PeriodTable.PeriodUnit.HOUR)
        .window(ReportWindow.all(berlin)), lines(
        firstTwo + "|c1|q1|NONE|ENTERQUEUE||1|1", (firstTwo + 1) + "|c1|q1|NONE|ABANDON|1|1|1",
        secondTwo + "|c2|q1|NONE|ENTERQUEUE||1|1", (secondTwo + 1) + "|c2|q1|NONE|ABANDON|1|1|1",
        three + "|c3|q1|NONE|ENTERQUEUE||1|1", (three + 1) + "|c3|q1|NONE|ABANDON|1|1|1"));
    assertThat(r.periods().rows()).extracting(row -> row.start().getHour(), row -> row.lost())
        .containsExactly(tuple(2, 2L), tuple(3, 1L));
  }
}
