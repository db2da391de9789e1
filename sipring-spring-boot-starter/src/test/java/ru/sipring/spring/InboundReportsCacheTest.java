package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.testkit.time.SimulatedClock;

/**
 * The report cache of {@link InboundReports}: source reads are counted through the provider ({@code input} is
 * called once per computation), never timed.
 */
class InboundReportsCacheTest {
  static final ZoneId ZONE = ZoneId.of("UTC");
  static final long T0 = Instant.parse("2026-03-02T09:00:00Z").getEpochSecond();

  @TempDir
  Path dir;

  private int call;

  /** Counts the reads of a queue_log file; its fingerprint is the starter's own for files. */
  static final class CountingFiles implements QueueLogProvider {
    final List<Path> paths;
    final AtomicInteger reads = new AtomicInteger();
    volatile @Nullable CountDownLatch gate;

    CountingFiles(Path... paths) {
      this.paths = List.of(paths);
    }

    @Override
    public QueueLogInput input(ZoneId zone) {
      reads.incrementAndGet();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return QueueLogInput.paths(paths);
    }

    @Override
    public String description() {
      return paths.toString();
    }

    @Override
    public Fingerprint fingerprint(ZoneId zone) {
      return Fingerprint.ofFiles(paths);
    }
  }

  private List<String> answered(long t, String queue, int wait) {
    String id = t + "." + (++call);
    return List.of(t + "|" + id + "|" + queue + "|NONE|ENTERQUEUE||7900000" + call + "|1",
        (t + wait) + "|" + id + "|" + queue + "|PJSIP/501|CONNECT|" + wait + "|" + id + "9|2",
        (t + wait + 60) + "|" + id + "|" + queue + "|PJSIP/501|COMPLETECALLER|" + wait + "|60|1");
  }

