package ru.sipring.cli.fax;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import ru.sipring.fax.HylaFaxClient;

/** {@code sipring fax kill JOB_ID}: exit 0 when hfaxd killed the job. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill (abort) an outgoing job.")
final class FaxKillCommand extends FaxCommandBase {
  @Mixin FaxServerOptions server;
  @Parameters(paramLabel = "JOB_ID") String jobId;

  @Override
  void execute() {
    try (HylaFaxClient c = server.connect()) {
      c.kill(jobId);
    }
    out().println("job " + jobId + " killed");
  }
}
