package ru.sipring.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/sipring}: the runnable face of the library. Each subcommand is a thin host application that
 * wires SipRing's modules explicitly (no classpath scanning), the way an embedding application would.
 */
@Command(
    name = "sipring",
    mixinStandardHelpOptions = true,
    versionProvider = SipRingCli.Version.class,
    description = "SipRing call-centre toolkit for Asterisk / FreePBX.",
    subcommands = {
        CommandLine.HelpCommand.class,
        ru.sipring.cli.ami.AgentsCommand.class, ru.sipring.cli.ami.LiveCommand.class, ru.sipring.cli.ami.AgiServerCommand.class, ru.sipring.cli.ami.DemoCommand.class,
        ru.sipring.cli.report.ReportCommand.class,
        ru.sipring.cli.survey.SurveyCommand.class,
        ru.sipring.cli.cdr.CdrCommand.class, ru.sipring.cli.cdr.OperatorsCommand.class, ru.sipring.cli.cdr.RecordingCommand.class,
        ru.sipring.cli.screenpop.ScreenPopCommand.class,
        ru.sipring.cli.campaign.CampaignCommand.class, ru.sipring.cli.campaign.BillingCommand.class,
        ru.sipring.cli.fax.FaxCommand.class,
        ru.sipring.cli.ha.ClusterCommand.class,
    })
public final class SipRingCli implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    if (System.getProperty("picocli.trace") == null) {
      // picocli's own warnings ("Unbalanced quotes in ...") would follow the one-line error on stderr
      CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
    }
    CommandLine cli = new CommandLine(new SipRingCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(SipRingCli::usageError);
    cli.setExecutionExceptionHandler(SipRingCli::failed);
    return cli;
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

  /** The first line of {@code s} with control characters shown as {@code ?}: messages quote outside text. */
  static String oneLine(@org.jspecify.annotations.Nullable String s) {
    if (s == null) {
      return "failed";
    }
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    return first.strip().replaceAll("\\p{Cntrl}", "?");
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
