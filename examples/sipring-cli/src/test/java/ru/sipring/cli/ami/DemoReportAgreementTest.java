package ru.sipring.cli.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.report.InboundReport;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.SimulatedClock;
import ru.sipring.testkit.traffic.CallCentreDay;
import ru.sipring.testkit.traffic.TrafficModel;

/**
 * The fake Asterisk's queue_log, read by SipRing's inbound report engine, gives the same answered and lost
 * counts as the simulation that produced it: two independent implementations agreeing on the same day.
 */
class DemoReportAgreementTest {
  @Test
  void inboundReportAgreesWithTheSimulationsOwnCounters(@TempDir Path dir) throws Exception {
    long seed = 424242L;
    ZoneId zone = ZoneId.of("Europe/Moscow");
    Path log = dir.resolve("queue_log");
    SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-01T21:00:00Z"), zone);
    CallCentreDay.Summary sim;
    try (QueueLogWriter writer = QueueLogWriter.toFile(log)) {
      QueueEngine engine = QueueEngine.of(clock, e -> { }, writer, true, seed);
      engine.start();
      sim = new CallCentreDay(TrafficModel.typicalDay(8, 80), engine, clock, seed)
          .run(LocalDate.of(2026, 3, 2), zone, CallCentreDay.Pacer.none());
    }
    InboundReport report = DemoCommand.inboundReport(log, zone);
    long answered = sim.queues().stream().mapToLong(CallCentreDay.QueueCounts::answered).sum();
    long lost = sim.queues().stream().mapToLong(q -> q.abandoned() + q.timedOut()).sum();
    System.out.println("seed " + seed + ": simulated answered " + answered + ", lost " + lost);
    assertThat(report.summary().answered()).isEqualTo(answered).isGreaterThan(300);
    assertThat(report.summary().lost()).isEqualTo(lost);
    long transferred = sim.queues().stream().mapToLong(CallCentreDay.QueueCounts::transferred).sum();
    assertThat(report.operators().stream().mapToLong(ru.sipring.core.report.OperatorRow::transferred).sum())
        .as("transfers").isEqualTo(transferred).isPositive();
    assertThat(report.summary().unfinished()).isZero();
    assertThat(report.problems().total()).as("queue_log lines the report engine could not use: %s",
        report.problems().first()).isZero();
  }
}
