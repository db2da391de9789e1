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
      "cdr", "operators", "recording", "screen-pop", "campaign", "billing", "fax", "cluster");

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
    cli.setCaseInsensitiveEnumValuesAllowed(true);
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
      default -> throw new IllegalArgumentException("no command " + name);
    };
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
