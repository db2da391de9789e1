package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.fax.FaxJob;
import ru.sipring.fax.FaxQueue;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.ReceivedFax;

/** {@code sipring fax list --queue send|done|received}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the send, done or received queue.")
final class FaxListCommand extends FaxCommandBase {
  enum Queue { send, done, received }

  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  FaxServerOptions server;

  @Option(names = "--queue", defaultValue = "send", description = "send, done or received")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Queue queue;
  @Option(names = "--format", defaultValue = "text", description = "json or text")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;
  @Option(names = "--hfaxd-format", paramLabel = "FMT",
      description = "print the raw listing in this hfaxd JOBFMT/RCVFMT format instead, e.g. '%%j %%a %%s'")
  @Nullable String rawFormat;

  @Override
  void execute() throws Exception {
    FaxQueue q = switch (queue) {
      case send -> FaxQueue.SEND;
      case done -> FaxQueue.DONE;
      case received -> FaxQueue.RECEIVED;
    };
    try (HylaFaxClient c = server.connect()) {
      if (rawFormat != null) {
        c.listFormatted(q, rawFormat).forEach(out()::println);
        return;
      }
      if (q == FaxQueue.RECEIVED) {
        printReceived(c.listReceived());
      } else {
        printJobs(c.listJobs(q));
      }
    }
  }

  private void printJobs(List<FaxJob> jobs) throws Exception {
    if (format == Format.text) {
      out().printf("%-6s %-12s %-9s %-18s %-7s %-7s %s%n", "ID", "OWNER", "STATE", "NUMBER", "PAGES", "TRIES", "STATUS");
      for (FaxJob j : jobs) {
        out().printf("%-6s %-12s %-9s %-18s %-7s %-7s %s%n", j.id(), j.owner(), j.phase(), j.number(),
            j.pagesSent() + "/" + j.pagesTotal(), j.tries() + "/" + j.maxTries(), j.status());
      }
      return;
    }
    ArrayNode arr = JSON.createArrayNode();
    for (FaxJob j : jobs) {
      ObjectNode o = arr.addObject();
      o.put("id", j.id()).put("number", j.number()).put("state", j.phase()).put("pages", j.pagesSent())
          .put("pagesTotal", j.pagesTotal()).put("tries", j.tries()).put("maxTries", j.maxTries())
          .put("dials", j.dials()).put("maxDials", j.maxDials()).put("owner", j.owner())
          .put("hylafaxState", String.valueOf(j.state().letter())).put("reason", j.failureReason())
          .put("status", j.status()).put("modem", j.modem()).put("group", j.groupId()).put("tag", j.tag())
          .put("sendAt", j.sendAt() == null ? null : j.sendAt().toString());
    }
    printJson(arr);
  }

  private void printReceived(List<ReceivedFax> faxes) throws Exception {
    if (format == Format.text) {
      out().printf("%-18s %-20s %-6s %-21s %s%n", "FILE", "SENDER", "PAGES", "RECEIVED", "CALLER ID");
      for (ReceivedFax f : faxes) {
        out().printf("%-18s %-20s %-6d %-21s %s %s%n", f.file(), f.sender(), f.pages(), f.receivedAt(), f.cidNumber(), f.cidName());
      }
      return;
    }
    ArrayNode arr = JSON.createArrayNode();
    for (ReceivedFax f : faxes) {
      arr.addObject().put("id", f.file()).put("sender", f.sender())
          .put("state", f.stillReceiving() ? "receiving" : f.error().isEmpty() ? "received" : "failed")
          .put("pages", f.pages()).put("receivedAt", f.receivedAt() == null ? null : f.receivedAt().toString())
          .put("cidNumber", f.cidNumber()).put("cidName", f.cidName()).put("size", f.sizeBytes())
          .put("error", f.error());
    }
    printJson(arr);
  }
}
