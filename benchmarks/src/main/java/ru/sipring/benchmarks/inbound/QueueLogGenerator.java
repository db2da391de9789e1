package ru.sipring.benchmarks.inbound;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic synthetic queue_log of a busy call centre (for a given seed and line count the bytes
 * are always the same): 3 queues, 40 agents with sessions and pauses, calls that are answered (ended by caller,
 * agent or a transfer), lost (abandon, timeout, key exit), with unanswered ring offers and FreePBX DID lines.
 * Events are written in time order; concurrent calls interleave like in a real log.
 *
 * <p>Usage: {@code QueueLogGenerator OUT LINES [SEED [QUEUES AGENTS]]}. With more than 3 queues each agent is a
 * member of 3 of them (consecutive, starting at its own number), so sessions and pauses do not grow with the
 * queue count; with the defaults (3 queues, 40 agents) the bytes are the same as before the option existed.
 */
public final class QueueLogGenerator {
  static final long START = 1_700_000_000L; // 2023-11-14T22:13:20Z
  private static final int WHEEL = 1 << 11; // seconds ahead an event may be scheduled

  private final SplittableRandom rnd;
  private final StringBuilder[] wheel = new StringBuilder[WHEEL];
  private final int[] wheelLines = new int[WHEEL];
  private long seq;

  private QueueLogGenerator(long seed) {
    this.rnd = new SplittableRandom(seed);
    for (int i = 0; i < WHEEL; i++) {
      wheel[i] = new StringBuilder(256);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: QueueLogGenerator OUT LINES [SEED [QUEUES AGENTS]]");
      System.exit(2);
    }
    long lines = Long.parseLong(args[1].replace("_", ""));
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    int queues = args.length > 4 ? Integer.parseInt(args[3]) : 3;
    int agents = args.length > 4 ? Integer.parseInt(args[4]) : 40;
    long t0 = System.nanoTime();
    long written = write(Path.of(args[0]), lines, seed, queues, agents);
    System.err.printf("wrote %,d lines to %s in %.1f s%n", written, args[0], (System.nanoTime() - t0) / 1e9);
  }

  /** Writes at least {@code lines} lines (it finishes the second it is in) and returns how many. */
  public static long write(Path out, long lines, long seed) throws IOException {
    return write(out, lines, seed, 3, 40);
  }

