package ru.sipring.benchmarks.inbound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.queuelog.QueueLogLine;
import ru.sipring.core.queuelog.QueueLogSink;
import ru.sipring.core.report.ReportSection;

/**
 * JMH: file → full report (all sections but the per-call detail lists), single-threaded, and the reader alone.
 * Scores are in lines per second (one operation = one line). The log is generated once per trial.
 *
 * <p>Run: {@code java -jar benchmarks/target/sipring-benchmarks-*-all.jar InboundEngineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class InboundEngineBenchmark {
  static final int LINES = 2_000_000;

  @Param({"42"})
  long seed;

  Path file;
  InboundStatistics stats;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = Files.createTempFile("queue_log-jmh", "");
    long n = QueueLogGenerator.write(file, LINES, seed);
    if (n < LINES || n > LINES + 1000) {
      throw new IllegalStateException("unexpected line count " + n);
    }
    EnumSet<ReportSection> sections = EnumSet.allOf(ReportSection.class);
    sections.remove(ReportSection.ANSWERED);
    sections.remove(ReportSection.LOST);
    stats = InboundStatistics.builder().sections(sections).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public Object fullReport() {
    return stats.compute(QueueLogInput.path(file));
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void readerOnly(Blackhole bh) {
    QueueLogInput.path(file).read(new QueueLogSink() {
      @Override
      public void line(QueueLogLine line) {
        bh.consume(line.epochSecond());
      }

      @Override
      public void problem(InputProblem problem) {
        bh.consume(problem);
      }
    });
  }
}
