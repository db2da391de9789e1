package ru.sipring.cli.fax;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import ru.sipring.fax.HylaFaxClient;

/** {@code suspend}, {@code resubmit} and {@code delete} of a job. */
final class FaxJobControlCommands {
  private FaxJobControlCommands() {}

  @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a queued job.")
  static final class Suspend extends FaxCommandBase {
    @Mixin FaxServerOptions server;
    @Parameters(paramLabel = "JOB_ID") String jobId;

    @Override
    void execute() {
      try (HylaFaxClient c = server.connect()) {
        c.suspend(jobId);
      }
      out().println("job " + jobId + " suspended");
    }
  }

  @Command(name = "resubmit", mixinStandardHelpOptions = true, description = "Submit a suspended job again.")
  static final class Resubmit extends FaxCommandBase {
    @Mixin FaxServerOptions server;
    @Parameters(paramLabel = "JOB_ID") String jobId;

    @Override
    void execute() {
      try (HylaFaxClient c = server.connect()) {
        c.resubmit(jobId);
      }
      out().println("job " + jobId + " submitted");
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a done or suspended job.")
  static final class Delete extends FaxCommandBase {
    @Mixin FaxServerOptions server;
    @Parameters(paramLabel = "JOB_ID") String jobId;

    @Override
    void execute() {
      try (HylaFaxClient c = server.connect()) {
        c.delete(jobId);
      }
      out().println("job " + jobId + " deleted");
    }
  }
}
