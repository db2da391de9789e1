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
        ru.sipring.cli.web.WebCommand.class,
    })
public final class SipRingCli implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SipRingCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
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
