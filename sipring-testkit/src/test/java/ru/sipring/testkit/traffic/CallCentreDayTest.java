package ru.sipring.testkit.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.testkit.ami.AmiMessage;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.SimulatedClock;

class CallCentreDayTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  private record Run(CallCentreDay.Summary summary, List<String> lines, List<AmiMessage> events) {}

  private static Run run(long seed) throws InterruptedException {
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-01T21:00:00Z"));
    QueueLogWriter log = QueueLogWriter.inMemory();
    List<AmiMessage> events = new java.util.ArrayList<>();
    QueueEngine engine = QueueEngine.of(clock, events::add, log, true, seed);
    engine.start();
    CallCentreDay day = new CallCentreDay(TrafficModel.typicalDay(8, 60), engine, clock, seed);
    CallCentreDay.Summary s = day.run(LocalDate.of(2026, 3, 2), MSK, CallCentreDay.Pacer.none());
    return new Run(s, log.lines(), events);
  }

  @Test
  void everyCallEndsExactlyOnceAndTheQueueLogAgreesWithTheCounters() throws InterruptedException {
    long seed = 20260302L;
    Run r = run(seed);
    System.out.println("seed " + seed + ": " + r.summary().queues());
    Map<String, String> terminal = new HashMap<>();
    Set<String> entered = new HashSet<>();
    Map<String, int[]> byQueue = new HashMap<>();
    long previous = 0;
    for (String line : r.lines()) {
      String[] f = line.split("\\|", -1);
      long epoch = Long.parseLong(f[0]);
      assertThat(epoch).as("queue_log is in time order: %s", line).isGreaterThanOrEqualTo(previous);
      previous = epoch;
      String event = f[4];
      int[] c = byQueue.computeIfAbsent(f[2], k -> new int[4]);
      switch (event) {
        case "ENTERQUEUE" -> {
          assertThat(entered.add(f[1])).isTrue();
          assertThat(f).hasSize(8);
          c[0]++;
        }
        case "CONNECT" -> {
          assertThat(f).hasSize(8);
          c[1]++;
        }
        case "ABANDON", "EXITWITHTIMEOUT", "COMPLETECALLER", "COMPLETEAGENT", "BLINDTRANSFER", "ATTENDEDTRANSFER" -> {
          boolean bridged = event.startsWith("COMPLETE") || event.endsWith("TRANSFER");
          assertThat(terminal.put(f[1] + "/" + bridged, event)).isNull();
          if (event.equals("ABANDON")) {
            c[2]++;
          } else if (event.equals("EXITWITHTIMEOUT")) {
            c[3]++;
          }
        }
        default -> { }
      }
    }
    for (CallCentreDay.QueueCounts q : r.summary().queues()) {
      int[] c = byQueue.get(q.queue());
      assertThat(q.offered()).as("offered %s", q.queue()).isEqualTo(c[0]).isGreaterThan(100);
      assertThat(q.answered()).isEqualTo(c[1]);
      assertThat(q.abandoned()).isEqualTo(c[2]);
      assertThat(q.timedOut()).isEqualTo(c[3]);
      assertThat(q.answered() + q.abandoned() + q.timedOut()).isEqualTo(q.offered());
    }
    assertThat(r.lines().get(0)).endsWith("|NONE|NONE|NONE|QUEUESTART|");
    assertThat(r.lines()).anyMatch(l -> l.contains("|PAUSEALL|lunch")).anyMatch(l -> l.contains("|RINGNOANSWER|15000"))
        .anyMatch(l -> l.contains("|ADDMEMBER|")).anyMatch(l -> l.contains("|REMOVEMEMBER|"));
    assertThat(r.events()).extracting(e -> e.get("Event")).contains("QueueCallerJoin", "AgentConnect",
        "AgentComplete", "QueueCallerAbandon", "QueueMemberPause", "AgentRingNoAnswer");
  }

  @Test
  void theSameSeedGivesTheSameDay() throws InterruptedException {
    assertThat(run(7).lines()).isEqualTo(run(7).lines());
  }
}
