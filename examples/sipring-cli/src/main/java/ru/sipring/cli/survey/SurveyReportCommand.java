package ru.sipring.cli.survey;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ru.sipring.cdr.DatabasePool;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.cli.cdr.DbOptions;
import ru.sipring.cli.cdr.Failures;
import ru.sipring.cli.cdr.TimeArgs;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;
import ru.sipring.survey.HtmlReport;
import ru.sipring.survey.OptionStats;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.QuestionStats;
import ru.sipring.survey.ResponseCsv;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.SurveyAnalyser;
import ru.sipring.survey.SurveyAnalysis;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.TextAnswer;

/**
 * {@code sipring survey report --db JDBC_URL --scenario ID [filters] --format text|json|csv|html}: the analysis
 * of the responses stored in MariaDB (text, JSON, the printable HTML report) or their CSV export.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Analyse the stored responses of a scenario (SipRing's survey tables in MariaDB).",
        "text/json: per question reached, answered, skipped and per option count and percentages; html: the "
            + "printable report with charts; csv: one row per response (the export).",
        "Questions and options are labelled from the latest published version (or the one --version names)."})
final class SurveyReportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  enum Format { text, json, csv, html }

  enum Language { ru, en }

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  DbOptions db;

  @Option(names = "--scenario", required = true, paramLabel = "ID", description = "scenario id")

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String scenario;

  @Option(names = "--from", paramLabel = "T", description = "first start time included (in --zone)")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "T", description = "first start time excluded (in --zone)")
  @Nullable String to;

  @Option(names = "--zone", paramLabel = "Z", description = "time zone of --from/--to and of the output "
      + "(default: this machine's)")
  ZoneId zone = ZoneId.systemDefault();

  @Option(names = "--queue", paramLabel = "Q", split = ",", description = "only these queues (repeat or comma)")
  List<String> queues = List.of();

  @Option(names = "--operator", paramLabel = "N", split = ",", description = "only these operators")
  List<String> operators = List.of();

  @Option(names = "--version", paramLabel = "V", split = ",", description = "only these scenario versions")
  List<Integer> versions = List.of();

  @Option(names = "--include-tests", description = "count test runs too")
  boolean includeTests;

  @Option(names = "--format", paramLabel = "text|json|csv|html", defaultValue = "text",
      description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;

  @Option(names = "--lang", paramLabel = "ru|en", defaultValue = "ru",
      description = "language of the HTML report (default: ${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Language language;

  /** The host application's clock: stamps the HTML report. */
  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (DatabasePool ds = db.open()) {
      ResponseFilter filter = filter();
      JdbiScenarioRepository scenarios = JdbiScenarioRepository.of(ds, clock);
      // the reference labels the results: the newest version asked for, else the latest published one
      int newest = versions.stream().mapToInt(Integer::intValue).max().orElse(-1);
      PublishedScenario reference = (newest >= 0 ? scenarios.version(scenario, newest) : scenarios.latest(scenario))
          .orElseThrow(() -> new NotFoundException("no published scenario " + scenario
              + (newest >= 0 ? " version " + newest : "")));
      JdbiResponseRepository responses = JdbiResponseRepository.of(ds);
      try (Stream<SurveyResponse> found = responses.find(filter)) {
        if (format == Format.csv) {
          List<SurveyResponse> all = found.toList();
          ResponseCsv.write(out, reference.scenario(), all, zone);
        } else {
          SurveyAnalysis analysis = SurveyAnalyser.of(reference.scenario()).analyse(found, filter);
          switch (format) {
            case text -> text(analysis, out);
            case json -> out.println(JSON.writeValueAsString(ru.sipring.survey.AnalysisJson.analysis(analysis)));
            case html -> out.print(HtmlReport.render(analysis, List.of(), zone,
                language == Language.en ? HtmlReport.Language.EN : HtmlReport.Language.RU, clock.instant()));
            default -> throw new IllegalStateException(format.name());
          }
        }
      }
      out.flush();
      return 0;
    } catch (SipRingException e) {
      out.flush();
      return Failures.report("survey report", e, err);
    }
  }

  private ResponseFilter filter() {
    Instant f = from == null ? null : TimeArgs.parse("--from", from, zone);
    Instant t = to == null ? null : TimeArgs.parse("--to", to, zone);
    ResponseFilter filter = ResponseFilter.forScenario(scenario).between(f, t)
        .withQueues(queues.toArray(String[]::new))
        .withOperators(operators.toArray(String[]::new))
        .withVersions(versions.toArray(Integer[]::new));
    return includeTests ? filter.includingTests() : filter;
  }

  private static void text(SurveyAnalysis a, PrintWriter out) {
    out.println(a.title() + " (" + a.scenarioId() + "): " + a.responses() + " responses, " + a.completed()
        + " completed");
    for (QuestionStats q : a.questions()) {
      out.println();
      out.println("[" + q.questionId() + "] " + q.text());
      out.println("  reached " + q.reached() + ", answered " + q.answered() + ", skipped " + q.skipped());
      for (OptionStats o : q.options()) {
        out.println(String.format(Locale.ROOT, "  %-30s %6d  %5.1f%% of respondents  %5.1f%% of mentions",
            o.label(), o.count(), o.percentOfRespondents(), o.percentOfMentions()));
      }
      for (TextAnswer t : q.texts()) {
        out.println("  - " + t.text());
      }
      if (q.textCount() > q.texts().size()) {
        out.println("  (" + (q.textCount() - q.texts().size()) + " more text answers)");
      }
    }
  }
}
