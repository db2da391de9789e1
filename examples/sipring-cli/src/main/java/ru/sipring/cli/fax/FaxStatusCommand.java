package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ru.sipring.fax.FaxJob;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.ServerStatus;

/** {@code sipring fax status [JOB_ID]}: one job, or the server and its modems. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Status of a job, or of the server and modems.")
final class FaxStatusCommand extends FaxCommandBase {
  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  FaxServerOptions server;
  @Parameters(paramLabel = "JOB_ID", arity = "0..1") @Nullable String jobId;
  @Option(names = "--format", defaultValue = "text", description = "json or text")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;

  @Override
  void execute() throws Exception {
    try (HylaFaxClient c = server.connect()) {
      if (jobId != null) {
        FaxJob j = c.job(jobId);
        if (format == Format.json) {
          printJson(JSON.createObjectNode().put("id", j.id()).put("number", j.number()).put("state", j.phase())
              .put("pages", j.pagesSent()).put("pagesTotal", j.pagesTotal()).put("tries", j.tries())
              .put("maxTries", j.maxTries()).put("dials", j.dials()).put("reason", j.failureReason())
              .put("status", j.status()).put("owner", j.owner()).put("hylafaxState", String.valueOf(j.state().letter())));
        } else {
          out().printf("job %s to %s: %s, pages %d/%d, tries %d/%d, dials %d/%d%s%n", j.id(), j.number(), j.phase(),
              j.pagesSent(), j.pagesTotal(), j.tries(), j.maxTries(), j.dials(), j.maxDials(),
              j.status().isEmpty() ? "" : ", " + j.status());
        }
        return;
      }
      ServerStatus s = c.serverStatus();
      if (format == Format.json) {
        ObjectNode o = JSON.createObjectNode().put("scheduler", s.scheduler()).put("running", s.schedulerRunning());
        ArrayNode modems = o.putArray("modems");
        for (ServerStatus.Modem m : s.modems()) {
          modems.addObject().put("device", m.device()).put("number", m.number()).put("status", m.status());
        }
        printJson(o);
      } else {
        out().println(s.scheduler());
        for (ServerStatus.Modem m : s.modems()) {
          out().printf("Modem %s (%s): %s%n", m.device(), m.number(), m.status());
        }
      }
    }
  }
}
