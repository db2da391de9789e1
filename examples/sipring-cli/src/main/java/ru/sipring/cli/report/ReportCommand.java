package ru.sipring.cli.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cli.cdr.QueueLogDbOptions;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.directory.QueueDirectory;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.inbound.ProgressListener;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.inbound.partial.PartialFormat;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.Printout;
import ru.sipring.print.PdfPrintout;
import ru.sipring.print.XlsxPrintout;
import ru.sipring.core.report.render.CsvReportRenderer;
import ru.sipring.core.report.render.HtmlReportRenderer;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.core.report.render.ReportRenderer;
import ru.sipring.core.report.render.TextReportRenderer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.sipring.core.BadInputException;

/**
 * {@code sipring report}: the inbound report of the admin guide's section 7 from queue_log files or from the
 * realtime queue_log table of a database ({@code --db}), as text, JSON, CSV or HTML. A thin host of {@link InboundStatistics} and the renderers; everything it does a Java
 * application can do with the same calls (docs/inbound-report.md).
 *
 * <p>Exit codes: 0 done (a file that cannot be read, in part or at all, is a problem in the report and on stderr,
 * and the other files still give their report); 1 the database could not be read (the message names the JDBC URL
 * without its password), or {@code --strict} and the input had problems; 2 a bad option (the message names the
 * option).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Inbound call-centre report from an Asterisk queue_log: answered and lost calls, summary,"
        + " operators, queues, call completion, service level, statistics by period, agent analytics, input"
        + " problems (the admin guide's section 7).",
    footer = {"", "Examples:",
        "  sipring report --queue-log examples/data/queue_log \\",
        "      --agents examples/data/agents.csv --queues examples/data/queues.csv \\",
        "      --zone Europe/Moscow --from 2026-03-02 --to 2026-03-08",
        "  sipring report --queue-log /var/log/asterisk --format csv --out report/ --bom",
        "  zcat queue_log.1.gz | sipring report --queue-log - \\",
        "      --sections summary,serviceLevel --format json",
        "  sipring report --db jdbc:mariadb://pbx:3306/asteriskcdrdb \\",
        "      --db-user U --db-password P --table queuelog --zone Europe/Moscow",
        "  sipring report --queue-log pbx1/ --source-id pbx1 --partial-out pbx1.partial --format json",
        "  sipring report --merge pbx1.partial pbx2.partial --format html --out fleet.html",
        "",
        "Exit codes: 0 done (unreadable or damaged input files are listed in the 'problems' section), 1 the"
            + " database could not be read, or --strict and the input had problems, 2 a bad option.",
        "Documentation: docs/inbound-report.md"})
public final class ReportCommand implements Callable<Integer> {

  public enum Format { TEXT, JSON, CSV, HTML, PDF, XLSX }

  public enum Period { HOUR, DAY, MONTH }

  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Option(names = "--queue-log", arity = "1..*", paramLabel = "PATH",
      description = "queue_log files or directories (rotated and .gz files too); '-' reads stdin."
          + " This or --db is required")
  List<String> queueLogs = new ArrayList<>();

  /** {@code --db JDBC_URL [--db-user U --db-password P] [--table queue_log]}: the realtime table instead. */
  @Mixin
  QueueLogDbOptions db = new QueueLogDbOptions();

  @Option(names = "--from", paramLabel = "T",
      description = "start of the window (inclusive): ISO date (2026-03-02) or date-time (2026-03-02T09:00) in --zone")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "T",
      description = "end of the window (exclusive) as a date-time; a date alone means the end of that day")
  @Nullable String to;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "time zone of --from/--to and of every time shown (default: the system zone)")
  @Nullable String zone;

  @Option(names = "--queue", paramLabel = "Q", description = "only these queues (repeatable)")
  List<String> queues = new ArrayList<>();

  @Option(names = "--agent", paramLabel = "A",
      description = "only calls answered by these agents: queue_log agent value or operator number (repeatable)")
  List<String> agents = new ArrayList<>();

  @Option(names = "--caller", paramLabel = "N", description = "only calls from these caller numbers (repeatable)")
  List<String> callers = new ArrayList<>();

  @Option(names = "--sl", paramLabel = "SECONDS", split = ",",
      description = "service-level bucket bounds in seconds (default 5,10,15,30,45,60,90,120,300)")
  List<String> sl = new ArrayList<>();

  @Option(names = "--period", paramLabel = "hour|day|month", description = "rows of the period statistics (default day)")
  Period period = Period.DAY;

  @Option(names = "--view", paramLabel = "queue|caller",
      description = "queue: every queue passage is a call (default); caller: the passages of one caller (same callid,"
          + " across overflows and transfers) are one call, answered if the last one was, wait = sum of waits")
  ReportView view = ReportView.QUEUE;

  @Option(names = "--agents", paramLabel = "FILE", description = "CSV agent,number,name: who is behind an agent value (with --db the default is the"
      + " database's operator registry; this file replaces it)")
  @Nullable Path agentsFile;

  @Option(names = "--queues", paramLabel = "FILE", description = "CSV queue,name: queue names")
  @Nullable Path queuesFile;

  @Option(names = "--format", paramLabel = "text|json|csv|html|pdf|xlsx",
      description = "output format (default text); pdf and xlsx write the guide's grouped printout to --out FILE")
  Format format = Format.TEXT;

  @Option(names = {"--sections", "--section"}, paramLabel = "NAME", split = ",",
      description = "only these sections, by JSON key: summary, answered, lost, operators, queues, completion, "
          + "serviceLevel, periods, agents, problems (default all)")
  List<String> sections = new ArrayList<>();

  @Option(names = "--out", paramLabel = "PATH",
      description = "write to this file (text, json, html) or directory (csv: one <section>.csv each); default stdout")
  @Nullable Path out;

  @Option(names = "--lang", paramLabel = "ru|en", description = "labels of text and html (default ru)")
  String lang = "ru";

  @Option(names = "--short-abandon", paramLabel = "SECONDS",
      description = "count abandons that waited less than this as short abandons (default off)")
  @Nullable Integer shortAbandon;

  @Option(names = "--bom", description = "start CSV files with a UTF-8 byte order mark (for Excel)")
  boolean bom;

  @Option(names = "--as-of", paramLabel = "T",
      description = "the instant the report is as of (ISO date-time in --zone; default now): agent sessions and"
          + " pauses still open when the data ends run to the window end or to this instant, whichever is earlier")
  @Nullable String asOf;

  @Option(names = "--strict",
      description = "exit 1 when the input had problems (bad lines, duplicate lines or files, unreadable files);"
          + " without it the report is written and the problems are listed in its 'problems' section")
  boolean strict;

  /** Where "now" comes from when there is no --as-of (tests set a fixed clock). */
  java.time.Clock clock = java.time.Clock.systemUTC();

  private long problems;

  @Option(names = "--partial-out", paramLabel = "FILE",
      description = "also write the mergeable partial result of this input to FILE (docs/inbound.md, \"Partial"
          + " results and merging\"); the report is still printed")
  @Nullable Path partialOut;

  @Option(names = "--source-id", paramLabel = "ID",
      description = "names this PBX in --partial-out: agents the --agents directory does not name are kept apart"
          + " per source id (default: the --queue-log paths, or the database URL)")
  @Nullable String sourceId;

  @Option(names = "--merge", arity = "1..*", paramLabel = "FILE",
      description = "render the report of these partial files merged (instead of --queue-log/--db); with"
          + " --partial-out, also write the merged partial")
  List<Path> merge = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N",
      description = "1, or 2: one thread reads and splits lines while another computes; the report is the same "
          + "(default 2 when the machine has 2 or more cores, else 1; more than 2 counts as 2)")
  @Nullable Integer threads;

  private final InputStream stdin;
  private final OutputStream stdout;
  /** Progress on stderr: null = when there is a terminal (System.console() != null). */
  @Nullable Boolean showProgress;
  private @Nullable Progress progress;

  public ReportCommand() {
    this(System.in, System.out);
  }

  /** For tests and hosts: where '-' reads from and where output goes when there is no --out. */
  public ReportCommand(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    if (!merge.isEmpty()) {
      return merge();
    }
    // options first: every bad option is exit code 2 before any file is touched
    ZoneId zoneId = zone();
    inputOptions();
    ReportWindow window = window(zoneId);
    Instant asOfInstant = asOf == null ? null : time("--as-of", asOf, zoneId, false);
    Set<ReportSection> wanted = sections();
    ReportLanguage language = language();
    List<Integer> buckets = buckets();
    if (threads != null && threads < 1) {
      throw bad("--threads", "must be 1 or more, got " + threads);
    }
    if (shortAbandon != null && shortAbandon < 0) {
      throw bad("--short-abandon", "must be 0 or more seconds, got " + shortAbandon);
    }
    if (sourceId != null && partialOut == null) {
      throw bad("--source-id", "only with --partial-out: it names this input in the partial");
    }
    if (sourceId != null && (sourceId.isEmpty() || sourceId.length() > 256
        || sourceId.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      throw bad("--source-id", "must be 1..256 characters without control characters");
    }
    if (format == Format.CSV && out == null && wanted.size() != 1) {
      throw bad("--format csv", "writes one file per section: give --out DIR, or a single --sections name for stdout");
    }
    printNeedsFile();
    if (out != null && format != Format.CSV && Files.isDirectory(out)) {
      throw bad("--out", out + " is a directory; " + format.name().toLowerCase(Locale.ROOT) + " goes to one file");
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      InboundStatistics.Builder b = InboundStatistics.builder()
          .window(window)
          .periodUnit(PeriodTable.PeriodUnit.valueOf(period.name()))
          .sections(wanted)
          .view(view)
          .agents(agentsFile == null ? AgentDirectory.empty() : CsvAgentDirectory.load(agentsFile))
          .queues(queuesFile == null ? QueueDirectory.empty() : CsvQueueDirectory.load(queuesFile))
          .shortAbandonThreshold(shortAbandon == null ? null : Duration.ofSeconds(shortAbandon))
          .clock(clock)
          .asOf(asOfInstant)
          // a one-shot run is mostly reading: a second core splitting lines shortens it
          .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1);
      if (!buckets.isEmpty()) {
        b.serviceLevelBuckets(buckets);
      }
      progress = wantsProgress() ? new Progress(err) : null;
      b.progress(progress);
      if (db.given()) {
        String url = redacted(spec.commandLine().getParseResult().matchedOptionValue("--db", ""));
        if (sourceId == null) {
          sourceId = url;
        }
        try (QueueLogDbOptions.Opened opened = db.open(zoneId)) {
          checkReachable(opened, url);
          if (agentsFile == null) {
            // no --agents CSV: the operator registry in the same database (the one *45 login uses) names them
            JdbiOperatorRegistry.directoryIn(opened.pool()).ifPresent(b::agents);
          }
          // the whole table, like the whole file: sessions and calls crossing the window's edges need rows
          // outside it, and the same rows give the same report
          render(b, QueueLogInput.source(opened.source()), wanted, zoneId, language, err);
        } catch (ConnectionException e) {
          throw String.valueOf(e.getMessage()).contains(url) ? e : new ConnectionException(url + ": " + e.getMessage(), e);
        } catch (SipRingException e) {
          throw String.valueOf(e.getMessage()).contains(url) ? e : new SipRingException(url + ": " + e.getMessage(), e);
        }
      } else {
        render(b, input(), wanted, zoneId, language, err);
      }
      return strict && problems > 0 ? 1 : 0;
    } catch (SipRingException e) {
      err.println("sipring report: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("sipring report: " + describe(e));
      err.flush();
      return 1;
    } catch (UncheckedIOException e) {
      err.println("sipring report: " + describe(e));
      err.flush();
      return 1;
    }
  }

  private void render(InboundStatistics.Builder b, QueueLogInput input, Set<ReportSection> wanted, ZoneId zoneId,
      ReportLanguage language, PrintWriter err) throws IOException {
    Path partialFile = partialOut;
    if (partialFile != null) {
      InboundPartial partial;
      try {
        partial = b.build().computePartial(sourceId(), input);
      } finally {
        if (progress != null) {
          progress.done();
        }
      }
      writePartial(partialFile, partial);
      renderReport(InboundStatistics.report(partial), wanted, language, err);
      return;
    }
    if (format == Format.CSV) {
      csv(b, input, wanted, zoneId);
      return;
    }
    InboundReport report = compute(b, input);
    if (format == Format.PDF || format == Format.XLSX) {
      print(report, language);
      warnProblems(report, err);
      return;
    }
    ReportRenderer renderer = switch (format) {
      case TEXT -> TextReportRenderer.of(language);
      case JSON -> JsonReportRenderer.of();
      case HTML -> HtmlReportRenderer.of(language);
      case CSV, PDF, XLSX -> throw new AssertionError();
    };
    try (Writer w = open(out)) {
      renderer.render(report, wanted, w);
    }
    warnProblems(report, err);
  }

  /**
   * {@code --merge}: the partials' report. The window, filters, view and buckets come from the partials; only
   * how it is shown can be chosen, and --zone/--period must be those the partials were cut with.
   */
  private Integer merge() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String option : List.of("--queue-log", "--db", "--table", "--db-user", "--db-password", "--from", "--to",
        "--queue", "--agent", "--caller", "--sl", "--view", "--agents", "--queues", "--short-abandon",
        "--source-id")) {
      if (parsed != null && parsed.hasMatchedOption(option)) {
        throw bad(option, "not with --merge: the partials were computed with their own " + option
            + " (give it when computing them with --partial-out)");
      }
    }
    ZoneId zoneId = zone == null ? null : zone();
    Set<ReportSection> asked = sections.isEmpty() ? null : sections();
    ReportLanguage language = language();
    if (out != null && format != Format.CSV && Files.isDirectory(out)) {
      throw bad("--out", out + " is a directory; " + format.name().toLowerCase(Locale.ROOT) + " goes to one file");
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<InboundPartial> partials = new ArrayList<>();
      for (Path p : merge) {
        partials.add(PartialFormat.read(p));
      }
      InboundPartial merged = InboundPartial.mergeAll(partials);
      if (zoneId != null && !zoneId.equals(merged.settings().zone())) {
        throw bad("--zone", "the partials were cut into periods in " + merged.settings().zone().getId()
            + "; compute them with --zone " + zoneId.getId() + " to report in it");
      }
      if (parsed != null && parsed.hasMatchedOption("--period")
          && !period.name().equals(merged.settings().periodUnit().name())) {
        throw bad("--period", "the partials have " + merged.settings().periodUnit().name().toLowerCase(Locale.ROOT)
            + " rows; compute them with --period " + period.name().toLowerCase(Locale.ROOT) + " to get those");
      }
      Set<ReportSection> wanted = asked == null ? merged.settings().sections() : asked;
      if (!merged.settings().sections().containsAll(wanted)) {
        EnumSet<ReportSection> missing = EnumSet.copyOf(wanted);
        missing.removeAll(merged.settings().sections());
        throw bad("--sections", "the partials do not hold " + missing.stream().map(ReportSection::key).toList()
            + "; they hold " + merged.settings().sections().stream().map(ReportSection::key).toList());
      }
      if (format == Format.CSV && out == null && wanted.size() != 1) {
        throw bad("--format csv", "writes one file per section: give --out DIR, or a single --sections name for stdout");
      }
      printNeedsFile();
      if (partialOut != null) {
        writePartial(partialOut, merged);
      }
      renderReport(InboundStatistics.report(merged), wanted, language, err);
      return 0;
    } catch (SipRingException e) {
      err.println("sipring report: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("sipring report: " + describe(e));
      err.flush();
      return 1;
    } catch (UncheckedIOException e) {
      err.println("sipring report: " + describe(e));
      err.flush();
      return 1;
    }
  }

  /** Any format from a finished report (no streaming: the rows are in the report already). */
  private void renderReport(InboundReport report, Set<ReportSection> wanted, ReportLanguage language,
      PrintWriter err) throws IOException {
    if (format == Format.CSV) {
      CsvReportRenderer csv = CsvReportRenderer.of(bom);
      for (ReportSection s : ReportRenderer.effective(report, wanted)) {
        try (Writer w = open(sectionPath(s))) {
          csv.renderSection(report, s, w);
        }
      }
    } else if (format == Format.PDF || format == Format.XLSX) {
      print(report, language);
    } else {
      ReportRenderer renderer = switch (format) {
        case TEXT -> TextReportRenderer.of(language);
        case JSON -> JsonReportRenderer.of();
        case HTML -> HtmlReportRenderer.of(language);
        case CSV, PDF, XLSX -> throw new AssertionError();
      };
      try (Writer w = open(out)) {
        renderer.render(report, wanted, w);
      }
    }
    warnProblems(report, err);
  }

  /** PDF and XLSX are binary and go to a file, never to the terminal. */
  private void printNeedsFile() {
    if ((format == Format.PDF || format == Format.XLSX) && out == null) {
      throw bad("--format " + format.name().toLowerCase(Locale.ROOT), "writes a binary file: give --out FILE");
    }
  }

  /** {@code --format pdf|xlsx}: the guide's grouped printout of the report, laid out by the library. */
  private void print(InboundReport report, ReportLanguage language) throws IOException {
    Path file = out;
    if (file == null) {
      throw bad("--format " + format.name().toLowerCase(Locale.ROOT), "writes a binary file: give --out FILE");
    }
    Printout printout = Printout.inbound(report, language);
    ru.sipring.cli.PrintLogging.quiet();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      if (format == Format.PDF) {
        PdfPrintout.of().write(printout, os);
      } else {
        XlsxPrintout.of().write(printout, os);
      }
    }
  }

  private static void writePartial(Path partialOut, InboundPartial partial) throws IOException {
    Path parent = partialOut.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(partialOut, StandardCharsets.UTF_8)) {
      PartialFormat.write(partial, w);
    }
  }

  private String sourceId() {
    String id = sourceId != null ? sourceId : String.join(",", queueLogs);
    id = id.replaceAll("\\p{Cntrl}", "?");
    return id.length() > 256 ? id.substring(0, 256) : id;
  }

  /** --queue-log or --db, exactly one; the table options only with --db. */
  private void inputOptions() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (!queueLogs.isEmpty() && db.given()) {
      throw bad("--db", "reads the queue_log table instead of files: give --queue-log or --db, not both");
    }
    for (String p : queueLogs) {
      if (p.startsWith("--")) {
        // --queue-log takes every following word up to the next known option, a mistyped one (--fromm) included
        throw bad(p, "unknown option (after --queue-log; a file named so is written ./" + p + ")");
      }
    }
    if (queueLogs.isEmpty() && !db.given()) {
      throw bad("--queue-log", "missing: give queue_log files (--queue-log PATH...) or a database (--db JDBC_URL)");
    }
    if (!db.given()) {
      for (String option : List.of("--table", "--db-user", "--db-password")) {
        if (parsed != null && parsed.hasMatchedOption(option)) {
          throw bad(option, "only with --db JDBC_URL");
        }
      }
    }
  }

  /**
   * Connects once before reading, so that a database that is down is one clear error naming it, rather than a
   * timeout for the source's name and another for its rows.
   */
  private static void checkReachable(QueueLogDbOptions.Opened opened, String url) {
    try (Connection c = opened.pool().getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new ConnectionException("cannot connect to " + url + ": " + rootMessage(e), e);
    }
  }

  /** The driver's own words (Connection refused, Access denied ...), not the pool's timeout wrapper. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : String.valueOf(e.getMessage());
  }

  /**
   * The JDBC URL as it may be shown: a password inside it ({@code ?password=}, {@code user:password@host}) is
   * replaced by {@code ***}. {@code --db-password} is never part of a message.
   */
  static String redacted(String url) {
    return ru.sipring.core.text.SecretText.maskUrl(url);
  }

  /**
   * CSV: answered and lost rows go straight to their files while the log is read (memory stays bounded by the
   * open calls, not the log size); the other sections are written at the end.
   */
  private void csv(InboundStatistics.Builder b, QueueLogInput input, Set<ReportSection> wanted, ZoneId zoneId)
      throws IOException {
    CsvReportRenderer csv = CsvReportRenderer.of(bom);
    List<Writer> open = new ArrayList<>();
    try {
      Consumer<AnsweredCall> answered = null;
      Consumer<LostCall> lost = null;
      if (wanted.contains(ReportSection.ANSWERED)) {
        Writer w = track(open, open(sectionPath(ReportSection.ANSWERED)));
        answered = csv.answeredSink(w, zoneId, view);
      }
      if (wanted.contains(ReportSection.LOST)) {
        Writer w = track(open, open(sectionPath(ReportSection.LOST)));
        lost = csv.lostSink(w, zoneId, view);
      }
      b.detailSink(answered, lost);
      InboundReport report = compute(b, input);
      for (ReportSection s : ReportRenderer.effective(report, wanted)) {
        if (s == ReportSection.ANSWERED || s == ReportSection.LOST) {
          continue;
        }
        try (Writer w = open(sectionPath(s))) {
          csv.renderSection(report, s, w);
        }
      }
      warnProblems(report, spec.commandLine().getErr());
    } finally {
      for (Writer w : open) {
        w.close();
      }
    }
  }

  static String describe(UncheckedIOException e) {
    // UncheckedIOException's constructors refuse a null cause
    return describe(java.util.Objects.requireNonNull(e.getCause()));
  }

  /** NIO exceptions carry only the path as message; say what went wrong with it too. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      String what = f instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
          : f instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a directory"
          : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
      return f.getFile() + ": " + what;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private InboundReport compute(InboundStatistics.Builder b, QueueLogInput input) {
    try {
      return b.build().compute(input);
    } finally {
      if (progress != null) {
        progress.done(); // end the progress line before anything else is printed
      }
    }
  }

  private static Writer track(List<Writer> open, Writer w) {
    open.add(w);
    return w;
  }

  private @Nullable Path sectionPath(ReportSection s) throws IOException {
    if (out == null) {
      return null;
    }
    Files.createDirectories(out);
    return out.resolve(s.key() + ".csv");
  }

  /** A UTF-8 writer to the file, or to stdout (not closed) when {@code file} is null. */
  private Writer open(@Nullable Path file) throws IOException {
    if (file == null) {
      return new BufferedWriter(new OutputStreamWriter(new NonClosing(stdout), StandardCharsets.UTF_8), 1 << 16);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private QueueLogInput input() {
    List<QueueLogInput> parts = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String p : queueLogs) {
      if (p.equals("-")) {
        if (!files.isEmpty()) {
          parts.add(QueueLogInput.paths(files));
          files = new ArrayList<>();
        }
        parts.add(QueueLogInput.stream("stdin", stdin));
      } else {
        files.add(Path.of(p));
      }
    }
    if (!files.isEmpty()) {
      parts.add(QueueLogInput.paths(files));
    }
    return QueueLogInput.of(parts.toArray(QueueLogInput[]::new));
  }

  private void warnProblems(InboundReport report, PrintWriter err) {
    problems = report.problems().total();
    // a file that could not be read (or was read once for two names) is worth a line of its own
    report.problems().first().stream().filter(p -> p.line() == 0 || p.message().startsWith("cannot read"))
        .forEach(p -> err.println("sipring report: " + p));
    if (report.problems().total() > 0) {
      err.println("sipring report: " + report.problems().total() + " input line(s) could not be used"
          + (report.problems().first().isEmpty() ? "" : ", first: " + report.problems().first().get(0))
          + " (section 'problems' lists them)");
      err.flush();
    }
  }

  private boolean wantsProgress() {
    return showProgress != null ? showProgress : System.console() != null;
  }

  private ParameterException bad(String option, @Nullable String message) {
    return new ParameterException(spec.commandLine(), option + ": " + message);
  }

  private ZoneId zone() {
    if (zone == null) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw bad("--zone", "unknown time zone '" + zone + "' (use a region such as Europe/Moscow, or an offset like +03:00)");
    }
  }

  private ReportWindow window(ZoneId z) {
    Instant f = from == null ? null : time("--from", from, z, false);
    Instant t = to == null ? null : time("--to", to, z, true);
    if (f != null && t != null && !f.isBefore(t)) {
      throw bad("--to", "the window is empty: --from " + from + " is not before --to " + to);
    }
    return new ReportWindow(f, t, z, queues, agents, callers);
  }

  /** {@link ReportWindow#parseInstant}; kept for the tests of the options' time forms. */
  static Instant parseTime(String value, ZoneId z, boolean endOfDay) {
    return ReportWindow.parseInstant("time", value, z, endOfDay);
  }

  private Instant time(String option, String value, ZoneId z, boolean endOfDay) {
    try {
      return ReportWindow.parseInstant(option, value, z, endOfDay);
    } catch (BadInputException e) {
      throw bad(option, "'" + value + "' is not an ISO date (2026-03-02) or date-time (2026-03-02T09:30)");
    }
  }

  private Set<ReportSection> sections() {
    if (sections.isEmpty()) {
      return EnumSet.allOf(ReportSection.class);
    }
    EnumSet<ReportSection> s = EnumSet.noneOf(ReportSection.class);
    for (String name : sections) {
      if (name.isBlank()) {
        continue;
      }
      try {
        s.add(ReportSection.ofKey(name));
      } catch (IllegalArgumentException e) {
        throw bad("--sections", e.getMessage());
      }
    }
    if (s.isEmpty()) {
      throw bad("--sections", "no section named");
    }
    return s;
  }

  private ReportLanguage language() {
    try {
      return ReportLanguage.ofCode(lang);
    } catch (IllegalArgumentException e) {
      throw bad("--lang", e.getMessage());
    }
  }

  private List<Integer> buckets() {
    List<Integer> out = new ArrayList<>();
    for (String s : sl) {
      try {
        int v = Integer.parseInt(s.trim());
        if (v < 0 || v > 86_400) {
          throw bad("--sl", "bucket bounds are 0..86400 seconds, got " + v);
        }
        out.add(v);
      } catch (NumberFormatException e) {
        throw bad("--sl", "'" + s + "' is not a whole number of seconds (example: --sl 5,10,20,30)");
      }
    }
    return out;
  }

  /** Progress on one stderr line, rewritten in place at most five times a second. */
  private static final class Progress implements ProgressListener {
    private final PrintWriter err;
    private boolean shown;
    private long lastNanos = System.nanoTime();

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(long bytesRead, long totalBytes, long lines) {
      long now = System.nanoTime();
      boolean last = totalBytes > 0 && bytesRead >= totalBytes;
      if (now - lastNanos < 200_000_000L && !last) {
        return;
      }
      lastNanos = now;
      String share = totalBytes > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytesRead * 100 / totalBytes)) : "";
      err.printf(Locale.ROOT, "\rsipring report: %,d lines, %.1f MB read%s ", lines, bytesRead / 1e6, share);
      err.flush();
      shown = true;
    }

    void done() {
      if (shown) {
        err.println();
        err.flush();
      }
    }
  }

  /** stdout must stay open after a writer on it is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** The command line for this command alone (tests, embedding). */
  public static CommandLine commandLine(ReportCommand command) {
    CommandLine cli = new CommandLine(command);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
