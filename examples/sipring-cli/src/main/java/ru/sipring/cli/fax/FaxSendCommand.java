package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.cdr.DatabasePool;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.fax.JdbiFaxStores;
import ru.sipring.cli.cdr.DbOptions;
import ru.sipring.core.BadInputException;
import ru.sipring.fax.CoverPage;
import ru.sipring.fax.FaxDocument;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.SendRequest;
import ru.sipring.fax.SendResult;

/**
 * {@code sipring fax send}: one job per number, all grouped as one send. Numbers come from {@code --to}, address-book
 * contacts ({@code --contact}) and distribution lists ({@code --list}, "Списки рассылки").
 */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = "Send PDF, PostScript, TIFF or text files to one or more numbers (one job per number).")
final class FaxSendCommand extends FaxCommandBase {
  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  FaxServerOptions server;

  @Option(names = "--to", paramLabel = "NUMBER", description = "fax number; repeat for several")
  List<String> to = new ArrayList<>();

  @Option(names = "--contact", paramLabel = "NAME",
      description = "an address-book contact (sipring fax contacts); repeat for several; needs --db")
  List<String> contacts = new ArrayList<>();

  @Option(names = "--list", paramLabel = "NAME",
      description = "a distribution list (sipring fax lists); repeat for several; needs --db")
  List<String> lists = new ArrayList<>();

  @ArgGroup(exclusive = false, heading = "Address book and distribution lists (for --contact and --list):%n")
  @Nullable DbOptions db;

  @Option(names = "--file", required = true, paramLabel = "F", description = "document; repeat for several")
  List<Path> files = new ArrayList<>();

  @Option(names = "--cover-subject", paramLabel = "S", description = "adds a cover page with this subject")
  @Nullable String coverSubject;
  @Option(names = "--cover-to", description = "cover page: recipient name") @Nullable String coverTo;
  @Option(names = "--cover-company", description = "cover page: recipient company") @Nullable String coverCompany;
  @Option(names = "--cover-comments", description = "cover page: comments") @Nullable String coverComments;
  @Option(names = "--cover-from-name", description = "cover page: sender name") @Nullable String fromName;
  @Option(names = "--cover-from-company", description = "cover page: sender company") @Nullable String fromCompany;
  @Option(names = "--cover-from-address", description = "cover page: sender address") @Nullable String fromAddress;
  @Option(names = "--cover-from-phone", description = "cover page: sender phone") @Nullable String fromPhone;
  @Option(names = "--cover-from-fax", description = "cover page: sender fax") @Nullable String fromFax;
  @Option(names = "--cover-from-email", description = "cover page: sender e-mail") @Nullable String fromEmail;

  @Option(names = "--resolution", defaultValue = "FINE", description = "FINE (196 lpi) or NORMAL (98 lpi)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  SendRequest.Resolution resolution;
  @Option(names = "--max-tries", defaultValue = "3") int maxTries;
  @Option(names = "--max-dials", defaultValue = "12") int maxDials;
  @Option(names = "--kill-time", defaultValue = "PT2H59M", description = "give up after this ISO-8601 duration (PT3H, P1D)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Duration killTime;
  @Option(names = "--notify", defaultValue = "NONE", description = "NONE, DONE, REQUEUE, DONE_AND_REQUEUE")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  SendRequest.Notify notify;
  @Option(names = "--notify-address", description = "where hfaxd mails notifications") @Nullable String notifyAddress;
  @Option(names = "--modem", defaultValue = "any", description = "modem device or class")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String modem;

  @Option(names = "--format", defaultValue = "text", description = "json or text")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;

  @Override
  void execute() throws Exception {
    List<FaxDocument> docs = new ArrayList<>();
    for (Path f : files) {
      docs.add(FaxDocument.load(f));
    }
    SendRequest.Builder b = SendRequest.builder().to(recipients()).resolution(resolution).maxTries(maxTries)
        .maxDials(maxDials).killTime(killTime).notify(notify, notifyAddress).modem(modem);
    docs.forEach(b::document);
    if (coverSubject != null || coverTo != null || coverCompany != null || coverComments != null) {
      b.cover(CoverPage.builder().subject(coverSubject).recipient(coverTo).company(coverCompany)
          .comments(coverComments).fromName(fromName).fromCompany(fromCompany).fromAddress(fromAddress)
          .fromPhone(fromPhone).fromFax(fromFax).fromEmail(fromEmail).build());
    } else if (fromName != null || fromCompany != null || fromEmail != null) {
      throw new BadInputException("--cover-from-*", "sender fields need a cover page: give --cover-subject");
    }
    SendRequest request = b.build();
    SendResult result;
    try (HylaFaxClient c = server.connect()) {
      result = c.send(request);
    }
    if (format == Format.json) {
      ObjectNode root = JSON.createObjectNode();
      ArrayNode jobs = root.putArray("jobs");
      for (SendResult.Job j : result.jobs()) {
        jobs.addObject().put("id", j.id()).put("number", j.number()).put("state", j.state().phase());
      }
      printJson(root);
    } else {
      for (SendResult.Job j : result.jobs()) {
        out().printf("job %s to %s: %s (group %s, tag %s)%n", j.id(), j.number(), j.state().phase(), j.groupId(), result.tag());
      }
    }
  }

  /** --to, then the contacts' and the lists' numbers (each once), as the panel's send form expands them. */
  private List<String> recipients() {
    if (contacts.isEmpty() && lists.isEmpty()) {
      if (to.isEmpty()) {
        throw new BadInputException("--to", "no fax number given: --to NUMBER, --contact NAME or --list NAME");
      }
      return to;
    }
    if (db == null) {
      throw new BadInputException(contacts.isEmpty() ? "--list" : "--contact",
          "needs --db: the address book and the distribution lists are in SipRing's database");
    }
    try (DatabasePool ds = db.open()) {
      SipRingSchema.migrate(ds);
      return JdbiFaxStores.of(ds).contacts().recipients(to, contacts, lists);
    }
  }
}
