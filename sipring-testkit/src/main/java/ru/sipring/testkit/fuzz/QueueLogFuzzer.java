package ru.sipring.testkit.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.queuelog.QueueLogLine;
import ru.sipring.core.queuelog.QueueLogSink;
import ru.sipring.core.report.InboundReport;

/**
 * A seeded mutational fuzzer for the queue_log reader and the inbound engine. It takes real logs (read from a
 * corpus directory at run time, never copied), damages them with byte and line mutations (bit flips, control
 * bytes and NUL runs, inserted BOMs, cut lines, duplicated, dropped and swapped lines, absurd numbers in fields,
 * gzip compression with a damaged stream) and checks on every mutant that
 *
 * <ol>
 *   <li>nothing escapes as an exception;
 *   <li>the valid lines of the damaged log give exactly the report of those lines alone (the reader's accepted
 *       lines, written out cleanly, are computed again and must give the same figures);
 *   <li>one and two threads give the same report, and so do a file and a stream of the same bytes.
 * </ol>
 *
 * <p>Usage: {@code QueueLogFuzzer SEED COUNT [CORPUS_DIR [FAILURE_DIR]]}; failing mutants are written to
 * FAILURE_DIR (default {@code target/fuzz-failures}) for replay. Not thread-safe; one run per instance.
 */
public final class QueueLogFuzzer {

  /** The as-of instant of every report: fixed, so that reports of the same lines are comparable. */
  private static final Instant AS_OF = Instant.parse("2030-01-01T00:00:00Z");

  /**
   * The outcome of a run.
   *
   * @param seed the seed the run started from
   * @param mutants how many mutants were checked
   * @param linesRejected bad lines the reader reported over all mutants
   * @param problemKinds problems per kind over all mutants (what the damage turned into)
   * @param failures one line per failed mutant (the first 20), naming the mutant and its file
   * @param failed how many mutants failed
   */
  public record Result(long seed, int mutants, long linesRejected, Map<String, Long> problemKinds,
      List<String> failures, int failed) {}

  private final List<byte[]> bases;
  private final Path failureDir;
  private final Path scratch;

