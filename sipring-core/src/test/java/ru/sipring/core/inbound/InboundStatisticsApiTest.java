package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ServiceLevel;

class InboundStatisticsApiTest {
  @TempDir Path dir;

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> InboundStatistics.builder().serviceLevelBuckets(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InboundStatistics.builder().serviceLevelBuckets(List.of(5, -1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InboundStatistics.builder().sections(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InboundStatistics.builder().shortAbandonThreshold(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InboundStatistics.builder().threads(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bucketsAreSortedAndOverflowIsLast() {
    InboundReport r = EngineEventsTest.run(InboundStatistics.builder().serviceLevelBuckets(List.of(20, 10, 10)),
        EngineEventsTest.lines(
            "1000|c1|q1|NONE|ENTERQUEUE||1|1", "1010|c1|q1|SIP/1|COMPLETECALLER|10|5|1",
            "1000|c2|q1|NONE|ENTERQUEUE||1|1", "1011|c2|q1|SIP/1|COMPLETECALLER|11|5|1",
            "1000|c3|q1|NONE|ENTERQUEUE||1|1", "1050|c3|q1|SIP/1|COMPLETECALLER|50|5|1"));
    assertThat(r.serviceLevel().answered()).extracting(ServiceLevel.Bucket::upToSeconds, ServiceLevel.Bucket::calls)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 1L), org.assertj.core.groups.Tuple.tuple(20, 1L),
            org.assertj.core.groups.Tuple.tuple(null, 1L));
  }

  @Test
  void progressIsReportedOnTheComputingThreadAndEndsWithEverything() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      sb.append(1_000_000 + i).append("|c").append(i).append("|q1|NONE|ENTERQUEUE||555|1\n");
    }
    Path f = Files.writeString(dir.resolve("queue_log"), sb);
    List<long[]> calls = new ArrayList<>();
    Thread caller = Thread.currentThread();
    InboundStatistics.builder().progress((read, total, lines) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      calls.add(new long[] {read, total, lines});
    }).build().compute(QueueLogInput.path(f));
    assertThat(calls.size()).isGreaterThan(1);
    long[] last = calls.get(calls.size() - 1);
    assertThat(last[0]).isEqualTo(Files.size(f));
    assertThat(last[1]).isEqualTo(Files.size(f));
    assertThat(last[2]).isEqualTo(300_000);
  }

  @Test
  void detailSinkIsOnlyFedForRequestedSections() {
    List<AnsweredCall> got = new ArrayList<>();
    EnumSet<ReportSection> noDetail = EnumSet.allOf(ReportSection.class);
    noDetail.remove(ReportSection.ANSWERED);
    InboundReport r = EngineEventsTest.run(InboundStatistics.builder().sections(noDetail).detailSink(got::add, null),
        EngineEventsTest.lines("1000|c1|q1|NONE|ENTERQUEUE||1|1", "1010|c1|q1|SIP/1|COMPLETECALLER|10|5|1"));
    assertThat(got).isEmpty();
    assertThat(r.answered()).isEmpty();
    assertThat(r.sections()).doesNotContain(ReportSection.ANSWERED);
    assertThat(r.summary().answered()).isEqualTo(1);
  }

  @Test
  void oneInstanceComputesConcurrently() throws Exception {
    // a fixed as-of: with "now" the open sessions would grow between the computations
    InboundStatistics stats = InboundStatistics.builder().asOf(java.time.Instant.parse("2021-01-01T00:00:00Z")).build();
    String log = MergeableAggregatesTest.randomLog(7, 2000);
    InboundReport expected = stats.compute(QueueLogInput.stream("a",
        new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    List<Thread> threads = new ArrayList<>();
    List<InboundReport> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> results.add(stats.compute(QueueLogInput.stream("a",
          new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.UTF_8))))));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r).isEqualTo(expected));
  }
}
