package ru.sipring.benchmarks.ami;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.testkit.ami.AmiMessage;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * Whole-process benchmark of the AMI path: fake Asterisk → TCP loopback → asterisk-java reader and dispatch →
 * SipRing's hand-off → live state → listener.
 *
 * <p>1. Throughput: {@code events} queue events (QueueCallerJoin/QueueCallerLeave pairs over 20 queues) written
 * as fast as the fake can, timed until SipRing has folded the last one into live state.
 * 2. Latency: events at a fixed {@code rate}; each QueueCallerJoin carries its emission time (System.nanoTime)
 * as caller number, read back by a listener; percentiles of emission → listener call.
 *
 * <p>Run: {@code java -cp benchmarks/target/sipring-benchmarks-*-all.jar ru.sipring.benchmarks.ami.AmiEventBenchmark
 * [events] [rate] [latencySamples]}
 */
public final class AmiEventBenchmark {
  private AmiEventBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    try (FakeAsterisk pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(),
        QueueLogWriter.inMemory());
         AmiPbxGateway gw = AmiPbxGateway.connect(AmiSettings.of("127.0.0.1", pbx.port(), "sipring",
             "sipring-secret"), Clock.systemUTC(), Duration.ofSeconds(30))) {
      throughput(pbx, gw, events / 10, "warm-up");
      Map<String, Long> cpuBefore = threadCpu();
      throughput(pbx, gw, events, "measured");
      Map<String, Long> cpuAfter = threadCpu();
      System.out.println("CPU time per thread during the measured run:");
      cpuAfter.forEach((name, ns) -> {
        long used = ns - cpuBefore.getOrDefault(name, 0L);
        if (used > 50_000_000L) {
          System.out.printf("  %-60s %6.2f s%n", name, used / 1e9);
        }
      });
      latency(pbx, gw, rate, samples);
    }
  }

  /** CPU time of every live thread by name, to see which stage of the path does the work. */
  private static Map<String, Long> threadCpu() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null) {
        long ns = mx.getThreadCpuTime(t.getThreadId());
        if (ns > 0) {
          out.merge(t.getThreadName(), ns, Long::sum);
        }
      }
    }
    return out;
  }

  private static AmiMessage join(int i, String callerNum) {
    return AmiMessage.of("Event", "QueueCallerJoin", "Privilege", "agent,all", "Channel", "PJSIP/trunk-" + i,
        "ChannelState", "6", "ChannelStateDesc", "Up", "CallerIDNum", callerNum, "CallerIDName", "<unknown>",
        "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>", "Language", "ru", "AccountCode", "",
        "Context", "from-trunk", "Exten", "s", "Priority", "1", "Uniqueid", "1700000000." + i, "Linkedid",
        "1700000000." + i, "Queue", "q" + (i % 20), "Position", "1", "Count", "1");
  }

  private static AmiMessage leave(int i) {
    return AmiMessage.of("Event", "QueueCallerLeave", "Privilege", "agent,all", "Channel", "PJSIP/trunk-" + i,
        "ChannelState", "6", "ChannelStateDesc", "Up", "CallerIDNum", "0", "CallerIDName", "<unknown>",
        "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>", "Language", "ru", "AccountCode", "",
        "Context", "from-trunk", "Exten", "s", "Priority", "1", "Uniqueid", "1700000000." + i, "Linkedid",
        "1700000000." + i, "Queue", "q" + (i % 20), "Position", "1", "Count", "0");
  }

  private static void throughput(FakeAsterisk pbx, AmiPbxGateway gw, int events, String label)
      throws InterruptedException {
    long before = gw.eventsProcessed();
    long start = System.nanoTime();
    for (int i = 0; i < events / 2; i++) {
      pbx.emit(join(i, "4950000000"));
      pbx.emit(leave(i));
    }
    long emitted = System.nanoTime();
    while (gw.eventsProcessed() - before < (events / 2) * 2L) {
      Thread.sleep(1);
    }
    long end = System.nanoTime();
    System.out.printf("%s: %,d events written in %.2f s, applied to live state after %.2f s: %,.0f events/s%n",
        label, events, (emitted - start) / 1e9, (end - start) / 1e9, events / ((end - start) / 1e9));
  }

  private static void latency(FakeAsterisk pbx, AmiPbxGateway gw, int rate, int samples) throws Exception {
    long[] lat = new long[samples];
    AtomicInteger n = new AtomicInteger();
    AutoCloseable sub = gw.addListener((LiveQueueState s) -> {
      long now = System.nanoTime();
      for (LiveQueueState.Caller c : s.callers()) {
        if (c.callerIdNum().startsWith("t")) {
          int k = n.getAndIncrement();
          if (k < lat.length) {
            lat[k] = now - Long.parseLong(c.callerIdNum().substring(1));
          }
        }
      }
    });
    // the listener gets the newest state of a queue: a join whose leave is applied before the listener runs is
    // never seen (coalesced), so the samples are the joins the listener did see
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      long due = start + i * period;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      int id = 10_000_000 + i;
      pbx.emit(join(id, "t" + System.nanoTime()));
      pbx.emit(leave(id));
    }
    Thread.sleep(2000); // let the pipeline drain
    sub.close();
    int got = Math.min(n.get(), samples);
    long[] seen = Arrays.copyOf(lat, got);
    Arrays.sort(seen);
    System.out.printf("latency at %,d joins/s (%,d events/s), %,d joins, %,d seen by the listener: p50 %.2f ms,"
        + " p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", rate, rate * 2, samples, got, seen[got / 2] / 1e6,
        seen[got * 9 / 10] / 1e6, seen[got * 99 / 100] / 1e6, seen[got - 1] / 1e6);
  }
}