  private Path log(int calls) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      lines.addAll(answered(T0 + 600L * i, i % 2 == 0 ? "6000" : "6001", 5 + i));
    }
    return Files.write(dir.resolve("queue_log"), lines);
  }

  private static InboundReports.Query query(List<String> queues, ReportSection... sections) {
    return new InboundReports.Query(null, null, ZONE, EnumSet.of(sections[0], sections), queues, List.of(),
        List.of(), ReportView.QUEUE, PeriodTable.PeriodUnit.DAY);
  }

  private static InboundReports reports(QueueLogProvider source, ReportCacheProperties cache) {
    return InboundReports.builder(source).cache(cache).build();
  }

  @Test
  void aSecondIdenticalRequestDoesNotReadTheSourceAgainAndGetsTheSameReport() throws IOException {
    CountingFiles source = new CountingFiles(log(3));
    AtomicInteger computed = new AtomicInteger();
    InboundReports reports = InboundReports.builder(source).cache(ReportCacheProperties.defaults())
        .listeners(List.of((took, failed) -> computed.incrementAndGet())).build();
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY, ReportSection.ANSWERED);

    InboundReport first = reports.compute(q);
    // an equal query built anew (as each web request builds its own) is the same entry
    InboundReport second = reports.compute(query(List.of(), ReportSection.ANSWERED, ReportSection.SUMMARY));

    assertThat(first.summary().answered()).isEqualTo(3);
    assertThat(second).isSameAs(first);
    assertThat(source.reads).hasValue(1);
    assertThat(computed).as("the duration metric counts computations only").hasValue(1);
    assertThat(reports.cachedReports()).isEqualTo(1);
  }

  @Test
  void aLineAppendedToTheQueueLogShowsInTheNextRequest() throws IOException {
    Path file = log(2);
    CountingFiles source = new CountingFiles(file);
    InboundReports reports = reports(source, ReportCacheProperties.defaults());
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY, ReportSection.ANSWERED);
    assertThat(reports.compute(q).summary().answered()).isEqualTo(2);

    // Asterisk appends to the live log: the size changes even within one modification-time tick
    Files.write(file, answered(T0 + 7200, "6000", 9), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    InboundReport after = reports.compute(q);
    assertThat(after.summary().answered()).isEqualTo(3);
    assertThat(after.answered()).extracting(a -> a.waitTime().getSeconds()).contains(9L);
    assertThat(source.reads).hasValue(2);
    // and the new data is kept in turn, replacing the old entry of the same query
    assertThat(reports.compute(q)).isSameAs(after);
    assertThat(source.reads).hasValue(2);
    assertThat(reports.cachedReports()).isEqualTo(1);
  }

  @Test
  void aRotatedFileInADirectoryChangesTheFingerprint() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("asterisk"));
    Files.write(logs.resolve("queue_log"), answered(T0, "6000", 5));
    CountingFiles source = new CountingFiles(logs);
    InboundReports reports = reports(source, ReportCacheProperties.defaults());
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY);
    assertThat(reports.compute(q).summary().answered()).isEqualTo(1);

    // logrotate leaves yesterday's file beside the current one: a new file the directory now contributes
    Files.write(logs.resolve("queue_log.1"), answered(T0 - 86_400, "6000", 7));

    assertThat(reports.compute(q).summary().answered()).isEqualTo(2);
    assertThat(source.reads).hasValue(2);
  }

  @Test
  void aDifferentQueryIsADifferentEntry() throws IOException {
    CountingFiles source = new CountingFiles(log(4));
    InboundReports reports = reports(source, ReportCacheProperties.defaults());
    InboundReports.Query all = query(List.of(), ReportSection.SUMMARY);
    InboundReports.Query one = query(List.of("6000"), ReportSection.SUMMARY);
    InboundReports.Query window = new InboundReports.Query(Instant.ofEpochSecond(T0),
        Instant.ofEpochSecond(T0 + 900), ZONE, EnumSet.of(ReportSection.SUMMARY), List.of(), List.of(), List.of(),
        ReportView.QUEUE, PeriodTable.PeriodUnit.DAY);

    assertThat(reports.compute(all).summary().answered()).isEqualTo(4);
    assertThat(reports.compute(one).summary().answered()).isEqualTo(2);
    assertThat(reports.compute(window).summary().answered()).isEqualTo(2);
    assertThat(reports.compute(query(List.of(), ReportSection.SUMMARY, ReportSection.QUEUES)).queues())
        .hasSize(2);
    assertThat(source.reads).hasValue(4);
    assertThat(reports.cachedReports()).isEqualTo(4);
    // each is kept: asked again, none reads
    assertThat(reports.compute(one).summary().answered()).isEqualTo(2);
    assertThat(reports.compute(all).summary().answered()).isEqualTo(4);
    assertThat(source.reads).hasValue(4);
  }

  @Test
  void theOffSwitchReadsTheSourceForEveryRequest() throws IOException {
    CountingFiles source = new CountingFiles(log(2));
    InboundReports off = reports(source, new ReportCacheProperties(false, null, Duration.ofSeconds(60),
        Duration.ZERO));
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY);
    off.compute(q);
    off.compute(q);
    off.compute(q);
    assertThat(source.reads).hasValue(3);
    assertThat(off.cachedReports()).isZero();
    // and so does InboundReports.of, the constructor without a cache
    CountingFiles plain = new CountingFiles(source.paths.get(0));
    InboundReports of = InboundReports.of(plain, ru.sipring.core.directory.AgentDirectory.empty(),
        ru.sipring.core.directory.QueueDirectory.empty(), new SipRingProperties.Report(null, null, List.of(), null,
            Duration.ofSeconds(20), Duration.ofSeconds(5)), List.of());
    of.compute(q);
    of.compute(q);
    assertThat(plain.reads).hasValue(2);
  }

  @Test
  void concurrentIdenticalRequestsComputeOnce() throws Exception {
    CountingFiles source = new CountingFiles(log(3));
    CountDownLatch gate = new CountDownLatch(1);
    source.gate = gate;
    InboundReports reports = reports(source, ReportCacheProperties.defaults());
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY, ReportSection.ANSWERED);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<InboundReport> first = pool.submit(() -> reports.compute(q));
      // the first request is inside the computation, holding the source read at the gate
      while (source.reads.get() == 0) {
        Thread.onSpinWait();
      }
      java.util.concurrent.atomic.AtomicReference<Thread> second = new java.util.concurrent.atomic.AtomicReference<>();
      Future<InboundReport> other = pool.submit(() -> {
        second.set(Thread.currentThread());
        return reports.compute(q);
      });
      // wait (no deadline: a state, not a time) until the second request is parked on the first one's entry;
      // without the per-key computation it would read the source itself and stop at the gate: reads would be 2
      while (second.get() == null || second.get().getState() == Thread.State.RUNNABLE) {
        Thread.onSpinWait();
      }
      gate.countDown();
      InboundReport a = first.get(30, TimeUnit.SECONDS);
      InboundReport b = other.get(30, TimeUnit.SECONDS);
      assertThat(b).isSameAs(a);
      assertThat(source.reads).hasValue(1);
    } finally {
      gate.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureIsNotKept() throws IOException {
    Path file = dir.resolve("queue_log");
    QueueLogProvider missing = new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        return QueueLogInput.paths(List.of(file));
      }

      @Override
      public String description() {
        return file.toString();
      }

      @Override
      public Fingerprint fingerprint(ZoneId zone) {
        return Fingerprint.ofFiles(List.of(file));
      }
    };
    InboundReports reports = reports(missing, ReportCacheProperties.defaults());
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY);
    assertThatThrownBy(() -> reports.compute(q)).hasMessageContaining("no such file");
    Files.write(file, answered(T0, "6000", 5));
    assertThat(reports.compute(q).summary().answered()).isEqualTo(1);
  }

  @Test
  void aSourceThatCannotTellIsNeverCached() throws IOException {
    Path file = log(1);
    AtomicInteger reads = new AtomicInteger();
    QueueLogProvider own = new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        reads.incrementAndGet();
        return QueueLogInput.paths(List.of(file));
      }

      @Override
      public String description() {
        return "a host's live log";
      }
    };
    InboundReports reports = reports(own, ReportCacheProperties.defaults());
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY);
    reports.compute(q);
    reports.compute(q);
    assertThat(reads).hasValue(2);
    assertThat(reports.cachedReports()).isZero();
  }

  @Test
  void agentTimesRunningToNowAreNotKeptUnlessLiveMaxAgeAllowsIt() throws IOException {
    CountingFiles source = new CountingFiles(log(2));
    SimulatedClock clock = SimulatedClock.at(Instant.ofEpochSecond(T0 + 86_400), ZONE);
    InboundReports strict = InboundReports.builder(source).cache(ReportCacheProperties.defaults()).clock(clock)
        .build();
    // open window with the agents section: sessions still open run to "now", so the report changes with the clock
    InboundReports.Query live = query(List.of(), ReportSection.SUMMARY, ReportSection.AGENTS);
    strict.compute(live);
    strict.compute(live);
    assertThat(source.reads).hasValue(2);
    // a window that ended before now does not depend on the clock: kept
    InboundReports.Query past = new InboundReports.Query(Instant.ofEpochSecond(T0),
        Instant.ofEpochSecond(T0 + 3_600), ZONE, EnumSet.of(ReportSection.AGENTS), List.of(), List.of(),
        List.of(), ReportView.QUEUE, PeriodTable.PeriodUnit.DAY);
    strict.compute(past);
    strict.compute(past);
    assertThat(source.reads).hasValue(3);

    CountingFiles source2 = new CountingFiles(source.paths.get(0));
    InboundReports lenient = InboundReports.builder(source2)
        .cache(new ReportCacheProperties(true, null, Duration.ofSeconds(60), Duration.ofSeconds(10)))
        .clock(clock).build();
    lenient.compute(live);
    clock.advance(Duration.ofSeconds(9));
    lenient.compute(live);
    assertThat(source2.reads).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    lenient.compute(live);
    assertThat(source2.reads).as("10 s after it was computed").hasValue(2);
  }

  @Test
  void anAppendsOnlyFingerprintIsTrustedForMaxAgeAtMost() throws IOException {
    Path file = log(1);
    AtomicInteger reads = new AtomicInteger();
    QueueLogProvider table = new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        reads.incrementAndGet();
        return QueueLogInput.paths(List.of(file));
      }

      @Override
      public String description() {
        return "table queue_log";
      }

      @Override
      public Fingerprint fingerprint(ZoneId zone) {
        return new Fingerprint(List.of(1L, 42L), true); // min(id), max(id) unchanged: an edit it cannot see
      }
    };
    SimulatedClock clock = SimulatedClock.at(Instant.ofEpochSecond(T0 + 86_400), ZONE);
    InboundReports reports = InboundReports.builder(table)
        .cache(new ReportCacheProperties(true, null, Duration.ofSeconds(60), Duration.ZERO)).clock(clock).build();
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY);
    reports.compute(q);
    clock.advance(Duration.ofSeconds(59));
    reports.compute(q);
    assertThat(reads).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    reports.compute(q);
    assertThat(reads).hasValue(2);
    assertThat(reports.cachedReports()).isEqualTo(1);
  }

  @Test
  void namesFromADirectoryThatChangesAreTrustedForMaxAgeAtMost() throws IOException {
    CountingFiles source = new CountingFiles(log(1));
    SimulatedClock clock = SimulatedClock.at(Instant.ofEpochSecond(T0 + 86_400), ZONE);
    java.util.Map<String, ru.sipring.core.directory.Operator> names = new java.util.concurrent.ConcurrentHashMap<>();
    names.put("PJSIP/501", new ru.sipring.core.directory.Operator("501", "Old Name"));
    InboundReports reports = InboundReports.builder(source)
        .agents(agent -> java.util.Optional.ofNullable(names.get(agent)), true)
        .cache(new ReportCacheProperties(true, null, Duration.ofSeconds(30), Duration.ZERO)).clock(clock).build();
    InboundReports.Query q = query(List.of(), ReportSection.ANSWERED);
    assertThat(reports.compute(q).answered().get(0).agentName()).isEqualTo("Old Name");
    names.put("PJSIP/501", new ru.sipring.core.directory.Operator("501", "New Name"));
    clock.advance(Duration.ofSeconds(30));
    assertThat(reports.compute(q).answered().get(0).agentName()).isEqualTo("New Name");
    assertThat(source.reads).hasValue(2);
    // a host that renames someone can also drop the kept reports at once
    names.put("PJSIP/501", new ru.sipring.core.directory.Operator("501", "Newer Name"));
    reports.forgetAll();
    assertThat(reports.compute(q).answered().get(0).agentName()).isEqualTo("Newer Name");
  }

  @Test
  void theMemoryBoundKeepsNoReportHeavierThanIt() throws IOException {
    CountingFiles source = new CountingFiles(log(40));
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY, ReportSection.ANSWERED);
    InboundReports.Query other = query(List.of(), ReportSection.ANSWERED);
    int w = ReportCache.weight(reports(source, ReportCacheProperties.off()).compute(q));
    int w2 = ReportCache.weight(reports(source, ReportCacheProperties.off()).compute(other));
    assertThat(w).as("40 answered rows count").isGreaterThan((int) (40 * ReportCache.DETAIL_ROW_BYTES));
    source.reads.set(0);

    InboundReports tight = reports(source, new ReportCacheProperties(true, DataSize.ofBytes(w - 1),
        Duration.ofSeconds(60), Duration.ZERO));
    tight.compute(q);
    tight.compute(q);
    assertThat(source.reads).hasValue(2);
    assertThat(tight.cachedReports()).isZero();

    CountingFiles source2 = new CountingFiles(source.paths.get(0));
    // room for either report, not for both
    InboundReports roomy = reports(source2, new ReportCacheProperties(true,
        DataSize.ofBytes(Math.max(w, w2) + Math.min(w, w2) / 2), Duration.ofSeconds(60), Duration.ZERO));
    roomy.compute(q);
    roomy.compute(q);
    assertThat(source2.reads).hasValue(1);
    roomy.compute(other);
    assertThat(roomy.cachedReports()).isEqualTo(1);
  }

  @Test
  void aZeroSizeIsOff() throws IOException {
    CountingFiles source = new CountingFiles(log(1));
    InboundReports reports = reports(source, new ReportCacheProperties(true, DataSize.ofBytes(0),
        Duration.ofSeconds(60), Duration.ZERO));
    InboundReports.Query q = query(List.of(), ReportSection.SUMMARY);
    reports.compute(q);
    reports.compute(q);
    assertThat(source.reads).hasValue(2);
  }

  @Test
  void theFileFingerprintSeesSizeTimeAndIdentity() throws IOException {
    Path file = log(1);
    QueueLogProvider.Fingerprint a = QueueLogProvider.Fingerprint.ofFiles(List.of(file));
    assertThat(QueueLogProvider.Fingerprint.ofFiles(List.of(file))).isEqualTo(a);
    assertThat(a.appendsOnly()).isFalse();
    // replaced by another file of the same size and time (a copy moved over it): the identity differs
    Path copy = dir.resolve("copy");
    Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(file)).isEqualTo(((QueueLogProvider.FileStamp) ((List<?>) a.value()).get(0)).size());
    assertThat(QueueLogProvider.Fingerprint.ofFiles(List.of(file))).isNotEqualTo(a);
    // touched: the time differs
    QueueLogProvider.Fingerprint b = QueueLogProvider.Fingerprint.ofFiles(List.of(file));
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.ofEpochSecond(T0)));
    assertThat(QueueLogProvider.Fingerprint.ofFiles(List.of(file))).isNotEqualTo(b);
  }
}