  /**
   * A fuzzer over the logs of {@code corpusDir}: every {@code *queue_log*} file in it (raw queue_log lines), and
   * PBXware's {@code *.csv} queue_log export turned back into raw lines.
   *
   * @param corpusDir the directory of real logs
   * @param failureDir where failing mutants are written
   * @throws UncheckedIOException when the corpus cannot be read
   */
  public QueueLogFuzzer(Path corpusDir, Path failureDir) {
    this.failureDir = failureDir;
    List<byte[]> logs = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpusDir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".csv") && name.contains("queue_log")) {
          logs.add(pbxwareToQueueLog(Files.readAllLines(f, StandardCharsets.UTF_8)));
        } else if (name.contains("queue_log") && !name.endsWith(".md")) {
          logs.add(Files.readAllBytes(f));
        }
      }
      this.scratch = Files.createTempDirectory("sipring-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus " + corpusDir, e);
    }
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("no queue_log files in " + corpusDir);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    logs.forEach(all::writeBytes);
    logs.add(all.toByteArray());
    this.bases = List.copyOf(logs);
  }

  /**
   * Runs {@code count} mutants from {@code seed}; mutant {@code i} depends only on the seed and i.
   *
   * @param seed the seed
   * @param count how many mutants
   * @return what was found
   */
  public Result run(long seed, int count) {
    Map<String, Long> kinds = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long rejected = 0;
    int failed = 0;
    for (int i = 0; i < count; i++) {
      SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
      byte[] base = bases.get(rnd.nextInt(bases.size()));
      byte[] mutant = mutate(base, rnd);
      try {
        InboundReport r = check(mutant);
        rejected += r.problems().countsByKind().entrySet().stream()
            .filter(e -> !e.getKey().startsWith("duplicate")).mapToLong(Map.Entry::getValue).sum();
        r.problems().countsByKind().forEach((k, v) -> kinds.merge(k, v, Long::sum));
      } catch (Throwable t) {
        failed++;
        if (failures.size() < 20) { // the first ones, saved for replay; the rest are counted
          failures.add("mutant " + i + " of seed " + seed + ": " + describe(t) + " (" + save(seed, i, mutant) + ")");
        }
      }
    }
    return new Result(seed, count, rejected, kinds, failures, failed);
  }

  /** Checks one input against the invariants; returns its report or throws what failed. */
  InboundReport check(byte[] mutant) throws IOException {
    InboundReport one = compute(QueueLogInput.stream("fuzz", new ByteArrayInputStream(mutant)), 1);
    InboundReport two = compute(QueueLogInput.stream("fuzz", new ByteArrayInputStream(mutant)), 2);
    require(one.equals(two), "one and two threads differ");
    Path file = scratch.resolve("queue_log");
    Files.write(file, mutant);
    InboundReport fromFile = compute(QueueLogInput.path(file), 1);
    InboundReport fromStream = compute(QueueLogInput.stream(file.toString(), new ByteArrayInputStream(mutant)), 1);
    require(fromFile.equals(fromStream), "file and stream differ");
    byte[] valid = acceptedLines(mutant);
    InboundReport clean = compute(QueueLogInput.stream("fuzz", new ByteArrayInputStream(valid)), 1);
    require(figures(one).equals(figures(clean)), "the valid lines alone give another report");
    return one;
  }

  private static InboundReport compute(QueueLogInput in, int threads) {
    return InboundStatistics.builder().asOf(AS_OF).threads(threads).maxProblemsKept(1000).build().compute(in);
  }

  /** Everything a report counts, without where its problems were and what its sources were called. */
  private static List<Object> figures(InboundReport r) {
    return List.of(r.summary(), r.answered(), r.lost(), r.operators(), r.queues(), r.serviceLevel(), r.periods(),
        r.agents(), r.input().eventCounts(), r.problems().countsByKind().getOrDefault("duplicate line", 0L));
  }

  /** The lines the reader accepts, each as its bytes and a newline: the damaged log without its damage. */
  static byte[] acceptedLines(byte[] log) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(log.length);
    QueueLogInput.stream("fuzz", new ByteArrayInputStream(log)).read(new QueueLogSink() {
      @Override
      public void line(QueueLogLine l) {
        int from = l.start(0);
        out.write(l.buffer(), from, l.end(l.fieldCount() - 1) - from);
        out.write('\n');
      }

      @Override
      public void problem(InputProblem problem) {}
    });
    return out.toByteArray();
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  private static String describe(Throwable t) {
    if (t instanceof AssertionError) {
      return "invariant broken: " + t.getMessage();
    }
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    String[] lines = w.toString().split("\n");
    return "exception escaped: " + String.join(" | ", Arrays.asList(lines).subList(0, Math.min(4, lines.length)));
  }

  private String save(long seed, int i, byte[] mutant) {
    try {
      Files.createDirectories(failureDir);
      Path p = failureDir.resolve("mutant-" + seed + "-" + i + ".queue_log");
      Files.write(p, mutant);
      return "saved as " + p;
    } catch (IOException e) {
      return "not saved: " + e.getMessage();
    }
  }

  // ---------------------------------------------------------------------------------------------- mutations

  private static final byte[][] SPECIAL = {
      {0}, {'\n'}, {'|'}, {'\r'}, {'\t'}, {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0x1b}, {0x7f},
      {(byte) 0xD0}, "||||||||||||||||||||".getBytes(StandardCharsets.US_ASCII),
      "123456789012345678".getBytes(StandardCharsets.US_ASCII), "99999999999".getBytes(StandardCharsets.US_ASCII),
      "-1".getBytes(StandardCharsets.US_ASCII), "NONE".getBytes(StandardCharsets.US_ASCII)};

  static byte[] mutate(byte[] base, SplittableRandom rnd) {
    byte[] b = base.clone();
    int n = 1 + rnd.nextInt(4);
    for (int k = 0; k < n; k++) {
      b = rnd.nextBoolean() ? byteMutation(b, rnd) : lineMutation(b, rnd);
    }
    if (rnd.nextInt(10) == 0) {
      b = damagedGzip(b, rnd);
    }
    return b;
  }

  private static byte[] byteMutation(byte[] b, SplittableRandom rnd) {
    if (b.length == 0) {
      return SPECIAL[rnd.nextInt(SPECIAL.length)].clone();
    }
    int at = rnd.nextInt(b.length);
    switch (rnd.nextInt(8)) {
      case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> b[at] = (byte) rnd.nextInt(256);
      case 2 -> b[at] = SPECIAL[rnd.nextInt(6)][0];
      case 3 -> {
        return splice(b, at, at, SPECIAL[rnd.nextInt(SPECIAL.length)]);
      }
      case 4 -> {
        byte[] nul = new byte[1 + rnd.nextInt(64)]; // NUL padding, as after a crash
        return splice(b, at, at, nul);
      }
      case 5 -> {
        return splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(40)), new byte[0]);
      }
      case 6 -> {
        return Arrays.copyOf(b, at); // cut: the last line may lose its newline
      }
      default -> {
        return splice(b, 0, 0, SPECIAL[6]); // a BOM in front
      }
    }
    return b;
  }

  private static byte[] lineMutation(byte[] b, SplittableRandom rnd) {
    List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
    if (lines.size() < 2) {
      return b;
    }
    int i = rnd.nextInt(lines.size() - 1);
    int j = rnd.nextInt(lines.size() - 1);
    switch (rnd.nextInt(7)) {
      case 0 -> lines.add(i, lines.get(i)); // written twice
      case 1 -> lines.remove(i);
      case 2 -> {
        String x = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, x);
      }
      case 3 -> {
        String[] f = lines.get(i).split("\\|", -1);
        f[rnd.nextInt(f.length)] = new String(SPECIAL[11 + rnd.nextInt(4)], StandardCharsets.ISO_8859_1);
        lines.set(i, String.join("|", f));
      }
      case 4 -> {
        String[] f = lines.get(i).split("\\|", -1);
        lines.set(i, String.join("|", Arrays.copyOf(f, rnd.nextInt(f.length + 1))));
      }
      case 5 -> {
        // every line twice, as two loggers writing one file
        List<String> twice = new ArrayList<>();
        for (String l : lines.subList(0, lines.size() - 1)) {
          twice.add(l);
          twice.add(l);
        }
        twice.add(lines.get(lines.size() - 1));
        lines = twice;
      }
      default -> lines.add(i, lines.get(i).replace("\r", "") + "\r"); // a CRLF line
    }
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] damagedGzip(byte[] b, SplittableRandom rnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] z = out.toByteArray();
    return switch (rnd.nextInt(3)) {
      case 0 -> Arrays.copyOf(z, rnd.nextInt(z.length)); // truncated
      case 1 -> {
        z[2 + rnd.nextInt(z.length - 2)] ^= (byte) (1 << rnd.nextInt(8)); // corrupt
        yield z;
      }
      default -> z;
    };
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] r = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, r, 0, from);
    System.arraycopy(insert, 0, r, from, insert.length);
    System.arraycopy(b, to, r, from + insert.length, b.length - to);
    return r;
  }

  /** PBXware's queue_log export (a derived table, mapping in the corpus PROVENANCE.md) as raw queue_log lines. */
  static byte[] pbxwareToQueueLog(List<String> csv) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < csv.size(); i++) {
      String[] c = csv.get(i).split(",", -1);
      if (c.length < 14) {
        continue;
      }
      String ev = c[5];
      String p1 = c[6];
      String p2 = c[7];
      String p3 = c[8];
      String entpos = c[9];
      String expos = c[10];
      String htime = c[11];
      String ttime = c[12];
      List<String> data = switch (ev) {
        case "ENTERQUEUE" -> List.of("", p1, entpos);
        case "CONNECT" -> List.of(htime, p2, p3);
        case "COMPLETECALLER", "COMPLETEAGENT" -> List.of(htime, ttime, entpos);
        case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY" -> List.of(expos, entpos, htime);
        case "BLINDTRANSFER" -> List.of(p2, p3, htime, ttime, entpos);
        case "ATTENDEDTRANSFER" -> List.of("BRIDGE", "", htime, ttime, entpos);
        case "RINGNOANSWER" -> List.of(htime);
        default -> List.of(p1, p2, p3);
      };
      sb.append(c[1]).append('|').append(c[2]).append('|').append(c[3]).append('|').append(c[4]).append('|')
          .append(ev);
      data.forEach(d -> sb.append('|').append(d));
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code QueueLogFuzzer SEED COUNT [CORPUS_DIR [FAILURE_DIR]]}: runs COUNT mutants and prints what was found;
   * exits 1 when an invariant broke.
   *
   * @param args seed, count, corpus directory (default /work/shared/corpus/queue_log), failure directory
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: QueueLogFuzzer SEED COUNT [CORPUS_DIR [FAILURE_DIR]]");
      System.exit(2);
    }
    long seed = Long.parseLong(args[0]);
    int count = Integer.parseInt(args[1]);
    Path corpus = Path.of(args.length > 2 ? args[2] : "/work/shared/corpus/queue_log");
    Path failures = Path.of(args.length > 3 ? args[3] : "target/fuzz-failures");
    long t0 = System.nanoTime();
    Result r = new QueueLogFuzzer(corpus, failures).run(seed, count);
    System.out.printf("seed %d: %d mutants in %.1f s, %d bad lines reported, %d invariant failures%n", r.seed(),
        r.mutants(), (System.nanoTime() - t0) / 1e9, r.linesRejected(), r.failed());
    r.problemKinds().forEach((k, v) -> System.out.println("  " + k + ": " + v));
    r.failures().forEach(f -> System.out.println("FAIL " + f));
    System.exit(r.failures().isEmpty() ? 0 : 1);
  }

  @Override
  public String toString() {
    return "QueueLogFuzzer" + Objects.toString(bases.size()) + " bases";
  }
}
