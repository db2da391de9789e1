package ru.sipring.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.pbx.LiveQueueState.MemberStatus;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/** The real asterisk-java client against the fake Asterisk on loopback. */
class AmiPbxGatewayTest {
  private FakeAsterisk pbx;
  private QueueLogWriter queueLog;
  private AmiPbxGateway gw;

  @BeforeEach
  void setUp() {
    queueLog = QueueLogWriter.inMemory();
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), queueLog);
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    pbx.engine().createQueue("200", QueueEngine.Strategy.RINGALL);
    gw = AmiPbxGateway.connect(settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
  }

  static AmiSettings settings(FakeAsterisk pbx) {
    return AmiSettings.of("127.0.0.1", pbx.port(), "sipring", "sipring-secret")
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
  }

  @AfterEach
  void tearDown() {
    gw.close();
    pbx.close();
  }

  @Test
  void membersAreAddedPausedAndRemovedWithAsteriskMessagesOnRefusal() {
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova LV", 2, false));
    gw.addMember(new QueueMember("200", "PJSIP/501", "Petrova LV", 0, true));

    assertThatThrownBy(() -> gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova LV", 0, false)))
        .isInstanceOf(RejectedException.class).hasMessage("Unable to add interface: Already there");
    assertThatThrownBy(() -> gw.addMember(new QueueMember("999", "PJSIP/501", "x", 0, false)))
        .isInstanceOf(RejectedException.class).hasMessage("Unable to add interface to queue: No such queue");
    assertThatThrownBy(() -> gw.removeMember("100", "PJSIP/777"))
        .isInstanceOf(RejectedException.class).hasMessage("Unable to remove interface: Not there");
    assertThatThrownBy(() -> gw.setPaused("PJSIP/777", null, true, "lunch"))
        .isInstanceOf(RejectedException.class).hasMessage("Interface not found");

    gw.setPaused("PJSIP/501", null, true, "lunch");
    Eventually.assertWithin(Duration.ofSeconds(5), () -> {
      LiveQueueState q = gw.snapshot("100").orElseThrow();
      assertThat(q.members()).singleElement().satisfies(m -> {
        assertThat(m.name()).isEqualTo("Petrova LV");
        assertThat(m.paused()).isTrue();
        assertThat(m.pausedReason()).isEqualTo("lunch");
        assertThat(m.status()).isEqualTo(MemberStatus.PAUSED);
      });
    });
    gw.setPaused("PJSIP/501", "100", false, null);
    assertThat(gw.memberName("100", "PJSIP/501")).contains("Petrova LV");
    assertThat(gw.memberName("100", "PJSIP/999")).isEmpty();
    gw.removeMember("100", "PJSIP/501");
    Eventually.until(Duration.ofSeconds(5), "state", () -> gw.snapshot("100").orElseThrow().members().isEmpty());

    assertThat(queueLog.lines()).extracting(l -> l.substring(l.indexOf('|') + 1)).containsSubsequence(
        "MANAGER|100|PJSIP/501|ADDMEMBER|",
        "MANAGER|200|PJSIP/501|ADDMEMBER|PAUSED",
        "NONE|NONE|Petrova LV|PAUSEALL|lunch",
        "NONE|100|Petrova LV|PAUSE|lunch",
        "NONE|200|Petrova LV|PAUSE|lunch",
        "NONE|100|Petrova LV|UNPAUSE|",
        "MANAGER|100|PJSIP/501|REMOVEMEMBER|");
  }

  @Test
  void liveStateFollowsCallersAndMembers() {
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
    QueueEngine e = pbx.engine();
    String c1 = e.join("100", "4951110001", "Ivanov");
    String c2 = e.join("100", "4951110002", "");
    Eventually.assertWithin(Duration.ofSeconds(5), () ->
        assertThat(gw.snapshot("100").orElseThrow().callers()).extracting(LiveQueueState.Caller::position,
            LiveQueueState.Caller::callerIdNum).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "4951110001"), org.assertj.core.groups.Tuple.tuple(2, "4951110002")));
    assertThat(e.offer(c1)).containsExactly("PJSIP/501");
    Eventually.until(Duration.ofSeconds(5), "state", () ->
        gw.snapshot("100").orElseThrow().members().get(0).status() == MemberStatus.RINGING);
    e.connect(c1, "PJSIP/501");
    Eventually.assertWithin(Duration.ofSeconds(5), () -> {
      LiveQueueState q = gw.snapshot("100").orElseThrow();
      assertThat(q.members().get(0).status()).isEqualTo(MemberStatus.IN_CALL);
      assertThat(q.callers()).singleElement().satisfies(c -> {
        assertThat(c.position()).isEqualTo(1);
        assertThat(c.uniqueId()).isEqualTo(c2);
      });
    });
    e.complete(c1, false);
    e.abandon(c2);
    Eventually.assertWithin(Duration.ofSeconds(5), () -> {
      LiveQueueState q = gw.snapshot("100").orElseThrow();
      assertThat(q.answered()).isEqualTo(1);
      assertThat(q.abandoned()).isEqualTo(1);
      assertThat(q.callers()).isEmpty();
      assertThat(q.members().get(0).status()).isEqualTo(MemberStatus.IDLE);
    });
    e.setDeviceStatus("PJSIP/501", QueueEngine.UNAVAILABLE); // the phone unregistered
    Eventually.until(Duration.ofSeconds(5), "unavailable", () ->
        gw.snapshot("100").orElseThrow().members().get(0).status() == MemberStatus.UNAVAILABLE);
  }

  @Test
  void liveStateFollowsTransfersAgentDumpsAndExits() {
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
    QueueEngine e = pbx.engine();
    String dumped = e.join("100", "4951110004", "");
    assertThat(e.offer(dumped)).containsExactly("PJSIP/501");
    e.agentDump(dumped, "PJSIP/501");
    Eventually.assertWithin(Duration.ofSeconds(5), () -> {
      LiveQueueState q = gw.snapshot("100").orElseThrow();
      assertThat(q.callers()).extracting(LiveQueueState.Caller::uniqueId).containsExactly(dumped); // still waiting
      assertThat(q.members().get(0).status()).isEqualTo(MemberStatus.IDLE);
    });
    e.offer(dumped);
    e.connect(dumped, "PJSIP/501");
    e.blindTransfer(dumped, "700", "from-internal");
    String attended = e.join("100", "4951110005", "");
    e.offer(attended);
    e.connect(attended, "PJSIP/501");
    e.attendedTransfer(attended, QueueEngine.AttendedTransfer.BRIDGE, "");
    String keyed = e.join("100", "4951110006", "");
    e.exitWithKey(keyed, "0");
    Eventually.assertWithin(Duration.ofSeconds(5), () -> {
      LiveQueueState q = gw.snapshot("100").orElseThrow();
      assertThat(q.answered()).isEqualTo(2);   // transfers end answered calls (AgentComplete, Reason: transfer)
      assertThat(q.abandoned()).isZero();      // an exit by key is not an abandon
      assertThat(q.callers()).isEmpty();
      assertThat(q.members().get(0).status()).isEqualTo(MemberStatus.IDLE);
    });
  }

  @Test
  void stateAlreadyOnThePbxIsLoadedAtLogin() throws Exception {
    pbx.engine().addMember("200", "PJSIP/502", "Sidorov", 0, true, "training", null, "MANAGER");
    pbx.engine().join("200", "4951110003", "Petrov");
    try (AmiPbxGateway second = AmiPbxGateway.connect(settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20))) {
      LiveQueueState q = second.snapshot("200").orElseThrow();
      assertThat(q.members()).singleElement().satisfies(m -> {
        assertThat(m.pausedReason()).isEqualTo("training");
        assertThat(m.name()).isEqualTo("Sidorov");
      });
      assertThat(q.callers()).singleElement().extracting(LiveQueueState.Caller::callerIdNum).isEqualTo("4951110003");
      assertThat(second.snapshot()).extracting(LiveQueueState::queue).containsExactly("100", "200");
    }
  }

  @Test
  void originateReportsEachOutcome() throws Exception {
    pbx.onOriginate(o -> switch (o.channel()) {
      case "Local/1@out" -> new FakeAsterisk.OriginateScript(4, Duration.ofMillis(20));
      case "Local/2@out" -> new FakeAsterisk.OriginateScript(5, Duration.ofMillis(20));
      case "Local/3@out" -> new FakeAsterisk.OriginateScript(4, Duration.ofSeconds(5)); // rings past the timeout
      case "Local/4@out" -> new FakeAsterisk.OriginateScript(8, Duration.ofMillis(20));
      default -> new FakeAsterisk.OriginateScript(0, Duration.ofMillis(20));
    });
    List<OriginateOutcome> outcomes = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      OriginateRequest r = new OriginateRequest("Local/" + i + "@out", "from-internal", "700", "\"Sales\" <100>",
          Duration.ofMillis(i == 3 ? 1000 : 30000), Map.of("SIPRING_ATTEMPT", "a" + i), "a" + i);
      OriginateResult res = gw.originate(r).toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(res.tag()).isEqualTo("a" + i);
      outcomes.add(res.outcome());
    }
    assertThat(outcomes).containsExactly(OriginateOutcome.ANSWERED, OriginateOutcome.BUSY,
        OriginateOutcome.NO_ANSWER, OriginateOutcome.CONGESTION, OriginateOutcome.FAILED);
    FakeAsterisk.OriginateSeen seen = pbx.originates().get(0);
    assertThat(seen.async()).isTrue();
    assertThat(seen.context()).isEqualTo("from-internal");
    assertThat(seen.exten()).isEqualTo("700");
    assertThat(seen.callerId()).isEqualTo("\"Sales\" <100>");
    assertThat(seen.variables()).containsExactly("SIPRING_ATTEMPT=a1");
    assertThat(pbx.originates()).hasSize(5); // no hidden retries
  }
}
