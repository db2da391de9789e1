package ru.sipring.cli.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.internal.CampaignJson;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.core.text.PhoneNumber;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.billing.BillingRounding;
import ru.sipring.campaign.billing.TariffCsv;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.csv.ContactExporter;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.CsvText;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.campaign.report.OutboundReport;
import ru.sipring.campaign.report.OutboundReports;
import ru.sipring.campaign.report.OutboundReportRenderer;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/** {@code sipring campaign ...}: the outbound call centre — hierarchy, client bases, reports, the dialer. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
    description = "Outbound call centre: Project > Task > Assignment, client bases (CSV), reports, auto-dialer.",
    subcommands = {CampaignCommand.Create.class, CampaignCommand.ListCmd.class, CampaignCommand.Import.class,
        CampaignCommand.Export.class, CampaignCommand.Report.class, CampaignCommand.Dnc.class,
        CampaignCommand.Mapping.class, DialCommand.class, WorkCommand.class, CampaignCommand.MigrateJson.class})
public final class CampaignCommand implements Runnable {
  /** Exit code: the input was wrong, or nothing could be imported because of errors. */
  static final int BAD_INPUT = 1;
  /** Exit code: a file, a database or an assignment could not be reached. */
  static final int FAILED = 2;

  static final ObjectMapper JSON = CampaignJson.mapper();

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static int fail(CommandSpec spec, SipRingException e) {
    spec.commandLine().getErr().println("sipring campaign: " + e.getMessage());
    spec.commandLine().getErr().flush();
    return e instanceof BadInputException ? BAD_INPUT : FAILED;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Creates PROJECT, PROJECT/TASK or PROJECT/TASK/ASSIGNMENT (missing levels too); for an "
          + "assignment, sets its call window, retry rules and DNC scope.")
  static final class Create implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "PATH", description = "PROJECT[/TASK[/ASSIGNMENT]]")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String path;

    @Option(names = "--zone", defaultValue = "Europe/Moscow", description = "the window's time zone (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    ZoneId zone;

    @Option(names = "--window", paramLabel = "HH:MM-HH:MM", description = "call window, local time (default: any time)")
    @Nullable String window;

    @Option(names = "--weekdays", description = "call on Monday to Friday only")
    boolean weekdays;

    @Option(names = "--retries", defaultValue = "0", description = "repeats after the first call (${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--redial-delay", defaultValue = "30", paramLabel = "SECONDS",
        description = "time before a repeat (${DEFAULT-VALUE} s)")
    long redialDelay;

    @Option(names = "--dnc-scope", defaultValue = "ASSIGNMENT",
        description = "DNC lists honoured: GLOBAL, PROJECT, ASSIGNMENT (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    DncScope dncScope;

    @Override
    public Integer call() {
      String[] parts = path.split("/", -1);
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        PrintWriter out = spec.commandLine().getOut();
        if (parts.length == 3) {
          AssignmentPath p = AssignmentPath.parse(path);
          Assignment a = Hierarchy.findOrCreate(s.campaigns(), p, zone);
          CallWindow w = CallWindow.always(zone);
          if (window != null) {
            String[] se = window.split("-");
            if (se.length != 2) {
              throw new BadInputException("--window", "expected HH:MM-HH:MM, was " + window);
            }
            w = new CallWindow(zone, LocalTime.parse(se[0].trim()), LocalTime.parse(se[1].trim()),
                weekdays ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : EnumSet.allOf(DayOfWeek.class));
          } else if (weekdays) {
            w = new CallWindow(zone, LocalTime.MIN, LocalTime.MIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
          }
          s.campaigns().updateSettings(a.id(), new AssignmentSettings(w,
              RetryPolicy.guide(retries, Duration.ofSeconds(redialDelay)), dncScope));
          out.println("assignment " + p + " (id " + a.id() + ")");
        } else if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
          Project p = s.campaigns().projects().stream().filter(x -> x.name().equalsIgnoreCase(parts[0])).findFirst()
              .orElseGet(() -> s.campaigns().createProject(parts[0]));
          Task t = s.campaigns().tasks(p.id()).stream().filter(x -> x.name().equalsIgnoreCase(parts[1])).findFirst()
              .orElseGet(() -> s.campaigns().createTask(p.id(), parts[1]));
          out.println("task " + p.name() + "/" + t.name() + " (id " + t.id() + ")");
        } else if (parts.length == 1 && !parts[0].isBlank()) {
          Project p = s.campaigns().projects().stream().filter(x -> x.name().equalsIgnoreCase(parts[0])).findFirst()
              .orElseGet(() -> s.campaigns().createProject(parts[0]));
          out.println("project " + p.name() + " (id " + p.id() + ")");
        } else {
          throw new BadInputException("PATH", "expected PROJECT[/TASK[/ASSIGNMENT]], was '" + path + "'");
        }
        out.flush();
        return 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      } catch (java.time.format.DateTimeParseException e) {
        return fail(spec, new BadInputException("--window", String.valueOf(e.getMessage())));
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists projects, tasks, assignments and bases.")
  static final class ListCmd implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Override
    public Integer call() {
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        PrintWriter out = spec.commandLine().getOut();
        for (Project p : s.campaigns().projects()) {
          out.println(p.name() + (p.archived() ? " [archived]" : ""));
          for (Task t : s.campaigns().tasks(p.id())) {
            out.println("  " + t.name() + (t.archived() ? " [archived]" : ""));
            for (Assignment a : s.campaigns().assignments(t.id())) {
              out.println("    " + a.name() + (a.archived() ? " [archived]" : "") + " — "
                  + s.contacts().byAssignment(a.id()).size() + " clients");
            }
          }
        }
        out.flush();
        return 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Imports a client base (CSV/TXT) into an assignment, created when missing.",
          "Prints {\"imported\": N, \"rejected\": [{\"line\": L, \"reason\": \"...\"}], \"duplicates\": N} with "
              + "--format json. Exit 1 when nothing was imported because of errors."})
  static final class Import implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Option(names = "--assignment", required = true, paramLabel = "PROJECT/TASK/ASSIGNMENT")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String assignment;

    @Option(names = "--file", required = true, paramLabel = "F")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    Path file;

    @Option(names = "--encoding", defaultValue = "auto", description = "auto, utf-8, windows-1251 (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String encoding;

    @Option(names = "--delimiter", defaultValue = "auto", description = "auto, ';', ',', tab, '|' (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String delimiter;

    @Option(names = "--mapping", paramLabel = "M",
        description = "column mapping: a built-in name (vicidial-standard, vicidial-update), a mapping saved with "
            + "'campaign mapping save', or a JSON file {\"header\": true, \"columns\": {\"Tel\": \"phone\"}}")
    @Nullable String mapping;

    @Option(names = "--duplicates", defaultValue = "ASSIGNMENT",
        description = "duplicate check by phone: NONE, ASSIGNMENT, PROJECT, EVERYWHERE (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    DuplicateScope duplicates;

    @Option(names = "--strict", description = "all or nothing: import nothing when any row is rejected")
    boolean strict;

    @Option(names = "--zone", defaultValue = "Europe/Moscow", description = "time zone of a new assignment")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    ZoneId zone;

    @Option(names = "--format", defaultValue = "text", description = "text or json (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      boolean json = format.equalsIgnoreCase("json");
      ImportResult result;
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        Charset cs = CsvText.parseEncoding(encoding);
        Character d;
        try {
          d = CsvText.parseDelimiter(delimiter);
        } catch (IllegalArgumentException e) {
          throw new BadInputException("--delimiter", String.valueOf(e.getMessage()));
        }
        ColumnMapping m = mapping == null ? null : resolveMapping(s, mapping);
        if (Files.isDirectory(file)) {
          throw new BadInputException(file.toString(), "is a directory, not a client base file");
        }
        if (!Files.isReadable(file)) {
          throw new ru.sipring.core.NotFoundException("cannot read " + file);
        }
        Assignment a = Hierarchy.findOrCreate(s.campaigns(), AssignmentPath.parse(assignment), zone);
        try {
          result = new ContactImporter(s.contacts()).importFile(a.id(), file,
              new ImportOptions(cs, d, m, duplicates, strict));
        } catch (BadInputException e) {
          result = new ImportResult(0, List.of(new ImportResult.Rejection(lineOf(e), String.valueOf(e.getMessage()))), 0,
              StandardCharsets.UTF_8, ',', false, ColumnMapping.auto());
        }
      } catch (SipRingException e) {
        return fail(spec, e);
      } catch (java.nio.charset.UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
        return fail(spec, new BadInputException("--encoding", "unknown encoding " + encoding));
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imported", result.imported());
        List<Map<String, Object>> rej = new ArrayList<>();
        for (ImportResult.Rejection r : result.rejected()) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("line", r.line());
          x.put("reason", r.reason());
          rej.add(x);
        }
        m.put("rejected", rej);
        m.put("duplicates", result.duplicates());
        try {
          out.println(JSON.writeValueAsString(m));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.printf("imported %d, rejected %d, duplicates %d (%s, delimiter %s, %s)%n", result.imported(),
            result.rejected().size(), result.duplicates(), result.charset().name(),
            CsvText.delimiterName(result.delimiter()), result.header() ? "header" : "no header");
        for (ImportResult.Rejection r : result.rejected()) {
          out.println(file.getFileName() + ":" + r.line() + ": " + r.reason());
        }
      }
      out.flush();
      return result.imported() == 0 && !result.rejected().isEmpty() ? BAD_INPUT : 0;
    }

    private static long lineOf(BadInputException e) {
      String loc = e.location();
      int i = loc.lastIndexOf(':');
      try {
        return i < 0 ? 0 : Long.parseLong(loc.substring(i + 1));
      } catch (NumberFormatException notALine) {
        return 0;
      }
    }
  }

  static ColumnMapping resolveMapping(CampaignStore s, String m) {
    ColumnMapping builtIn = ColumnMapping.BUILT_IN.get(m);
    if (builtIn != null) {
      return builtIn;
    }
    Path p = Path.of(m);
    if (Files.isRegularFile(p)) {
      try {
        return JSON.readValue(p.toFile(), ColumnMapping.class);
      } catch (IOException e) {
        throw new BadInputException(m, "not a mapping JSON file: " + e.getMessage(), e);
      }
    }
    return s.mappings().find(m).orElseThrow(() -> new BadInputException("--mapping",
        "no built-in mapping, saved mapping or file named '" + m + "'"));
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Exports an assignment's client base as CSV (';', UTF-8 with BOM by default); formula-safe.")
  static final class Export implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Option(names = "--assignment", required = true, paramLabel = "PROJECT/TASK/ASSIGNMENT")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String assignment;

    @Option(names = "--file", required = true, paramLabel = "F", description = "output file, '-' for stdout")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String file;

    @Option(names = "--delimiter", defaultValue = ";", description = "';', ',', tab (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String delimiter;

    @Option(names = "--encoding", defaultValue = "utf-8", description = "utf-8 (with BOM) or windows-1251")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String encoding;

    @Option(names = "--russian-headers", description = "column names as the card's Russian labels")
    boolean russian;

    @Override
    public Integer call() {
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        Assignment a = Hierarchy.require(s.campaigns(), AssignmentPath.parse(assignment));
        Character d = CsvText.parseDelimiter(delimiter);
        Charset cs = CsvText.parseEncoding(encoding);
        ContactExporter ex = ContactExporter.of(d == null ? ';' : d, cs == null ? StandardCharsets.UTF_8 : cs, true,
            russian);
        if (file.equals("-")) {
          ex.write(s.contacts().byAssignment(a.id()), System.out);
          System.out.flush();
        } else {
          try (OutputStream os = Files.newOutputStream(Path.of(file))) {
            ex.write(s.contacts().byAssignment(a.id()), os);
          }
        }
        return 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      } catch (IOException e) {
        return fail(spec, new SipRingException("cannot write " + file + ": " + e.getMessage(), e));
      }
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "The outbound report: by operator, project, task and assignment, call detail, 'Отчет 2'.")
  static final class Report implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first day")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last day (inclusive)")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    LocalDate to;

    @Option(names = "--zone", defaultValue = "Europe/Moscow", description = "days are cut here (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    ZoneId zone;

    @Option(names = "--tariffs", paramLabel = "F.csv", description = "rate table to price calls (else unrated)")
    @Nullable Path tariffs;

    @Option(names = "--assignment", paramLabel = "PROJECT/TASK/ASSIGNMENT", description = "one assignment only")
    @Nullable String assignment;

    @Option(names = "--operator", description = "one operator only")
    @Nullable String operator;

    /** The library's formats, and the «Отчет 2» printout as PDF or XLSX (sipring-print). */
    enum Format { TEXT, CSV, JSON, HTML, PDF, XLSX }

    @Option(names = "--format", defaultValue = "text",
        description = "text, csv, json, html, or pdf/xlsx for the printed «Отчет 2» per operator (${DEFAULT-VALUE})")
    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here (pdf and xlsx need it); default stdout")
    @Nullable Path out;

    @Override
    public Integer call() {
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        TariffTable table = null;
        if (tariffs != null) {
          TariffCsv.Result r = TariffCsv.read(tariffs, zone);
          r.problems().forEach(p -> spec.commandLine().getErr().println("warning: " + p));
          table = TariffTable.of(r.tariffs());
        }
        Long aid = assignment == null ? null : Hierarchy.require(s.campaigns(), AssignmentPath.parse(assignment)).id();
        OutboundReport rep = new OutboundReports(s, Clock.systemUTC()).build(from.atStartOfDay(zone).toInstant(),
            to.plusDays(1).atStartOfDay(zone).toInstant(), zone, table,
            new OutboundReports.Filter(null, null, aid, operator));
        if (format == Format.PDF || format == Format.XLSX) {
          if (out == null) {
            throw new BadInputException("--format " + format.name().toLowerCase(java.util.Locale.ROOT),
                "writes a binary file: give --out FILE");
          }
          ru.sipring.cli.PrintLogging.quiet();
          ru.sipring.core.report.render.Printout p = OutboundReportRenderer.printout(rep);
          try (java.io.OutputStream os = java.nio.file.Files.newOutputStream(out)) {
            if (format == Format.PDF) {
              ru.sipring.print.PdfPrintout.of().write(p, os);
            } else {
              ru.sipring.print.XlsxPrintout.of().write(p, os);
            }
          } catch (java.io.IOException e) {
            throw new SipRingException("cannot write " + out + ": " + e.getMessage(), e);
          }
          return 0;
        }
        OutboundReportRenderer.Format f = OutboundReportRenderer.Format.valueOf(format.name());
        if (out == null) {
          OutboundReportRenderer.render(rep, f, spec.commandLine().getOut());
        } else {
          try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            OutboundReportRenderer.render(rep, f, w);
          } catch (java.io.IOException e) {
            throw new SipRingException("cannot write " + out + ": " + e.getMessage(), e);
          }
        }
        return 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      } catch (IllegalArgumentException e) {
        return fail(spec, new BadInputException(String.valueOf(tariffs), String.valueOf(e.getMessage())));
      }
    }
  }

  @Command(name = "dnc", mixinStandardHelpOptions = true, description = "Adds numbers to or removes them from a do-not-call list.")
  static final class Dnc implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Parameters(index = "0", description = "add or remove")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String action;

    @Parameters(index = "1..*", paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    List<String> numbers;

    @Option(names = "--project", description = "the project's list (default: the global list)")
    @Nullable String project;

    @Option(names = "--assignment", paramLabel = "PROJECT/TASK/ASSIGNMENT", description = "the assignment's list")
    @Nullable String assignment;

    @Override
    public Integer call() {
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        String key = DncRepository.GLOBAL;
        if (assignment != null) {
          key = DncRepository.assignmentKey(Hierarchy.require(s.campaigns(), AssignmentPath.parse(assignment)).id());
        } else if (project != null) {
          Project p = s.campaigns().projects().stream().filter(x -> x.name().equalsIgnoreCase(project)).findFirst()
              .orElseThrow(() -> new ru.sipring.core.NotFoundException("no project " + project));
          key = DncRepository.projectKey(p.id());
        }
        if (numbers == null || numbers.isEmpty()) {
          throw new BadInputException("NUMBER", "give at least one number to " + action);
        }
        for (String n : numbers) {
          if (action.equals("add")) {
            s.dnc().add(key, PhoneNumber.normalize(n));
          } else if (action.equals("remove")) {
            s.dnc().remove(key, PhoneNumber.normalize(n));
          } else {
            throw new BadInputException("ACTION", "add or remove, was " + action);
          }
        }
        return 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(name = "mapping", mixinStandardHelpOptions = true,
      description = "Saves a CSV column mapping under a name (JSON file {\"header\": true, \"columns\": {...}}), or lists them.")
  static final class Mapping implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")

    @SuppressWarnings("NullAway.Init") // a required group: picocli refuses a command line without it
    What what;

    static final class What {
      @Option(names = "--save", paramLabel = "NAME") @Nullable String save;
      @Option(names = "--list") boolean list;
    }

    @Option(names = "--file", paramLabel = "MAPPING.json")
    @Nullable Path file;

    @Override
    public Integer call() {
      try (StoreOptions.Opened o = storeOptions.open()) {
        CampaignStore s = o.store();
        if (what.list) {
          s.mappings().names().stream().sorted().forEach(spec.commandLine().getOut()::println);
          spec.commandLine().getOut().flush();
          return 0;
        }
        if (file == null) {
          throw new BadInputException("--file", "needed with --save");
        }
        // the group is exclusive: without --list, --save is the one given
        s.mappings().save(Objects.requireNonNull(what.save, "--save"), resolveMapping(s, file.toString()));
        return 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      }
    }
  }

  static BillingRounding rounding(String s) {
    return s.equalsIgnoreCase("a2billing") ? BillingRounding.A2BILLING_ABSOLUTE : BillingRounding.RELATIVE;
  }

  @Command(name = "migrate-json", mixinStandardHelpOptions = true,
      description = {"Copies the JSON store of an older SipRing (its --store FILE; $SIPRING_HOME/campaign.json is "
          + "moved by itself on first use) into the database, keeping every id. The database must hold no campaign "
          + "yet; the file is renamed to FILE.migrated."})
  static final class MigrateJson implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "the JSON store, such as campaign.json")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    Path file;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) {
        return fail(spec, new BadInputException(file.toString(), "no such file"));
      }
      try (StoreOptions.Opened o = storeOptions.open()) {
        if (!Files.exists(file)) {
          return 0; // it was $SIPRING_HOME/campaign.json: opening the embedded database moved it, and said so
        }
        return EmbeddedDatabase.moveJsonStore(file, o.jdbiStore(), spec.commandLine().getErr()) == null ? FAILED : 0;
      } catch (SipRingException e) {
        return fail(spec, e);
      } catch (java.io.UncheckedIOException e) {
        return fail(spec, new BadInputException(file.toString(), String.valueOf(java.util.Objects.requireNonNull(e.getCause()).getMessage())));
      }
    }
  }
}
