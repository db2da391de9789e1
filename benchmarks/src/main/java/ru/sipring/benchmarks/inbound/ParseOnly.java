package ru.sipring.benchmarks.inbound;

import java.nio.file.Path;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.queuelog.QueueLogLine;
import ru.sipring.core.queuelog.QueueLogSink;

/** Reads and splits a queue_log without computing anything: the reader's share of the time. */
public final class ParseOnly {
  public static void main(String[] args) {
    for (int r = 0; r < 5; r++) {
      long[] n = {0, 0};
      long t0 = System.nanoTime();
      long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      QueueLogInput.path(Path.of(args[0])).read(new QueueLogSink() {
        @Override
        public void line(QueueLogLine line) {
          n[0]++;
          n[1] += line.epochSecond() + line.fieldCount();
        }

        @Override
        public void problem(InputProblem problem) {}
      });
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf("parse only: %.3f s wall, %.3f s cpu  %.2f M lines/s per cpu-second (%d)%n", s, cpu,
          n[0] / cpu / 1e6, n[1] & 1);
    }
  }
}