  /** As {@link #write(Path, long, long)} with {@code queueCount} queues (6000...) and {@code agents} agents. */
  public static long write(Path out, long lines, long seed, int queueCount, int agents) throws IOException {
    if (queueCount < 1 || agents < 1) {
      throw new IllegalArgumentException("queues and agents must be at least 1");
    }
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      return new QueueLogGenerator(seed).run(os, lines, queueCount, agents);
    }
  }

  /** The queues agent {@code a} is a member of: all of them up to 3 queues, else 3 consecutive ones. */
  private static String[] memberOf(String[] queues, int a) {
    if (queues.length <= 3) {
      return queues;
    }
    String[] m = new String[3];
    for (int k = 0; k < 3; k++) {
      m[k] = queues[(a + k) % queues.length];
    }
    return m;
  }

  private void at(long t, String line) {
    int i = (int) (t & (WHEEL - 1));
    wheel[i].append(t).append('|').append(line).append('\n');
    wheelLines[i]++;
  }

  private long run(OutputStream os, long target, int queueCount, int agents) throws IOException {
    long written = 0;
    long t = START;
    at(t, "NONE|NONE|NONE|QUEUESTART|");
    String[] queues = new String[queueCount];
    for (int q = 0; q < queueCount; q++) {
      queues[q] = Integer.toString(6000 + q);
    }
    String[][] member = new String[agents][];
    for (int a = 0; a < agents; a++) {
      member[a] = memberOf(queues, a);
    }
    boolean[] loggedIn = new boolean[agents];
    boolean[] paused = new boolean[agents];
    byte[] chunk;
    while (written < target) {
      // agents come and go, pause and unpause
      if ((t & 63) == 0) {
        int a = rnd.nextInt(agents);
        String iface = "PJSIP/" + (100 + a);
        String[] mine = member[a];
        if (!loggedIn[a]) {
          for (String q : mine) {
            at(t, "MANAGER|" + q + "|" + iface + "|ADDMEMBER|");
          }
          loggedIn[a] = true;
        } else if (paused[a]) {
          at(t, "NONE|NONE|" + iface + "|UNPAUSEALL|");
          for (String q : mine) {
            at(t, "NONE|" + q + "|" + iface + "|UNPAUSE|");
          }
          paused[a] = false;
        } else if (rnd.nextInt(4) == 0) {
          for (String q : mine) {
            at(t, "MANAGER|" + q + "|" + iface + "|REMOVEMEMBER|");
          }
          loggedIn[a] = false;
        } else {
          String reason = rnd.nextBoolean() ? "Lunch" : "Training";
          at(t, "NONE|NONE|" + iface + "|PAUSEALL|" + reason);
          for (String q : mine) {
            at(t, "NONE|" + q + "|" + iface + "|PAUSE|" + reason);
          }
          paused[a] = true;
        }
      }
      int arrivals = rnd.nextInt(3); // 0..2 calls a second
      for (int k = 0; k < arrivals; k++) {
        call(t, queues[rnd.nextInt(queues.length)], agents);
      }
      int i = (int) (t & (WHEEL - 1));
      StringBuilder sb = wheel[i];
      if (sb.length() > 0) {
        chunk = sb.toString().getBytes(StandardCharsets.US_ASCII);
        os.write(chunk);
        written += wheelLines[i];
        sb.setLength(0);
        wheelLines[i] = 0;
      }
      t++;
    }
    return written;
  }

  private void call(long t, String q, int agents) {
    String id = t + "." + (seq++);
    String caller = "79" + (100_000_000 + rnd.nextInt(900_000_000));
    int pos = 1 + rnd.nextInt(5);
    at(t, id + "|" + q + "|NONE|DID|74950000000");
    at(t, id + "|" + q + "|NONE|ENTERQUEUE||" + caller + "|" + pos);
    int wait = rnd.nextInt(90);
    int rings = wait / 15;
    for (int r = 1; r <= rings && r <= 3; r++) {
      at(t + r * 15L, id + "|" + q + "|PJSIP/" + (100 + rnd.nextInt(agents)) + "|RINGNOANSWER|15000");
    }
    int outcome = rnd.nextInt(100);
    if (outcome < 78) {
      String agent = "PJSIP/" + (100 + rnd.nextInt(agents));
      int talk = 5 + rnd.nextInt(400);
      long tc = t + wait;
      at(tc, id + "|" + q + "|" + agent + "|CONNECT|" + wait + "|" + tc + "." + seq + "|" + rnd.nextInt(10));
      long te = tc + talk;
      String ev = outcome < 40 ? "COMPLETECALLER|" + wait + "|" + talk + "|" + pos
          : outcome < 72 ? "COMPLETEAGENT|" + wait + "|" + talk + "|" + pos
          : outcome < 75 ? "BLINDTRANSFER|200|from-internal|" + wait + "|" + talk + "|" + pos
          : "ATTENDEDTRANSFER|BRIDGE|" + te + ".b|" + wait + "|" + talk + "|" + pos;
      at(te, id + "|" + q + "|" + agent + "|" + ev);
    } else if (outcome < 93) {
      at(t + wait, id + "|" + q + "|NONE|ABANDON|" + pos + "|" + pos + "|" + wait);
    } else if (outcome < 98) {
      at(t + 120, id + "|" + q + "|NONE|EXITWITHTIMEOUT|" + pos + "|" + pos + "|120");
    } else {
      at(t + wait, id + "|" + q + "|NONE|EXITWITHKEY|1|" + pos + "|" + pos + "|" + wait);
    }
  }
}
