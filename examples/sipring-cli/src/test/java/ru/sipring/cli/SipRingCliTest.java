package ru.sipring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SipRingCliTest {

  @Test
  void theFullCommandLineHasEveryCommandInHelpOrder() {
    assertThat(SipRingCli.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(SipRingCli.COMMANDS);
  }

  @Test
  void aRunRegistersOnlyTheCommandItNames() {
    for (String name : SipRingCli.COMMANDS) {
      if (name.equals("help")) {
        continue;
      }
      CommandLine cli = SipRingCli.commandLine(new String[] {name, "--help"});
      assertThat(cli.getSubcommands().keySet()).as(name).containsExactly(name);
      // the switch maps the name to the class that declares it
      assertThat(cli.getSubcommands().get(name).getCommandName()).isEqualTo(name);
    }
  }

  @Test
  void aLoneVersionRegistersNothingAndPrintsTheVersion() {
    CommandLine cli = SipRingCli.commandLine(new String[] {"--version"});
    assertThat(cli.getSubcommands()).isEmpty();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("sipring ");
  }

  @Test
  void helpAndUnknownOrNoCommandGetEveryCommand() {
    for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "report"},
        new String[] {"reprot"}, new String[] {"-V", "report"})) {
      assertThat(SipRingCli.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
          .containsExactlyElementsOf(SipRingCli.COMMANDS);
    }
    StringWriter out = new StringWriter();
    CommandLine cli = SipRingCli.commandLine(new String[] {"--help"});
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--help")).isZero();
    for (String name : SipRingCli.COMMANDS) {
      assertThat(out.toString()).contains("  " + name + " ");
    }
  }

  @Test
  void theLazyCommandLineParsesAsTheFullOne() {
    String[] args = {"report", "--queue-log", "a", "b", "--format", "JSON", "--threads", "2"};
    CommandLine.ParseResult lazy = SipRingCli.commandLine(args).parseArgs(args);
    CommandLine.ParseResult full = SipRingCli.commandLine().parseArgs(args);
    assertThat(lazy.subcommand().matchedOptions()).hasSameSizeAs(full.subcommand().matchedOptions());
    // case-insensitive enum values are set on the subcommand added for the run as well
    assertThat(lazy.subcommand().matchedOptionValue("--format", (Object) null).toString())
        .isEqualTo(full.subcommand().matchedOptionValue("--format", (Object) null).toString());
    assertThat(lazy.subcommand().<Integer>matchedOptionValue("--threads", 1)).isEqualTo(2);
  }
}
