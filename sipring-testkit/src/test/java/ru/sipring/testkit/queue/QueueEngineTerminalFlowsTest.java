package ru.sipring.testkit.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.EndedBy;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.LostCause;
import ru.sipring.core.report.OperatorRow;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.testkit.ami.AmiMessage;
import ru.sipring.testkit.time.SimulatedClock;
import ru.sipring.testkit.traffic.CallCentreDay;
import ru.sipring.testkit.traffic.TrafficModel;

/**
 * The fake's terminal flows beyond answer/abandon/timeout — EXITEMPTY, EXITWITHKEY, AGENTDUMP, BLINDTRANSFER,
 * ATTENDEDTRANSFER — written as Asterisk 12+ writes them, and counted right by SipRing's inbound report engine.
 */
class QueueEngineTerminalFlowsTest {
  private SimulatedClock clock;
  private QueueLogWriter log;
  private final List<AmiMessage> events = new ArrayList<>();
  private QueueEngine engine;

  @BeforeEach
  void setUp() {
    clock = SimulatedClock.at(Instant.parse("2026-03-02T07:00:00Z"));
    log = QueueLogWriter.inMemory();
    engine = QueueEngine.of(clock, events::add, log, true, 1);
    engine.start();
    engine.createQueue("100", QueueEngine.Strategy.LINEAR);
    engine.addMember("100", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    engine.addMember("100", "PJSIP/502", "Sidorov", 0, false, null, null, "MANAGER");
  }

  private String answered(int waitSeconds, int talkSeconds) {
    String uid = engine.join("100", "74951110000", "");
    clock.advance(Duration.ofSeconds(waitSeconds - 2));
    String iface = engine.offer(uid).get(0);
    clock.advance(Duration.ofSeconds(2));
    engine.connect(uid, iface);
    clock.advance(Duration.ofSeconds(talkSeconds));
    return uid;
  }

  private static InboundReport report(List<String> lines, List<AnsweredCall> answered, List<LostCall> lost) {
    byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return InboundStatistics.builder().window(ReportWindow.all(ZoneOffset.UTC))
        .detailSink(answered::add, lost::add).build()
        .compute(QueueLogInput.stream("fake queue_log", new ByteArrayInputStream(text)));
  }

  private String line(String uid, String event) {
    return log.lines().stream().filter(l -> l.contains("|" + uid + "|") && l.contains("|" + event + "|"))
        .findFirst().orElseThrow(() -> new AssertionError("no " + event + " for " + uid + " in " + log.lines()));
  }

  private List<AmiMessage> events(String name) {
    return events.stream().filter(e -> name.equals(e.get("Event"))).toList();
  }

  @Test
  void transfersEndAnsweredCallsWithHoldAndTalkAndAgentCompleteReasonTransfer() {
    String blind = answered(8, 60);
    engine.blindTransfer(blind, "700", "from-internal");
    String bridge = answered(4, 30);
    engine.attendedTransfer(bridge, QueueEngine.AttendedTransfer.BRIDGE, "");
    String app = answered(6, 20);
    engine.attendedTransfer(app, QueueEngine.AttendedTransfer.APP, "Queue");
    String link = answered(5, 45);
    engine.attendedTransfer(link, QueueEngine.AttendedTransfer.LINK, "");

    assertThat(line(blind, "BLINDTRANSFER")).endsWith("|100|Petrova|BLINDTRANSFER|700|from-internal|8|60|1");
    assertThat(line(bridge, "ATTENDEDTRANSFER")).matches(".*\\|100\\|Petrova\\|ATTENDEDTRANSFER\\|BRIDGE\\|bridge-[^|]+\\|4\\|30\\|1");
    assertThat(line(app, "ATTENDEDTRANSFER")).endsWith("|ATTENDEDTRANSFER|APP|Queue|6|20|1");
    assertThat(line(link, "ATTENDEDTRANSFER"))
        .matches(".*\\|ATTENDEDTRANSFER\\|LINK\\|Local/[^|]+;1\\|Local/[^|]+;2\\|5\\|45\\|1");
    assertThat(log.lines()).noneMatch(l -> l.contains("|COMPLETE"));

    assertThat(events("BlindTransfer")).singleElement().satisfies(e -> {
      assertThat(e.get("Result")).isEqualTo("Success");
      assertThat(e.get("TransfererChannel")).startsWith("PJSIP/501-");
      assertThat(e.get("TransfereeUniqueid")).isEqualTo(blind);
      assertThat(e.get("Extension")).isEqualTo("700");
      assertThat(e.get("Context")).isEqualTo("from-internal");
    });
    assertThat(events("AttendedTransfer")).extracting(e -> e.get("DestType")).containsExactly("Bridge", "App", "Link");
    assertThat(events("AgentComplete")).hasSize(4).allSatisfy(e -> assertThat(e.get("Reason")).isEqualTo("transfer"))
        .extracting(e -> e.get("TalkTime")).containsExactly("60", "30", "20", "45");
    assertThat(engine.member("100", "PJSIP/501").orElseThrow().status()).isEqualTo(QueueEngine.NOT_INUSE);

    List<AnsweredCall> answered = new ArrayList<>();
    List<LostCall> lost = new ArrayList<>();
    InboundReport r = report(log.lines(), answered, lost);
    assertThat(r.problems().total()).as("%s", r.problems().first()).isZero();
    assertThat(r.summary().answered()).isEqualTo(4);
    assertThat(r.summary().lost()).isZero();
    assertThat(r.summary().unfinished()).isZero();
    Map<String, AnsweredCall> byId = answered.stream().collect(Collectors.toMap(AnsweredCall::callId, Function.identity()));
    assertThat(byId.values()).extracting(AnsweredCall::endedBy).containsOnly(EndedBy.TRANSFER);
    assertThat(byId.get(blind).waitTime()).isEqualTo(Duration.ofSeconds(8));
    assertThat(byId.get(blind).talkTime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(byId.get(link).waitTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(byId.get(link).talkTime()).isEqualTo(Duration.ofSeconds(45));
    assertThat(byId.get(app).talkTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(r.operators()).filteredOn(o -> o.agent().equals("Petrova")).singleElement()
        .extracting(OperatorRow::transferred).isEqualTo(4L);
  }

  @Test
  void agentDumpLeavesTheCallerWaitingAndTheCallIsCountedOnceByItsRealEnd() {
    String uid = engine.join("100", "74951110001", "");
    clock.advance(Duration.ofSeconds(2));
    assertThat(engine.offer(uid)).containsExactly("PJSIP/501");
    clock.advance(Duration.ofSeconds(4));
    engine.agentDump(uid, "PJSIP/501");
    assertThat(engine.callers("100")).hasSize(1);
    assertThat(line(uid, "AGENTDUMP")).endsWith("|100|Petrova|AGENTDUMP|");
    assertThat(events("AgentDump")).singleElement().satisfies(e -> {
      assertThat(e.get("MemberName")).isEqualTo("Petrova");
      assertThat(e.get("Uniqueid")).isEqualTo(uid);
      assertThat(e.get("DestChannel")).startsWith("PJSIP/501-");
    });
    clock.advance(Duration.ofSeconds(6));
    assertThat(engine.offer(uid)).containsExactly("PJSIP/501"); // linear: free again, rung again
    clock.advance(Duration.ofSeconds(3));
    engine.connect(uid, "PJSIP/501");
    clock.advance(Duration.ofSeconds(20));
    engine.complete(uid, true);

    List<AnsweredCall> answered = new ArrayList<>();
    List<LostCall> lost = new ArrayList<>();
    InboundReport r = report(log.lines(), answered, lost);
    assertThat(r.problems().total()).as("%s", r.problems().first()).isZero();
    assertThat(r.summary().answered()).isEqualTo(1);
    assertThat(r.summary().lost()).isZero();
    assertThat(answered).singleElement().satisfies(a -> {
      assertThat(a.waitTime()).isEqualTo(Duration.ofSeconds(15));
      assertThat(a.talkTime()).isEqualTo(Duration.ofSeconds(20));
      assertThat(a.endedBy()).isEqualTo(EndedBy.AGENT);
    });
  }

  @Test
  void exitWithKeyAndExitEmptyAreLostWithTheirCauseAndWait() {
    String key = engine.join("100", "74951110002", "");
    clock.advance(Duration.ofSeconds(3));
    engine.offer(key);
    clock.advance(Duration.ofSeconds(4));
    engine.exitWithKey(key, "0");
    assertThat(line(key, "RINGCANCELED")).endsWith("|100|Petrova|RINGCANCELED|4000");
    assertThat(line(key, "EXITWITHKEY")).endsWith("|100|NONE|EXITWITHKEY|0|1|1|7");
    assertThat(engine.member("100", "PJSIP/501").orElseThrow().status()).isEqualTo(QueueEngine.NOT_INUSE);

    // leavewhenempty: the only member pauses, both waiting callers leave
    engine.createQueue("200", QueueEngine.Strategy.RRMEMORY);
    engine.addMember("200", "PJSIP/503", "Ivanova", 0, false, null, null, "MANAGER");
    engine.setLeaveWhenEmpty("200", true);
    String first = engine.join("200", "74951110003", "");
    clock.advance(Duration.ofSeconds(5));
    String second = engine.join("200", "74951110004", "");
    clock.advance(Duration.ofSeconds(4));
    engine.pause("PJSIP/503", "200", true, "lunch");
    assertThat(line(first, "EXITEMPTY")).endsWith("|200|NONE|EXITEMPTY|1|1|9");
    assertThat(line(second, "EXITEMPTY")).endsWith("|200|NONE|EXITEMPTY|1|2|4");
    assertThat(engine.callers("200")).isEmpty();

    // ... and when the only member's phone becomes unavailable; the ringing member stays unavailable
    engine.createQueue("300", QueueEngine.Strategy.RRMEMORY);
    engine.addMember("300", "PJSIP/504", "Kuznetsov", 0, false, null, null, "MANAGER");
    engine.setLeaveWhenEmpty("300", true);
    String third = engine.join("300", "74951110005", "");
    engine.offer(third);
    clock.advance(Duration.ofSeconds(2));
    engine.setDeviceStatus("PJSIP/504", QueueEngine.UNAVAILABLE);
    assertThat(line(third, "EXITEMPTY")).endsWith("|300|NONE|EXITEMPTY|1|1|2");
    assertThat(engine.member("300", "PJSIP/504").orElseThrow().status()).isEqualTo(QueueEngine.UNAVAILABLE);
    assertThat(events("QueueCallerLeave")).hasSize(4);
    assertThat(events("QueueCallerAbandon")).isEmpty();

    List<AnsweredCall> answered = new ArrayList<>();
    List<LostCall> lost = new ArrayList<>();
    InboundReport r = report(log.lines(), answered, lost);
    assertThat(r.problems().total()).as("%s", r.problems().first()).isZero();
    assertThat(r.summary().answered()).isZero();
    assertThat(r.summary().lost()).isEqualTo(4);
    Map<String, LostCall> byId = lost.stream().collect(Collectors.toMap(LostCall::callId, Function.identity()));
    assertThat(byId.get(key).cause()).isEqualTo(LostCause.EXITWITHKEY);
    assertThat(byId.get(key).waitTime()).isEqualTo(Duration.ofSeconds(7));
    assertThat(byId.get(first).cause()).isEqualTo(LostCause.EXITEMPTY);
    assertThat(byId.get(first).waitTime()).isEqualTo(Duration.ofSeconds(9));
    assertThat(byId.get(second).position()).isEqualTo(2);
    assertThat(byId.get(third).cause()).isEqualTo(LostCause.EXITEMPTY);
  }

  @Test
  void theTrafficModelsTransfersAreCountedAsAnsweredTransfersByTheReport() throws InterruptedException {
    long seed = 20260302L;
    ZoneId zone = ZoneId.of("Europe/Moscow");
    SimulatedClock dayClock = SimulatedClock.at(Instant.parse("2026-03-01T21:00:00Z"));
    QueueLogWriter dayLog = QueueLogWriter.inMemory();
    QueueEngine dayEngine = QueueEngine.of(dayClock, e -> { }, dayLog, true, seed);
    dayEngine.start();
    CallCentreDay.Summary sim = new CallCentreDay(TrafficModel.typicalDay(8, 60), dayEngine, dayClock, seed)
        .run(LocalDate.of(2026, 3, 2), zone, CallCentreDay.Pacer.none());
    long transferred = sim.queues().stream().mapToLong(CallCentreDay.QueueCounts::transferred).sum();
    long simAnswered = sim.queues().stream().mapToLong(CallCentreDay.QueueCounts::answered).sum();
    System.out.println("seed " + seed + ": transferred " + transferred + " of " + simAnswered + " answered");

    List<AnsweredCall> answered = new ArrayList<>();
    List<LostCall> lost = new ArrayList<>();
    InboundReport r = report(dayLog.lines(), answered, lost);
    assertThat(transferred).as("seed %d", seed).isGreaterThan(5);
    assertThat(dayLog.lines()).anyMatch(l -> l.contains("|BLINDTRANSFER|")).anyMatch(l -> l.contains("|ATTENDEDTRANSFER|"));
    assertThat(r.summary().answered()).as("seed %d", seed).isEqualTo(simAnswered);
    assertThat(answered.stream().filter(a -> a.endedBy() == EndedBy.TRANSFER).count()).as("seed %d", seed)
        .isEqualTo(transferred);
    assertThat(r.operators().stream().mapToLong(OperatorRow::transferred).sum()).isEqualTo(transferred);
    assertThat(r.problems().total()).as("%s", r.problems().first()).isZero();
  }
}
