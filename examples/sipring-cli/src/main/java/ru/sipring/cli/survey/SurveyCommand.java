package ru.sipring.cli.survey;

import org.jspecify.annotations.Nullable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.survey.Answer;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.Option;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.Question;
import ru.sipring.survey.QuestionType;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioFormatException;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.ScenarioValidator;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.ValidationProblem;
import ru.sipring.survey.ValidationReport;

/** {@code sipring survey ...}: check and try out survey scenarios, report on stored responses. */
@Command(name = "survey", mixinStandardHelpOptions = true,
    description = "Survey scenarios: validate a scenario file, test-run it in the terminal, report on stored "
        + "responses.",
    subcommands = {SurveyCommand.Validate.class, SurveyCommand.Test.class, SurveyReportCommand.class})
public final class SurveyCommand implements Runnable {
  /** Exit code for a scenario with errors. */
  static final int INVALID = 1;
  /** Exit code for a file that cannot be read. */
  static final int UNREADABLE = 2;

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads and validates; prints problems (one line each, question id first) and returns null when invalid. */
  static @Nullable Scenario load(Path file, PrintWriter out, PrintWriter err, int[] exit) {
    Scenario s;
    try {
      s = ScenarioJson.read(file);
    } catch (ScenarioFormatException e) {
      e.problems().forEach(p -> out.println(p));
      exit[0] = INVALID;
      return null;
    } catch (BadInputException e) {
      out.println(ValidationProblem.SCENARIO + ": " + e.getMessage());
      exit[0] = INVALID;
      return null;
    } catch (SipRingException e) {
      // not found or unreadable (BadInputException, the scenario's own fault, is handled above)
      err.println("sipring survey: " + e.getMessage());
      exit[0] = UNREADABLE;
      return null;
    }
    ValidationReport report = ScenarioValidator.validate(s);
    report.warnings().forEach(w -> err.println("warning: " + w));
    if (!report.isValid()) {
      report.errors().forEach(p -> out.println(p));
      exit[0] = INVALID;
      return null;
    }
    return s;
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {"Checks a scenario JSON file: ids, options, labels, dangling next-references, unreachable "
          + "questions, cycles (including a question whose next action is itself) and paths that never end.",
          "Exit 0 when valid; otherwise 1 (or 2 when the file cannot be read) and one line per problem on "
              + "stdout, each starting with the id of the question it concerns ('(scenario)' for the whole "
              + "scenario). Warnings go to stderr."})
  static final class Validate implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "scenario file")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int[] exit = {0};
      Scenario s = load(file, out, err, exit);
      if (s != null) {
        err.println(file + ": valid (" + s.questions().size() + " questions)");
      }
      out.flush();
      err.flush();
      return exit[0];
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Test run of a scenario in the terminal ('Тест скрипта'): asks each question, reads the "
          + "answer from stdin and follows the branches.",
          "Answer a one-of-list question with the option number or id, a several-of-list question with numbers "
              + "or ids separated by commas or spaces, a text question with a line of text.",
          "An empty line skips the question, '<' goes back, '.' finishes early; end of input finishes too."})
  static final class Test implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "scenario file (JSON)")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int[] exit = {0};
      Scenario s = load(file, out, err, exit);
      if (s == null) {
        out.flush();
        return exit[0];
      }
      Clock clock = Clock.systemUTC();
      SurveyRun run = SurveyRun.start(new PublishedScenario(s, PublishedScenario.DRAFT_VERSION, clock.instant()),
          new CallContext("test-terminal", "", System.getProperty("user.name", ""), ""), true, clock, null);
      out.println("Тест скрипта: " + s.title());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      try {
        while (!run.atEnd()) {
          Question q = run.current().orElseThrow();
          ask(q, run, out);
          out.flush();
          String line = in.readLine();
          if (line == null || line.strip().equals(".")) {
            out.println(line == null ? "(end of input: finished early)" : "(finished early)");
            break;
          }
          String input = line.strip();
          try {
            if (input.equals("<")) {
              if (run.canGoBack()) {
                run.back();
              } else {
                out.println("! already at the first question");
              }
            } else if (input.isEmpty()) {
              run.skip();
            } else {
              answer(q, input, run);
            }
          } catch (BadInputException e) {
            out.println("! " + e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read answers from stdin", e);
      }
      SurveyResponse r = run.finish();
      out.println();
      out.println((r.completed() ? "Опрос пройден до конца" : "Опрос завершён досрочно") + " (test run; "
          + r.answers().size() + " questions reached)");
      for (Answer a : r.answers()) {
        out.println("  " + a.questionId() + ": " + describe(a));
      }
      out.flush();
      return 0;
    }

    private static void ask(Question q, SurveyRun run, PrintWriter out) {
      out.println();
      out.println("[" + q.id() + "] " + q.text());
      if (!q.hint().isBlank()) {
        out.println("    " + q.hint());
      }
      for (int i = 0; i < q.options().size(); i++) {
        out.println("  " + (i + 1) + ") " + q.options().get(i).label());
      }
      run.earlierAnswer(q.id()).ifPresent(a -> out.println("  (earlier: " + describe(a) + ")"));
      out.print(switch (q.type()) {
        case SINGLE -> "one of 1-" + q.options().size();
        case MULTIPLE -> "several of 1-" + q.options().size() + ", comma separated";
        case TEXT -> "text";
      } + " (empty: skip, <: back, .: finish)> ");
    }

    private static void answer(Question q, String input, SurveyRun run) {
      if (q.type() == QuestionType.TEXT) {
        run.answerText(input);
      } else if (q.type() == QuestionType.SINGLE) {
        run.answerSingle(optionId(q, input));
      } else {
        List<String> ids = new ArrayList<>();
        for (String part : input.split("[,;\\s]+")) {
          if (!part.isEmpty()) {
            ids.add(optionId(q, part));
          }
        }
        run.answerMultiple(ids);
      }
    }

    /** An option number (1-based) or an option id. */
    private static String optionId(Question q, String token) {
      if (token.chars().allMatch(Character::isDigit) && token.length() < 6) {
        int n = Integer.parseInt(token);
        if (n < 1 || n > q.options().size()) {
          throw new BadInputException(q.id(), "no option number " + n + "; choose 1-" + q.options().size());
        }
        return q.options().get(n - 1).id();
      }
      for (Option o : q.options()) {
        if (o.id().equals(token) || o.label().strip().toLowerCase(Locale.ROOT)
            .equals(token.toLowerCase(Locale.ROOT))) {
          return o.id();
        }
      }
      return token; // the runner reports the unknown option with the valid ones
    }

    private static String describe(Answer a) {
      if (!a.answered()) {
        return "(skipped)";
      }
      return a.text() != null ? a.text() : String.join(", ", a.optionLabels());
    }
  }
}
