package ru.sipring.benchmarks.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DetailRequest;
import ru.sipring.core.report.DetailSlice;
import ru.sipring.core.report.EndedBy;

/**
 * One sorted page of the answered-calls table of a kept report (the web panel's detail pages and the detail JSON):
 * {@link DetailSlice#answered} against its peer, what it did until 2026-12-02 (copy the table, stable sort, take
 * the page). A million rows in entry order, sorted by wait, descending, 500 rows a page; {@code page} 1 is the first
 * page, 2000 the last, 1000 the middle.
 *
 * <p>Run: {@code java -jar benchmarks/target/sipring-benchmarks-*-all.jar DetailPageBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DetailPageBenchmark {
  private static final int ROWS = 1_000_000;
  private static final int SIZE = 500;

  @Param({"1", "1000", "2000"})
  public int page;

  @SuppressWarnings("NullAway.Init") // JMH runs setUp() before any benchmark method
  private List<AnsweredCall> calls;
  @SuppressWarnings("NullAway.Init")
  private DetailRequest request;

  @Setup
  public void setUp() {
    Random rnd = new Random(20261202L);
    Instant t = Instant.parse("2026-11-01T06:00:00Z");
    calls = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      t = t.plusMillis(rnd.nextInt(2_000));
      calls.add(new AnsweredCall("q" + (i % 8), "Queue " + (i % 8), "PJSIP/" + (500 + i % 40), "" + (500 + i % 40),
          "Agent " + (i % 40), t, "7916" + (1_000_000 + i), Duration.ofSeconds(rnd.nextInt(600)),
          Duration.ofSeconds(rnd.nextInt(1_800)), 1 + rnd.nextInt(20), EndedBy.values()[i % 3], "c" + i, "q" + (i % 8),
          1));
    }
    request = new DetailRequest(page, SIZE, "wait", true);
  }

  @Benchmark
  public DetailSlice<AnsweredCall> selectPage() {
    return DetailSlice.answered(calls, request);
  }

  /** The peer: the whole table copied and sorted for every request. */
  @Benchmark
  public List<AnsweredCall> sortWholeTable() {
    List<AnsweredCall> rows = new ArrayList<>(calls);
    rows.sort(Comparator.comparing(AnsweredCall::waitTime).reversed());
    int from = (page - 1) * SIZE;
    return List.copyOf(rows.subList(from, Math.min(rows.size(), from + SIZE)));
  }
}
