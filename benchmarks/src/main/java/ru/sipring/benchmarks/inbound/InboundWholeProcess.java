package ru.sipring.benchmarks.inbound;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportWindow;

/**
 * Whole-process benchmark: JVM start, read the queue_log, compute the full report, print the headline numbers
 * and the timing. {@code --details-csv DIR} streams the answered/lost rows to CSV files there (the bounded-memory
 * mode: run with -Xmx256m); {@code --details-in-memory} keeps them in the report; default: no detail sections.
 *
 * <p>Usage: {@code InboundWholeProcess QUEUE_LOG... [--details-csv DIR | --details-in-memory] [--threads 1|2]
 * [--repeat N]}
 */
public final class InboundWholeProcess {

  public static void main(String[] args) throws IOException {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    List<Path> files = new java.util.ArrayList<>();
    Path csvDir = null;
    boolean inMemory = false;
    int repeat = 1;
    int threads = 1;
    ru.sipring.core.report.ReportView view = ru.sipring.core.report.ReportView.QUEUE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--details-csv" -> csvDir = Path.of(args[++i]);
        case "--details-in-memory" -> inMemory = true;
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--view" -> view = ru.sipring.core.report.ReportView.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
        default -> files.add(Path.of(args[i]));
      }
    }
    for (int r = 0; r < repeat; r++) {
      run(files, csvDir, inMemory, threads, view);
    }
    System.out.printf("whole process (JVM start to end): %.3f s%n",
        (System.currentTimeMillis() - jvmStart) / 1000.0);
  }

  static void run(List<Path> files, Path csvDir, boolean inMemory, int threads, ru.sipring.core.report.ReportView view)
      throws IOException {
    EnumSet<ReportSection> sections = EnumSet.allOf(ReportSection.class);
    if (csvDir == null && !inMemory) {
      sections.remove(ReportSection.ANSWERED);
      sections.remove(ReportSection.LOST);
    }
    InboundStatistics.Builder b = InboundStatistics.builder()
        .window(ReportWindow.all(ZoneId.of("Europe/Moscow")))
        .sections(sections)
        .view(view)
        .threads(threads);
    BufferedWriter answeredOut = null;
    BufferedWriter lostOut = null;
    if (csvDir != null) {
      Files.createDirectories(csvDir);
      answeredOut = Files.newBufferedWriter(csvDir.resolve("answered.csv"), StandardCharsets.UTF_8);
      lostOut = Files.newBufferedWriter(csvDir.resolve("lost.csv"), StandardCharsets.UTF_8);
      BufferedWriter a = answeredOut;
      BufferedWriter l = lostOut;
      Consumer<AnsweredCall> ac = c -> write(a, c.queue() + "," + c.agent() + "," + c.enteredAt().getEpochSecond()
          + "," + c.caller() + "," + c.waitTime().toSeconds() + "," + c.talkTime().toSeconds() + "," + c.endedBy()
          + "," + c.callId());
      Consumer<LostCall> lc = c -> write(l, c.queue() + "," + c.enteredAt().getEpochSecond() + "," + c.caller()
          + "," + c.waitTime().toSeconds() + "," + c.cause() + "," + c.callId());
      b.detailSink(ac, lc);
    }
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    InboundReport report = b.build().compute(QueueLogInput.paths(files));
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    if (answeredOut != null) {
      answeredOut.close();
      lostOut.close();
    }
    long lines = report.input().lines();
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf("threads %d  lines %,d  answered %,d  lost %,d  unfinished %,d  agents %d  periods %d  problems %d%n",
        threads, lines, report.summary().answered(), report.summary().lost(), report.summary().unfinished(),
        report.agents().size(), report.periods().rows().size(), report.problems().total());
    System.out.printf("compute: %.3f s wall  %.2f M lines/s  %.0f MB/s | %.3f s cpu of the computing thread  %.2f M"
        + " lines/cpu-s | heap used %d MB of max %d MB%n", s, lines / s / 1e6, bytes / s / 1e6, cpu, lines / cpu / 1e6,
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
