package ru.sipring.testkit.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;
import ru.sipring.testkit.ami.AmiMessage;
import ru.sipring.testkit.time.SimulatedClock;

/** The queue_log lines and AMI events of app_queue's call flows, field by field (research/inbound.md §2.3). */
class QueueEngineTest {
  private final SimulatedClock clock = SimulatedClock.at(Instant.ofEpochSecond(1_772_431_200L));
  private final QueueLogWriter log = QueueLogWriter.inMemory();
  private final List<AmiMessage> events = new ArrayList<>();
  private final QueueEngine engine = QueueEngine.of(clock, events::add, log, false, 1);

  private List<String> linesAfter(int skip) {
    return log.lines().subList(skip, log.lines().size());
  }

  @Test
  void answeredCallWithARingNoAnswerFirst() {
    engine.createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    engine.addMember("6000", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    engine.addMember("6000", "PJSIP/502", "Sidorov", 0, false, null, null, "MANAGER");
    clock.advance(Duration.ofSeconds(10));
    String uid = engine.join("6000", "4951234567", "Ivanov");
    assertThat(engine.offer(uid)).containsExactly("PJSIP/501");
    clock.advance(Duration.ofSeconds(15));
    engine.ringNoAnswer(uid, "PJSIP/501");
    assertThat(engine.offer(uid)).containsExactly("PJSIP/502");
    clock.advance(Duration.ofSeconds(4));
    engine.connect(uid, "PJSIP/502");
    clock.advance(Duration.ofSeconds(125));
    engine.complete(uid, true);

    long t0 = 1_772_431_210L;
    assertThat(log.lines()).containsExactly(
        "1772431200|MANAGER|6000|PJSIP/501|ADDMEMBER|",
        "1772431200|MANAGER|6000|PJSIP/502|ADDMEMBER|",
        t0 + "|" + uid + "|6000|NONE|ENTERQUEUE||4951234567|1",
        (t0 + 15) + "|" + uid + "|6000|Petrova|RINGNOANSWER|15000",
        (t0 + 19) + "|" + uid + "|6000|Sidorov|CONNECT|19|" + uidOfAgentLeg() + "|4",
        (t0 + 144) + "|" + uid + "|6000|Sidorov|COMPLETEAGENT|19|125|1");
    assertThat(events).extracting(e -> e.get("Event")).containsExactly("QueueMemberAdded", "QueueMemberAdded",
        "QueueCallerJoin", "AgentCalled", "QueueMemberStatus", "AgentRingNoAnswer", "QueueMemberStatus",
        "AgentCalled", "QueueMemberStatus", "QueueCallerLeave", "AgentConnect", "QueueMemberStatus",
        "AgentComplete", "QueueMemberStatus");
    AmiMessage complete = events.get(12);
    assertThat(complete.get("Reason")).isEqualTo("agent");
    assertThat(complete.get("TalkTime")).isEqualTo("125");
    assertThat(complete.get("DestChannel")).startsWith("PJSIP/502-");
    assertThat(engine.member("6000", "PJSIP/502").orElseThrow().callsTaken()).isEqualTo(1);
  }

  /**
   * AgentConnect carries what Asterisk's app_queue sends (research/ami.md §3.1, from ast:apps/app_queue.c and
   * main/manager_channels.c): the caller channel snapshot, the member channel snapshot with prefix {@code Dest},
   * then Queue, MemberName, Interface, HoldTime and RingTime in seconds. Hosts build screen pops from these.
   */
  @Test
  void agentConnectHasAsterisksHeaders() {
    engine.createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    engine.addMember("6000", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    String uid = engine.join("6000", "4951234567", "Ivanov");
    clock.advance(Duration.ofSeconds(9));
    engine.offer(uid);
    clock.advance(Duration.ofSeconds(3));
    engine.connect(uid, "PJSIP/501");

    AmiMessage connect = events.stream().filter(e -> "AgentConnect".equals(e.get("Event"))).findFirst().orElseThrow();
    List<String> snapshot = List.of("Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
        "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority",
        "Uniqueid", "Linkedid");
    List<String> expected = new ArrayList<>(List.of("Event", "Privilege"));
    expected.addAll(snapshot);
    snapshot.forEach(h -> expected.add("Dest" + h));
    expected.addAll(List.of("Queue", "MemberName", "Interface", "HoldTime", "RingTime"));
    assertThat(connect.headers()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(connect.get("Privilege")).isEqualTo("agent,all");
    assertThat(connect.get("Uniqueid")).isEqualTo(uid);
    assertThat(connect.get("CallerIDNum")).isEqualTo("4951234567");
    assertThat(connect.get("CallerIDName")).isEqualTo("Ivanov");
    assertThat(connect.get("Interface")).isEqualTo("PJSIP/501");
    assertThat(connect.get("MemberName")).isEqualTo("Petrova");
    assertThat(connect.get("HoldTime")).isEqualTo("12");
    assertThat(connect.get("RingTime")).isEqualTo("3");
    assertThat(connect.get("DestChannel")).startsWith("PJSIP/501-");
    assertThat(connect.get("DestUniqueid")).isNotEqualTo(uid);
  }

  private String uidOfAgentLeg() {
    String connect = log.lines().stream().filter(l -> l.contains("|CONNECT|")).findFirst().orElseThrow();
    return connect.split("\\|")[6];
  }

  @Test
  void abandonWhileRingingCancelsTheRingAndShiftsPositions() {
    engine.createQueue("6000", QueueEngine.Strategy.RINGALL);
    engine.addMember("6000", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    engine.addMember("6000", "PJSIP/502", "Sidorov", 0, false, null, null, "MANAGER");
    String a = engine.join("6000", "111", "");
    String b = engine.join("6000", "222", "");
    assertThat(engine.offer(a)).containsExactly("PJSIP/501", "PJSIP/502");
    int mark = log.lines().size();
    clock.advance(Duration.ofSeconds(7));
    engine.abandon(a);
    assertThat(linesAfter(mark)).containsExactly(
        "1772431207|" + a + "|6000|Petrova|RINGCANCELED|7000",
        "1772431207|" + a + "|6000|Sidorov|RINGCANCELED|7000",
        "1772431207|" + a + "|6000|NONE|ABANDON|1|1|7");
    assertThat(engine.callers("6000")).singleElement().satisfies(c -> {
      assertThat(c.uniqueId()).isEqualTo(b);
      assertThat(c.position()).isEqualTo(1);
    });
    clock.advance(Duration.ofSeconds(300));
    engine.timeout(b);
    assertThat(log.lines()).last().isEqualTo("1772431507|" + b + "|6000|NONE|EXITWITHTIMEOUT|1|2|307");
  }

  @Test
  void pauseAllLogsOnceThenPerQueueAndRefusalsUseAsterisksWords() {
    engine.createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    engine.createQueue("6001", QueueEngine.Strategy.RRMEMORY);
    engine.addMember("6000", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    engine.addMember("6001", "PJSIP/501", "Petrova", 0, true, null, null, "MANAGER");
    int mark = log.lines().size();
    engine.pause("PJSIP/501", null, true, "lunch");
    engine.pause("PJSIP/501", "6001", false, "");
    assertThat(linesAfter(mark)).containsExactly(
        "1772431200|NONE|NONE|Petrova|PAUSEALL|lunch",
        "1772431200|NONE|6000|Petrova|PAUSE|lunch",
        "1772431200|NONE|6001|Petrova|PAUSE|lunch",
        "1772431200|NONE|6001|Petrova|UNPAUSE|");
    assertThat(log.lines().get(1)).isEqualTo("1772431200|MANAGER|6001|PJSIP/501|ADDMEMBER|PAUSED");
    assertThatThrownBy(() -> engine.pause("PJSIP/999", null, true, null)).isInstanceOf(RejectedException.class)
        .hasMessage("Interface not found");
    assertThatThrownBy(() -> engine.removeMember("6000", "PJSIP/999", "MANAGER"))
        .hasMessage("Unable to remove interface: Not there");
    // paused members are not offered calls
    String c = engine.join("6000", "333", "");
    assertThat(engine.offer(c)).isEmpty();
  }

  @Test
  void memberNameAsAgentFollowsTheQueuesConfOption() {
    QueueEngine named = QueueEngine.of(clock, e -> { }, log, true, 1);
    named.createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    named.addMember("6000", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    assertThat(log.lines()).last().isEqualTo("1772431200|MANAGER|6000|Petrova|ADDMEMBER|");
  }
}
