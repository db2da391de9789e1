package ru.sipring.cli.fax;

import picocli.CommandLine.Command;

/** {@code sipring fax ...}: the HylaFAX fax server (guide §10). */
@Command(
    name = "fax",
    mixinStandardHelpOptions = true,
    description = "Fax server on HylaFAX (hfaxd): send, list queues, get received faxes, kill jobs, status, fax-to-email, contacts and distribution lists.",
    subcommands = {
        FaxSendCommand.class,
        FaxListCommand.class,
        FaxGetCommand.class,
        FaxJobControlCommands.Kill.class,
        FaxJobControlCommands.Suspend.class,
        FaxJobControlCommands.Resubmit.class,
        FaxJobControlCommands.Delete.class,
        FaxStatusCommand.class,
        FaxDispatchCommand.class,
        FaxContactsCommands.Contacts.class,
        FaxContactsCommands.Lists.class,
    })
public final class FaxCommand implements Runnable {
  @picocli.CommandLine.Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before run()
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
