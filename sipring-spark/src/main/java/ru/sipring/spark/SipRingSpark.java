package ru.sipring.spark;

import org.jspecify.annotations.Nullable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.sipring.core.SipRingException;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.inbound.partial.PartialFormat;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.CsvReportRenderer;
import ru.sipring.core.report.render.HtmlReportRenderer;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.core.report.render.ReportRenderer;
import ru.sipring.core.report.render.TextReportRenderer;

/**
 * {@code sipring-spark report}: the inbound report of many PBXs computed on Apache Spark, the same report (and the
 * same JSON) as {@code sipring report} over the same files when the PBXs' calls and agents do not overlap. One
 * {@code --queue-log} per PBX. docs/scale.md.
 *
 * <p>Exit codes: 0 done; 1 an input could not be read or the job failed (the message names the input); 2 a bad
 * option. Not thread-safe; one instance per run.
 */
@Command(name = "sipring-spark", mixinStandardHelpOptions = true, subcommands = SipRingSpark.Report.class,
    description = "SipRing on Apache Spark: fleet reports over many PBXs (docs/scale.md).")
public final class SipRingSpark implements Runnable {

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before run() or call() is reached
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: report");
  }

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine(System.out).execute(args));
  }

  /**
   * The command line, writing reports to {@code stdout} when there is no --out.
   *
   * @param stdout where reports go
   * @return the picocli command line
   */
  public static CommandLine commandLine(OutputStream stdout) {
    CommandLine cli = new CommandLine(new SipRingSpark(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (cls == Report.class) {
          return cls.cast(new Report(stdout));
        }
        return CommandLine.defaultFactory().create(cls);
      }
    });
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /** {@code report}: see the class comment. */
  @Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Inbound report of many PBXs on Spark: one partial per PBX in a task, merged with treeReduce.",
      footer = {"", "Example:",
          "  bin/sipring-spark report --master local[2] --queue-log /data/pbx1 --queue-log /data/pbx2 \\",
          "      --zone Europe/Moscow --from 2026-03-02 --to 2026-03-09 --format json --out fleet.json",
          "", "Exit codes: 0 done, 1 an input could not be read or the job failed, 2 a bad option."})
  static final class Report implements Callable<Integer> {
    enum Format { TEXT, JSON, CSV, HTML }

    enum Period { HOUR, DAY, MONTH }

    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before run() or call() is reached
    CommandSpec spec;

    @Option(names = "--master", required = true, paramLabel = "MASTER",
        description = "Spark master: local[2], spark://host:7077, yarn, k8s://...")
    @SuppressWarnings("NullAway.Init") // required = true: picocli refuses a command line without it
    String master;

    @Option(names = "--queue-log", required = true, paramLabel = "PATH",
        description = "one PBX: a queue_log file or a directory of rotated files, on any Hadoop file system"
            + " (local path, hdfs://, s3a://); repeat once per PBX")
    List<String> queueLogs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "T", description = "start of the window (inclusive), ISO date or date-time in --zone")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "T", description = "end of the window (exclusive); a date alone means the end of that day")
    @Nullable String to;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone (default: the system zone)")
    @Nullable String zone;

    @Option(names = "--as-of", paramLabel = "T",
        description = "the instant the report is as of (ISO date-time in --zone; default now, on the driver): agent"
            + " sessions still open when a PBX's data ends run to the window end or to this instant, whichever is"
            + " earlier")
    @Nullable String asOf;

    @Option(names = {"--sections", "--section"}, paramLabel = "NAME", split = ",",
        description = "only these sections, by JSON key (default all)")
    List<String> sections = new ArrayList<>();

    @Option(names = "--period", paramLabel = "hour|day|month", description = "rows of the period statistics (default day)")
    Period period = Period.DAY;

    @Option(names = "--view", paramLabel = "queue|caller", description = "queue (default) or caller view")
    ReportView view = ReportView.QUEUE;

    @Option(names = "--format", paramLabel = "text|json|csv|html", description = "output format (default text)")
    Format format = Format.TEXT;

    @Option(names = "--out", paramLabel = "PATH", description = "a file (a directory for csv); default stdout")
    @Nullable Path out;

    @Option(names = "--lang", paramLabel = "ru|en", description = "labels of text and html (default ru)")
    String lang = "ru";

    @Option(names = "--partial-out", paramLabel = "FILE", description = "also write the merged partial to FILE")
    @Nullable Path partialOut;

    private final OutputStream stdout;

    Report(OutputStream stdout) {
      this.stdout = stdout;
    }

    @Override
    public Integer call() {
      ZoneId z = zone();
      ReportWindow window = window(z);
      Set<ReportSection> wanted = sections();
      ReportLanguage language;
      try {
        language = ReportLanguage.ofCode(lang);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
      }
      if (format == Format.CSV && out == null && wanted.size() != 1) {
        throw bad("--format csv", "writes one file per section: give --out DIR, or a single --sections name");
      }
      Instant asOfInstant = asOf == null ? Instant.now() : time("--as-of", asOf, z, false);
      JobOptions options = JobOptions.of(window, PeriodTable.PeriodUnit.valueOf(period.name()), view, wanted,
          asOfInstant);
      PrintWriter err = spec.commandLine().getErr();
      SparkConf conf = new SparkConf().setMaster(master).setAppName("sipring report (" + queueLogs.size() + " PBXs)")
          .setIfMissing("spark.ui.showConsoleProgress", "false");
      try (JavaSparkContext sc = new JavaSparkContext(conf)) {
        InboundPartial merged = FleetReport.run(sc, queueLogs, options);
        if (partialOut != null) {
          PartialFormat.write(merged, partialOut);
        }
        render(InboundStatistics.report(merged), wanted, language);
        return 0;
      } catch (SipRingException e) {
        err.println("sipring-spark report: " + e.getMessage());
        err.flush();
        return 1;
      } catch (IOException | UncheckedIOException e) {
        err.println("sipring-spark report: " + e.getMessage());
        err.flush();
        return 1;
      } catch (Exception e) {
        // SparkException is checked in Java's eyes but thrown undeclared from Scala
        err.println("sipring-spark report: " + taskFailure(e));
        err.flush();
        return 1;
      }
    }

    /**
     * The SipRing message of a failed task: Spark reports a task's exception as text inside its own (the
     * exception object stays on the executor), so the message naming the input is found in that text.
     */
    static String taskFailure(Throwable e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof SipRingException) {
          return String.valueOf(c.getMessage());
        }
        java.util.regex.Matcher m = SIPRING_EXCEPTION.matcher(String.valueOf(c.getMessage()));
        if (m.find()) {
          return m.group(1);
        }
      }
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return e.getClass().getSimpleName() + ": " + first;
    }

    private static final java.util.regex.Pattern SIPRING_EXCEPTION =
        java.util.regex.Pattern.compile("ru\\.sipring\\.core\\.\\w*Exception: ([^\\n]*)");

    private void render(InboundReport report, Set<ReportSection> wanted, ReportLanguage language) throws IOException {
      if (format == Format.CSV) {
        CsvReportRenderer csv = CsvReportRenderer.of(false);
        for (ReportSection s : wanted) {
          if (!report.sections().contains(s)) {
            continue;
          }
          try (Writer w = open(out == null ? null : out.resolve(s.key() + ".csv"))) {
            csv.renderSection(report, s, w);
          }
        }
        return;
      }
      ReportRenderer r = switch (format) {
        case TEXT -> TextReportRenderer.of(language);
        case JSON -> JsonReportRenderer.of();
        case HTML -> HtmlReportRenderer.of(language);
        case CSV -> throw new AssertionError();
      };
      try (Writer w = open(out)) {
        r.render(report, wanted, w);
      }
    }

    private Writer open(@Nullable Path file) throws IOException {
      if (file == null) {
        return new BufferedWriter(new OutputStreamWriter(new java.io.FilterOutputStream(stdout) {
          @Override
          public void close() throws IOException {
            flush();
          }
        }, StandardCharsets.UTF_8));
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
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
        throw bad("--zone", "unknown time zone '" + zone + "'");
      }
    }

    private ReportWindow window(ZoneId z) {
      Instant f = from == null ? null : time("--from", from, z, false);
      Instant t = to == null ? null : time("--to", to, z, true);
      if (f != null && t != null && !f.isBefore(t)) {
        throw bad("--to", "the window is empty: --from " + from + " is not before --to " + to);
      }
      return new ReportWindow(f, t, z, List.of(), List.of(), List.of());
    }

    /** As {@code sipring report}: {@link ReportWindow#parseInstant}, its message under the option's name. */
    private Instant time(String option, String value, ZoneId z, boolean endOfDay) {
      try {
        return ReportWindow.parseInstant(option, value, z, endOfDay);
      } catch (SipRingException e) {
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
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
