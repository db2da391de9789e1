package ru.sipring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs every subcommand picocli knows (so a new command is covered without touching this test) with bad input:
 * an unknown option, and for each option or parameter a missing file, a directory, a file of garbage bytes, a
 * value that is not a number, a number beyond long range and a string with control characters and quotes. Every
 * run must end with stderr free of stack traces ({@code \tat } lines) and of "internal error" (an exception the
 * command did not expect); a usage error prints one line and a pointer to {@code --help}. Required options get
 * plausible values by type so the bad value is the only thing wrong. Network addresses point at a closed local
 * port, so nothing here needs a server; a command still running after its time (a server that started anyway)
 * is reported, not waited for.
 */
class AllCommandsBadInputTest {
  private static final Duration LIMIT = Duration.ofSeconds(8);
  private static ExecutorService pool;
  /** Commands that serve until stopped: still running on a value they accept is right for them. */
  private static final java.util.Set<String> SERVING = java.util.Set.of("agi-server", "live", "screen-pop");

  @TempDir static Path dir;
  static Path garbage;
  static Path empty;

  @BeforeAll
  static void files() throws IOException {
    garbage = dir.resolve("garbage.bin");
    byte[] b = new byte[4096];
    new Random(11).nextBytes(b);
    Files.write(garbage, b);
    empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bad-input-run");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  record Run(List<String> args, int exit, String err, String out, boolean finished) {}

  private static final java.util.concurrent.atomic.AtomicInteger MISSING = new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void everyCommandAnswersBadInputWithOneLine() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    int runs = 0;
    for (CommandLine leaf : leaves(SipRingCli.commandLine())) {
      CommandSpec spec = leaf.getCommandSpec();
      List<String> path = path(spec);
      for (List<String> args : variants(spec)) {
        List<String> full = new ArrayList<>(path);
        full.addAll(args);
        Run r = run(full);
        runs++;
        if (!r.finished()) {
          unfinished.add(String.join(" ", full));
          continue;
        }
        String problem = check(r);
        if (problem != null) {
          failures.add(problem + " <- sipring " + String.join(" ", full) + "\n" + indent(r.err()));
        }
      }
    }
    // the database gone: the pool's own failure logging must not print a trace before the command's one line
    Run dbDown = run(List.of("campaign", "import", "--db", "jdbc:mariadb://127.0.0.1:9/none", "--assignment",
        "p/t/a", "--file", garbage.toString()));
    runs++;
    String dbProblem = check(dbDown);
    if (dbProblem != null || dbDown.exit() == 0) {
      failures.add(dbProblem + " <- database down\n" + indent(dbDown.err()));
    }
    assertThat(dbDown.err()).contains("campaign");
    System.out.println("bad-input runs: " + runs + ", still running after " + LIMIT.toSeconds() + " s: " + unfinished);
    for (String u : unfinished) {
      if (!SERVING.contains(u.split(" ")[0])) {
        failures.add("still running after " + LIMIT.toSeconds() + " s on bad input <- sipring " + u);
      }
    }
    assertThat(failures).as("commands that answered bad input with a stack trace or an internal error").isEmpty();
  }

  /** Why a run's stderr is not acceptable, or null. */
  static String check(Run r) {
    String err = r.err();
    if (err.contains("\tat ") || r.out().contains("\tat ")) {
      return "stack trace";
    }
    if (err.contains("internal error")) {
      return "unexpected exception";
    }
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    if (r.exit() == 2 && err.contains("--help' for more information")) {
      if (lines.size() != 2) {
        return "usage error in " + lines.size() + " lines";
      }
      return null;
    }
    // a command whose documented report is on stdout (survey validate's problems, import's rejected rows)
    if (r.exit() != 0 && lines.isEmpty() && r.out().isBlank()) {
      return "exit " + r.exit() + " without a message";
    }
    for (String l : lines) {
      if (l.matches("^(java|javax|jdk|com|org|ru)\\.[\\w.$]+(Exception|Error)(:.*)?$")) {
        return "an exception printed as it is";
      }
    }
    return null;
  }

  private static String indent(String s) {
    return s.lines().limit(8).map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
  }

