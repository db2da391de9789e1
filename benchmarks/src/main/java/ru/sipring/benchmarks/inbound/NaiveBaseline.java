package ru.sipring.benchmarks.inbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference the issue quotes: a plain single pass, {@code readLine} + {@code split} + a HashMap of String
 * keys, computing only the headline numbers (answered, lost, wait and talk totals, per-agent counts). SipRing's
 * engine computes the full report and must go well past this.
 *
 * <p>Usage: {@code NaiveBaseline QUEUE_LOG [--repeat N]}
 */
public final class NaiveBaseline {
  private record Open(long entered, String caller) {}

  public static void main(String[] args) throws IOException {
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r < repeat; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long lines = 0;
      long answered = 0;
      long lost = 0;
      long wait = 0;
      long talk = 0;
      Map<String, Open> open = new HashMap<>();
      Map<String, long[]> agents = new HashMap<>();
      try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          lines++;
          String[] f = line.split("\\|");
          if (f.length < 5) {
            continue;
          }
          String key = f[1] + "|" + f[2];
          switch (f[4]) {
            case "ENTERQUEUE" -> open.put(key, new Open(Long.parseLong(f[0]), f.length > 6 ? f[6] : ""));
            case "COMPLETECALLER", "COMPLETEAGENT" -> {
              if (open.remove(key) != null) {
                answered++;
                wait += Long.parseLong(f[5]);
                talk += Long.parseLong(f[6]);
                agents.computeIfAbsent(f[3], k -> new long[1])[0]++;
              }
            }
            case "BLINDTRANSFER", "ATTENDEDTRANSFER" -> {
              if (open.remove(key) != null) {
                answered++;
                wait += Long.parseLong(f[7]);
                talk += Long.parseLong(f[8]);
                agents.computeIfAbsent(f[3], k -> new long[1])[0]++;
              }
            }
            case "ABANDON", "EXITWITHTIMEOUT", "EXITWITHKEY", "EXITEMPTY" -> {
              if (open.remove(key) != null) {
                lost++;
              }
            }
            default -> { }
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf("naive HashMap<String> pass: answered %,d lost %,d wait %,d talk %,d agents %d | %.3f s wall"
          + " %.2f M lines/s | %.3f s cpu %.2f M lines/cpu-s%n", answered, lost, wait, talk, agents.size(), s,
          lines / s / 1e6, cpu, lines / cpu / 1e6);
    }
  }
}
