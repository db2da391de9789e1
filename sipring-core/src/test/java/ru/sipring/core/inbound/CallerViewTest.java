package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.sipring.core.inbound.EngineEventsTest.lines;
import static ru.sipring.core.inbound.EngineEventsTest.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.QueueRow;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/** The caller view (multi-stint): stints of one callid are one caller call. */
class CallerViewTest {

  static InboundStatistics.Builder caller() {
    return InboundStatistics.builder().view(ReportView.CALLER);
  }

  /** Times out of A, answered in B. */
  static final String OVERFLOW = lines(
      "1000|c1|A|NONE|ENTERQUEUE||555|2",
      "1030|c1|A|NONE|EXITWITHTIMEOUT|1|2|30",
      "1031|c1|B|NONE|ENTERQUEUE||555|1",
      "1041|c1|B|SIP/1|CONNECT|10|m1|4",
      "1101|c1|B|SIP/1|COMPLETECALLER|10|60|1");

  @Test
  void overflowAnsweredInTheSecondQueueIsOneAnsweredCallerWithBothWaits() {
    InboundReport q = run(OVERFLOW);
    assertThat(q.view()).isEqualTo(ReportView.QUEUE);
    assertThat(q.summary().answered()).isEqualTo(1);
    assertThat(q.summary().lost()).isEqualTo(1);

    InboundReport r = run(caller(), OVERFLOW);
    assertThat(r.view()).isEqualTo(ReportView.CALLER);
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.summary().lost()).isZero();
    assertThat(r.summary().unfinished()).isZero();
    assertThat(r.summary().answeredWait().totalSeconds()).isEqualTo(40);
    assertThat(r.summary().talk().totalSeconds()).isEqualTo(60);
    assertThat(r.summary().maxPosition()).isEqualTo(2);
    assertThat(r.lost()).isEmpty();
    assertThat(r.answered()).extracting(AnsweredCall::queue, AnsweredCall::firstQueue, AnsweredCall::stints,
            AnsweredCall::enteredAt, AnsweredCall::waitTime, AnsweredCall::talkTime, AnsweredCall::agent,
            AnsweredCall::caller, AnsweredCall::position, AnsweredCall::callId)
        .containsExactly(tuple("B", "A", 2, Instant.ofEpochSecond(1000), Duration.ofSeconds(40),
            Duration.ofSeconds(60), "SIP/1", "555", 2, "c1"));
    assertThat(r.queues()).extracting(QueueRow::queue, QueueRow::answered, QueueRow::lost, QueueRow::waitSeconds)
        .containsExactly(tuple("B", 1L, 0L, 40L));
    // SL over the summed wait: 40 s is beyond 30, within 45
    assertThat(r.serviceLevel().thresholds().stream().filter(t -> t.seconds() == 30).findFirst().orElseThrow()
        .answeredWithin()).isZero();
    assertThat(r.serviceLevel().thresholds().stream().filter(t -> t.seconds() == 45).findFirst().orElseThrow()
        .answeredWithin()).isEqualTo(1);
    // operator rows stay per stint: the agent waited for 10 s of it
    assertThat(r.operators()).extracting(OperatorRow::agent, OperatorRow::answered, OperatorRow::waitSeconds)
        .containsExactly(tuple("SIP/1", 1L, 10L));
    assertThat(r.operators()).isEqualTo(q.operators());
    assertThat(r.agents()).isEqualTo(q.agents());
  }

  @Test
  void lostInAThenLostInBIsOneLostCaller() {
    InboundReport r = run(caller(), lines(
        "1000|c1|A|NONE|ENTERQUEUE||555|1",
        "1020|c1|A|NONE|EXITWITHTIMEOUT|1|1|20",
        "1025|c1|B|NONE|ENTERQUEUE||555|3",
        "1030|c1|B|NONE|ABANDON|3|3|5"));
    assertThat(r.summary().answered()).isZero();
    assertThat(r.summary().lost()).isEqualTo(1);
    assertThat(r.summary().lostWait().totalSeconds()).isEqualTo(25);
    assertThat(r.lost()).extracting(LostCall::queue, LostCall::firstQueue, LostCall::stints, LostCall::cause,
            LostCall::waitTime, LostCall::enteredAt)
        .containsExactly(tuple("B", "A", 2, LostCause.ABANDON, Duration.ofSeconds(25), Instant.ofEpochSecond(1000)));
  }

  @Test
  void answeredThenBlindTransferredIntoAnotherQueueAndAnsweredIsOneAnswered() {
    InboundReport r = run(caller(), lines(
        "1000|c1|A|NONE|ENTERQUEUE||555|1",
        "1005|c1|A|SIP/1|CONNECT|5|m1|2",
        "1065|c1|A|SIP/1|BLINDTRANSFER|200|ctx|5|60|1",
        "1066|c1|B|NONE|ENTERQUEUE||555|1",
        "1070|c1|B|SIP/2|CONNECT|4|m2|1",
        "1100|c1|B|SIP/2|COMPLETEAGENT|4|30|1"));
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.answered()).extracting(AnsweredCall::queue, AnsweredCall::agent, AnsweredCall::endedBy,
            a -> a.waitTime().toSeconds(), a -> a.talkTime().toSeconds(), AnsweredCall::stints)
        .containsExactly(tuple("B", "SIP/2", EndedBy.AGENT, 9L, 30L, 2));
    assertThat(r.operators()).extracting(OperatorRow::agent, OperatorRow::answered, OperatorRow::transferred)
        .containsExactly(tuple("SIP/1", 1L, 1L), tuple("SIP/2", 1L, 0L));
  }

  /** asterisk#759 in synthetic form: the target queue's ENTERQUEUE carries the consult channel's callid. */
  @Test
  void attendedTransferWithCallIdSwapIsOneAnsweredCaller() {
    InboundReport r = run(caller(), lines(
        "1000|orig|A|NONE|ENTERQUEUE||555|1",
        "1012|orig|A|SIP/1|CONNECT|12|m1|11",
        "1130|consult|B|NONE|ENTERQUEUE||7009|1",
        "1131|consult|A|SIP/1|ATTENDEDTRANSFER|APP|Queue|12|120|1",
        // long enough in B that a short grace alone would not keep the caller open
        "1400|orig|B|SIP/2|CONNECT|270|m2|6",
        "1500|orig|B|SIP/2|COMPLETEAGENT|270|100|1"));
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.summary().unfinished()).isZero();
    assertThat(r.answered()).extracting(AnsweredCall::queue, AnsweredCall::firstQueue, AnsweredCall::callId,
            AnsweredCall::caller, a -> a.waitTime().toSeconds(), a -> a.talkTime().toSeconds(), AnsweredCall::stints)
        .containsExactly(tuple("B", "A", "orig", "555", 282L, 100L, 2));
  }

  @Test
  void theAnswerOfAnEarlierStintDoesNotCountWhenTheLastIsLost() {
    InboundReport r = run(caller(), lines(
        "1000|c1|A|NONE|ENTERQUEUE||555|1",
        "1005|c1|A|SIP/1|CONNECT|5|m1|2",
        "1065|c1|A|SIP/1|BLINDTRANSFER|200|ctx|5|60|1",
        "1066|c1|B|NONE|ENTERQUEUE||555|1",
        "1100|c1|B|NONE|ABANDON|1|1|34"));
    assertThat(r.summary().answered()).isZero();
    assertThat(r.summary().lost()).isEqualTo(1);
    assertThat(r.lost()).extracting(LostCall::queue, a -> a.waitTime().toSeconds()).containsExactly(tuple("B", 39L));
    assertThat(r.operators()).extracting(OperatorRow::agent, OperatorRow::answered).containsExactly(tuple("SIP/1", 1L));
  }

  @Test
  void aNewStintAfterTheGraceIsANewCaller() {
    String log = lines(
        "1000|c1|A|NONE|ENTERQUEUE||555|1",
        "1010|c1|A|NONE|ABANDON|1|1|10",
        "1100|c1|A|NONE|ENTERQUEUE||555|1",
        "1105|c1|A|SIP/1|CONNECT|5|m1|2",
        "1110|c1|A|SIP/1|COMPLETECALLER|5|5|1");
    InboundReport joined = run(caller(), log);
    assertThat(joined.summary().answered()).isEqualTo(1);
    assertThat(joined.summary().lost()).isZero();
    InboundReport apart = run(caller().callerGrace(Duration.ofSeconds(89)), log);
    assertThat(apart.summary().answered()).isEqualTo(1);
    assertThat(apart.summary().lost()).isEqualTo(1);
    // exactly at the grace still joins
    assertThat(run(caller().callerGrace(Duration.ofSeconds(90)), log).summary().lost()).isZero();
  }

  @Test
  void streamedRowsAreCallerCallsAndNoneIsLeftBehind() {
    List<Object> rows = new ArrayList<>();
    InboundReport r = run(caller().callerGrace(Duration.ofSeconds(60)).detailSink(rows::add, rows::add), lines(
        "1000|c1|A|NONE|ENTERQUEUE||555|1",
        "1010|c1|A|NONE|ABANDON|1|1|10",
        "1005|c2|A|NONE|ENTERQUEUE||556|1",
        "1080|c2|A|NONE|EXITWITHTIMEOUT|1|1|75",
        "1081|c2|B|NONE|ENTERQUEUE||556|1",
        "1091|c2|B|SIP/1|CONNECT|10|m1|1",
        "1100|c2|B|SIP/1|COMPLETECALLER|10|9|1"));
    assertThat(r.answered()).isEmpty();
    assertThat(r.lost()).isEmpty();
    // c1 was complete once log time passed 1070, c2 only when the input ended
    assertThat(rows).extracting(o -> o instanceof LostCall l ? l.callId() : ((AnsweredCall) o).callId())
        .containsExactly("c1", "c2");
    assertThat(((AnsweredCall) rows.get(1)).waitTime()).isEqualTo(Duration.ofSeconds(85));
  }

  @Test
  void windowAndPeriodsFollowTheFirstEnterQueue() {
    String log = lines(
        "3590|c1|A|NONE|ENTERQUEUE||555|1",
        "3600|c1|A|NONE|EXITWITHTIMEOUT|1|1|10",
        "3601|c1|B|NONE|ENTERQUEUE||555|1",
        "3610|c1|B|SIP/1|CONNECT|9|m1|1",
        "3620|c1|B|SIP/1|COMPLETECALLER|9|10|1");
    ReportWindow firstHour = new ReportWindow(Instant.ofEpochSecond(0), Instant.ofEpochSecond(3600), ZoneOffset.UTC,
        List.of(), List.of(), List.of());
    ReportWindow secondHour = new ReportWindow(Instant.ofEpochSecond(3600), Instant.ofEpochSecond(7200),
        ZoneOffset.UTC, List.of(), List.of(), List.of());
    assertThat(run(caller().window(firstHour), log).summary().answered()).isEqualTo(1);
    assertThat(run(caller().window(secondHour), log).summary().answered()).isZero();
    InboundReport r = run(caller().periodUnit(ru.sipring.core.report.PeriodTable.PeriodUnit.HOUR), log);
    assertThat(r.periods().rows()).hasSize(1);
    assertThat(r.periods().rows().get(0).start().getHour()).isZero();
    // a queue filter matches a caller who went through that queue
    ReportWindow onlyA = new ReportWindow(null, null, ZoneOffset.UTC, List.of("A"), List.of(), List.of());
    assertThat(run(caller().window(onlyA), log).answered()).extracting(AnsweredCall::queue).containsExactly("B");
  }

  @Test
  void openStintsAtTheEndOrARestartMakeTheCallerUnfinished() {
    InboundReport r = run(caller(), lines(
        "1000|c1|A|NONE|ENTERQUEUE||555|1",
        "1020|c1|A|NONE|EXITWITHTIMEOUT|1|1|20",
        "1021|c1|B|NONE|ENTERQUEUE||555|1",
        "1030|NONE|NONE|NONE|QUEUESTART|",
        "1040|c2|A|NONE|ENTERQUEUE||556|1"));
    assertThat(r.summary().unfinished()).isEqualTo(2);
    assertThat(r.summary().lost()).isZero();
    assertThat(r.summary().answered()).isZero();
  }

  @Test
  void memoryIsBoundedByOpenCallersAndTheGrace() {
    // a call every 10 s, each lost after 5 s, for 50,000 s of log: 5,000 callers, at most ~13 in the grace
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      long t = 1_000_000 + 10L * i;
      log.append(t).append("|c").append(i).append("|A|NONE|ENTERQUEUE||555|1\n");
      log.append(t + 5).append("|c").append(i).append("|A|NONE|ABANDON|1|1|5\n");
    }
    Engine[] engine = new Engine[1];
    int[] max = {0};
    int[] rows = {0};
    InboundStatistics cfg = caller().detailSink(null, l -> {
      rows[0]++;
      max[0] = Math.max(max[0], engine[0].callersHeld());
    }).build();
    engine[0] = new Engine(cfg, -1);
    QueueLogInput.stream("gen", new java.io.ByteArrayInputStream(
        log.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).read(engine[0]);
    int beforeEnd = rows[0];
    Aggregates a = engine[0].closeAll();
    assertThat(a.lost).isEqualTo(5_000);
    assertThat(rows[0]).isEqualTo(5_000);
    // all but the last grace's worth were delivered while reading, not at the end
    assertThat(beforeEnd).isGreaterThanOrEqualTo(5_000 - 14);
    assertThat(max[0]).isBetween(1, 14);
  }

  /** The PBXware export has no caller in two queues: the caller view must then give the queue view's numbers. */
  @Test
  void realExportWithoutMultiStintCallersGivesTheSameNumbers() {
    java.nio.file.Path csv = RealCorpusTest.corpus().resolve("pbxware-voipreports1_queue_log.csv");
    // one as-of for both: the export's open sessions run to it, and two calls of the clock may straddle a second
    java.time.Instant asOf = java.time.Instant.parse("2026-12-01T00:00:00Z");
    InboundReport q = InboundStatistics.builder().asOf(asOf).build()
        .compute(QueueLogInput.source(RealCorpusTest.pbxware(csv)));
    InboundReport r = caller().asOf(asOf).build().compute(QueueLogInput.source(RealCorpusTest.pbxware(csv)));
    assertThat(r.summary()).isEqualTo(q.summary());
    assertThat(r.summary().answered()).isEqualTo(91);
    assertThat(r.queues()).isEqualTo(q.queues());
    assertThat(r.serviceLevel()).isEqualTo(q.serviceLevel());
    assertThat(r.periods()).isEqualTo(q.periods());
    assertThat(r.operators()).isEqualTo(q.operators());
    assertThat(r.agents()).isEqualTo(q.agents());
    assertThat(r.answered()).hasSameSizeAs(q.answered()).allMatch(a -> a.stints() == 1);
  }

  @Test
  void realAsterisk759FileInCallerView() {
    InboundReport q = InboundStatistics.builder().build()
        .compute(QueueLogInput.path(RealCorpusTest.corpus().resolve("issue-asterisk-759_freepbx-ast20.queue_log")));
    InboundReport r = caller().build()
        .compute(QueueLogInput.path(RealCorpusTest.corpus().resolve("issue-asterisk-759_freepbx-ast20.queue_log")));
    assertThat(r.problems().total()).isZero();
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.summary().lost()).isZero();
    assertThat(r.summary().unfinished()).isZero();
    assertThat(r.answered()).extracting(AnsweredCall::queue, AnsweredCall::firstQueue, AnsweredCall::agent,
            AnsweredCall::endedBy, a -> a.waitTime().toSeconds(), a -> a.talkTime().toSeconds(),
            AnsweredCall::callId, AnsweredCall::stints, AnsweredCall::enteredAt)
        .containsExactly(tuple("1509", "1501", "PJSIP/7051", EndedBy.AGENT, 19L, 173L, "1717397243.239826", 2,
            Instant.ofEpochSecond(1717397259)));
    assertThat(r.answered().get(0).caller()).isEqualTo(q.answered().get(0).caller());
    assertThat(r.operators()).isEqualTo(q.operators());
    assertThat(r.agents()).isEqualTo(q.agents());
  }
}
