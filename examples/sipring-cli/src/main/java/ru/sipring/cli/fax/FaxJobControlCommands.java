package ru.sipring.cli.fax;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import ru.sipring.fax.HylaFaxClient;

/**
 * {@code kill}, {@code suspend}, {@code resubmit} and {@code delete} of one job: connect, act, print
 * {@code job ID <done>}; exit 0 when hfaxd did it.
 */
final class FaxJobControlCommands {
  private FaxJobControlCommands() {}

  /** What the four commands share: the server options, the job id and the one-line answer. */
  abstract static class JobCommand extends FaxCommandBase {
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    FaxServerOptions server;
    @Parameters(paramLabel = "JOB_ID")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String jobId;

    /** Asks hfaxd to act on the job and returns the past participle for the answer ("killed"). */
    abstract String act(HylaFaxClient client, String jobId);

    @Override
    final void execute() {
      String done;
      try (HylaFaxClient c = server.connect()) {
        done = act(c, jobId);
      }
      out().println("job " + jobId + " " + done);
    }
  }

  @Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill (abort) an outgoing job.")
  static final class Kill extends JobCommand {
    @Override
    String act(HylaFaxClient client, String jobId) {
      client.kill(jobId);
      return "killed";
    }
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a queued job.")
  static final class Suspend extends JobCommand {
    @Override
    String act(HylaFaxClient client, String jobId) {
      client.suspend(jobId);
      return "suspended";
    }
  }

  @Command(name = "resubmit", mixinStandardHelpOptions = true, description = "Submit a suspended job again.")
  static final class Resubmit extends JobCommand {
    @Override
    String act(HylaFaxClient client, String jobId) {
      client.resubmit(jobId);
      return "submitted";
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a done or suspended job.")
  static final class Delete extends JobCommand {
    @Override
    String act(HylaFaxClient client, String jobId) {
      client.delete(jobId);
      return "deleted";
    }
  }
}
