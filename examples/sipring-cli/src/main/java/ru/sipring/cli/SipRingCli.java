package ru.sipring.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/sipring}: the runnable face of the library. Each subcommand is a thin host application that
 * wires SipRing's modules explicitly (no classpath scanning), the way an embedding application would.
 *
 * <p>Subcommands are registered by name, not in the {@code @Command} annotation: picocli builds the model of
 * every registered command up front, which for all of them costs about two thousand loaded classes and a
 * noticeable part of a one-shot run. {@link #main} registers only the command named by the first argument
 * (nothing at all for a lone {@code --version}); anything else ({@code --help}, {@code help}, no or an unknown
 * command) gets all of them, so the usage and the error messages stay complete. Not thread-safe; one instance
 * per run.
 */
@Command(
    name = "sipring",
    mixinStandardHelpOptions = true,
    versionProvider = SipRingCli.Version.class,
    description = "SipRing call-centre toolkit for Asterisk / FreePBX.")
public final class SipRingCli implements Runnable {

  /** The subcommands in the order {@code sipring --help} lists them. */
  static final List<String> COMMANDS = List.of("help", "agents", "live", "agi-server", "demo", "report", "survey",
      "cdr", "operators", "recording", "screen-pop", "campaign", "billing", "fax", "cluster", "web");

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The configured command line with every subcommand, as {@code sipring --help} shows it; used by the tests.
   *
   * @return a new command line; not shared
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SipRingCli());
    for (String name : COMMANDS) {
      cli.addSubcommand(name, command(name));
    }
    return configured(cli);
  }

  /**
   * The command line {@link #main} runs for these arguments: only the subcommand they name, nothing for a
   * lone {@code --version}/{@code -V}, all of them otherwise.
   *
   * @param args the arguments of the run (not changed)
   * @return a new command line that parses {@code args} exactly as {@link #commandLine()} would
   */
  static CommandLine commandLine(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return configured(new CommandLine(new SipRingCli()));
    }
    if (args.length > 0 && !args[0].equals("help") && COMMANDS.contains(args[0])) {
      CommandLine cli = new CommandLine(new SipRingCli());
      cli.addSubcommand(args[0], command(args[0]));
      return configured(cli);
    }
    return commandLine();
  }

  /** Settings for the whole tree: picocli applies them to the subcommands present, so call it after adding. */
  private static CommandLine configured(CommandLine cli) {
    if (System.getProperty("picocli.trace") == null) {
      // picocli's own warnings ("Unbalanced quotes in ...") would follow the one-line error on stderr
      CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(SipRingCli::usageError);
    cli.setExecutionExceptionHandler(SipRingCli::failed);
    return cli;
  }

  /** A switch rather than a map of class literals: a branch not taken loads nothing. */
  private static Class<?> command(String name) {
    return switch (name) {
      case "help" -> CommandLine.HelpCommand.class;
      case "agents" -> ru.sipring.cli.ami.AgentsCommand.class;
      case "live" -> ru.sipring.cli.ami.LiveCommand.class;
      case "agi-server" -> ru.sipring.cli.ami.AgiServerCommand.class;
      case "demo" -> ru.sipring.cli.ami.DemoCommand.class;
      case "report" -> ru.sipring.cli.report.ReportCommand.class;
      case "survey" -> ru.sipring.cli.survey.SurveyCommand.class;
      case "cdr" -> ru.sipring.cli.cdr.CdrCommand.class;
      case "operators" -> ru.sipring.cli.cdr.OperatorsCommand.class;
      case "recording" -> ru.sipring.cli.cdr.RecordingCommand.class;
      case "screen-pop" -> ru.sipring.cli.screenpop.ScreenPopCommand.class;
      case "campaign" -> ru.sipring.cli.campaign.CampaignCommand.class;
      case "billing" -> ru.sipring.cli.campaign.BillingCommand.class;
      case "fax" -> ru.sipring.cli.fax.FaxCommand.class;
      case "cluster" -> ru.sipring.cli.ha.ClusterCommand.class;
      case "web" -> ru.sipring.cli.web.WebCommand.class;
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /**
   * A usage error (exit 2): one line saying what is wrong and a pointer to the command's help, not the whole
   * usage text, which buries the message under dozens of option lines.
   */
  static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    java.io.PrintWriter err = cmd.getErr();
    String message = oneLine(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += " (did you mean " + String.join(" or ", u.getSuggestions().subList(0,
          Math.min(3, u.getSuggestions().size()))) + "?)";
    }
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * What a command threw, as one line on stderr and an exit code: 2 bad input, 3 unreachable, 4 not found,
   * 5 rejected, 1 anything else. A stack trace is printed only with {@code SIPRING_DEBUG=1}, for bug reports:
   * bad input never shows one.
   */
  static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    java.io.PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    Throwable t = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    int code;
    String message;
    if (t instanceof ru.sipring.core.SipRingException s) {
      message = s.getMessage();
      code = s instanceof ru.sipring.core.BadInputException ? 2 : s instanceof ru.sipring.core.ConnectionException
          ? 3 : s instanceof ru.sipring.core.NotFoundException ? 4 : s instanceof ru.sipring.core.RejectedException
          ? 5 : 1;
    } else if (t instanceof java.nio.file.NoSuchFileException f) {
      message = f.getFile() + ": no such file";
      code = 4;
    } else if (t instanceof java.nio.file.AccessDeniedException f) {
      message = f.getFile() + ": permission denied";
      code = 1;
    } else if (t instanceof java.nio.file.FileSystemException f) {
      message = f.getFile() + ": " + (f.getReason() == null ? "cannot be read" : f.getReason());
      code = 2;
    } else if (t instanceof java.io.IOException io) {
      message = (e != t && e.getMessage() != null ? e.getMessage() + ": " : "") + io.getMessage();
      code = 1;
    } else if (t instanceof IllegalArgumentException || t instanceof java.time.DateTimeException) {
      message = t.getMessage();
      code = 2;
    } else {
      message = "internal error: " + t + " (set SIPRING_DEBUG=1 to see where)";
      code = 1;
    }
    err.println(name + ": " + oneLine(message));
    if ("1".equals(System.getenv("SIPRING_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** The first line of {@code s}, control characters shown escaped (TerminalText): messages quote outside text. */
  static String oneLine(@org.jspecify.annotations.Nullable String s) {
    if (s == null) {
      return "failed";
    }
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    return ru.sipring.core.text.TerminalText.escape(first.strip());
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SipRingCli.class.getPackage().getImplementationVersion();
      return new String[] {"sipring " + (v == null ? "development build" : v)};
    }
  }
}