  static List<CommandLine> leaves(CommandLine root) {
    List<CommandLine> out = new ArrayList<>();
    for (CommandLine sub : root.getSubcommands().values()) {
      if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand || out.contains(sub)) {
        continue;
      }
      out.add(sub);
      out.addAll(leaves(sub));
    }
    return out.stream().distinct().toList();
  }

  static List<String> path(CommandSpec spec) {
    List<String> p = new ArrayList<>();
    for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
      p.add(0, s.name());
    }
    return p;
  }

  /** The bad invocations of one command: each a plausible base with one argument made bad. */
  static List<List<String>> variants(CommandSpec spec) {
    List<List<String>> out = new ArrayList<>();
    List<String> base = base(spec, null, null);
    List<String> unknown = new ArrayList<>(base);
    unknown.add("--no-such-option-x");
    out.add(unknown);
    for (ArgSpec a : spec.args()) {
      if (a instanceof OptionSpec o && (o.usageHelp() || o.versionHelp() || o.arity().max() == 0)) {
        continue;
      }
      for (String bad : badValues(a)) {
        out.add(base(spec, a, bad));
      }
    }
    return out;
  }

  /** The value type, the element type for a list option ({@code --queue-log PATH...}). */
  static Class<?> type(ArgSpec a) {
    if (a.typeInfo().isCollection() && a.auxiliaryTypes().length > 0) {
      return a.auxiliaryTypes()[0];
    }
    return a.type();
  }

  static List<String> badValues(ArgSpec a) {
    Class<?> t = type(a);
    List<String> v = new ArrayList<>();
    if (t == Path.class || t == java.io.File.class || looksLikeFile(a)) {
      // a fresh name each time: a command that writes its output file must not create the next run's input
      v.add(dir.resolve("missing-" + MISSING.incrementAndGet() + ".csv").toString());
      v.add(dir.toString());
      v.add(garbage.toString());
      v.add(empty.toString());
    } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class) {
      v.add("abc");
      v.add("99999999999999999999999");
      v.add("-1");
    } else {
      v.add("\u0001;\"'\\x");
      v.add("");
    }
    return v;
  }

  private static boolean looksLikeFile(ArgSpec a) {
    String label = a.paramLabel().toLowerCase();
    // String-typed paths: FILE, F, DIR, F.csv, FILE.json ...
    return type(a) == String.class && (label.contains("file") || label.contains("dir") || label.equals("f")
        || label.matches("f\\.\\w+"));
  }

  /**
   * Arguments with every required option and parameter filled plausibly; {@code bad} replaces {@code which}.
   * Nothing may reach a real system: files default into the temporary directory (never ~/.sipring or the working
   * directory), servers to a closed local port, and cluster actions to pcsd on a closed port instead of the
   * local pcs (this machine runs the project's test cluster).
   */
  static List<String> base(CommandSpec spec, ArgSpec which, String bad) {
    List<String> args = new ArrayList<>();
    List<String> positionals = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      String name = o.longestName();
      if (o == which) {
        args.add(name);
        args.add(bad);
      } else if (o.required()) {
        args.add(name);
        args.add(plausible(o));
      } else if (type(o) == Path.class || type(o) == java.io.File.class || looksLikeFile(o)) {
        args.add(name);
        args.add(plausible(o));
      } else if (SAFE.containsKey(name)) {
        args.add(name);
        args.add(SAFE.get(name));
      }
    }
    for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
      if (p == which) {
        positionals.add(bad);
      } else if (p.required() || p.arity().min() > 0) {
        positionals.add(plausible(p));
      }
    }
    args.addAll(positionals);
    return args;
  }

  /** Optional options given a harmless value in every run. */
  private static final java.util.Map<String, String> SAFE = java.util.Map.of(
      "--ami", "127.0.0.1:9", "--ami-wait", "1", "--via", "pcsd", "--pcsd-url", "https://127.0.0.1:9",
      "--count", "1", "--fax-server", "127.0.0.1:9", "--ami-host", "127.0.0.1", "--ami-port", "9",
      "--run-for", "1");

  static String plausible(ArgSpec a) {
    Class<?> t = type(a);
    if (t == Path.class || t == java.io.File.class || looksLikeFile(a)) {
      return dir.resolve("plausible-" + Math.abs((a.paramLabel() + a.toString()).hashCode())).toString();
    }
    String upper = a.paramLabel().toUpperCase();
    if (upper.contains("HOST")) {
      return "127.0.0.1:9";
    }
    if (upper.contains("URL")) {
      return upper.contains("JDBC") ? "x" : "https://127.0.0.1:9";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "1";
    }
    if (t == double.class || t == Double.class) {
      return "1.5";
    }
    if (t == Instant.class) {
      return "2026-01-01T00:00:00Z";
    }
    if (t == LocalDate.class) {
      return "2026-01-01";
    }
    if (t == ZoneId.class) {
      return "Europe/Moscow";
    }
    if (t == Duration.class) {
      return "PT1S";
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[0].toString();
    }
    String label = a.paramLabel().toUpperCase();
    if (label.contains("/")) {
      return "p/t/a";
    }
    return "x";
  }

  static Run run(List<String> args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
    ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
    System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = SipRingCli.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      Future<Integer> f = pool.submit(() -> cli.execute(args.toArray(new String[0])));
      try {
        int code = f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        return new Run(args, code, err + sysErr.toString(StandardCharsets.UTF_8), out + sysOut.toString(StandardCharsets.UTF_8), true);
      } catch (TimeoutException stillRunning) {
        f.cancel(true);
        return new Run(args, -1, err + sysErr.toString(StandardCharsets.UTF_8), out + sysOut.toString(StandardCharsets.UTF_8), false);
      }
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }
}
