package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import ru.sipring.cdr.DatabasePool;
import picocli.CommandLine.Command;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.fax.JdbiFaxStores;
import picocli.CommandLine.Option;
import ru.sipring.core.BadInputException;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxDispatcher;
import ru.sipring.fax.FaxImages;
import ru.sipring.fax.FaxMailer;
import ru.sipring.fax.FaxSessions;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.ReceiveEvent;

/**
 * {@code sipring fax dispatch}: the receive hook. HylaFAX's faxrcvd sources {@code etc/FaxDispatch} in the
 * spool directory with $FILE, $DEVICE, $COMMID, $CIDNUMBER, $CIDNAME, $SENDER and $PAGES set; a line there
 * calls this command, which records the line and category and mails the fax as PDF to the users allowed
 * to see it.
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
    description = "Receive hook for HylaFAX FaxDispatch: record the fax's line and category and mail it as PDF.")
final class FaxDispatchCommand extends FaxCommandBase {
  @Option(names = "--file", required = true, description = "$FILE: recvq/faxNNNNNNNNN.tif (relative to --spool)")
  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String file;
  @Option(names = "--device", required = true, description = "$DEVICE: modem that received it")
  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String device;
  @Option(names = "--commid", defaultValue = "", description = "$COMMID")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String commId;
  @Option(names = "--cid-number", defaultValue = "", description = "$CIDNUMBER")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String cidNumber;
  @Option(names = "--cid-name", defaultValue = "", description = "$CIDNAME")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String cidName;
  @Option(names = "--sender", defaultValue = "", description = "$SENDER: the sender's TSI")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String sender;
  @Option(names = "--pages", defaultValue = "0", description = "$PAGES") int pages;
  @Option(names = "--spool", defaultValue = ".", description = "HylaFAX spool directory (faxrcvd runs there)")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Path spool;
  @Option(names = "--config", required = true, description = "JSON with smtp, zone, lines, categories, users")
  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  Path config;
  @Option(names = "--format", defaultValue = "text", description = "json or text")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;
  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "keep users, lines and received faxes in SipRing's MariaDB tables (migrated on first use)")
  @Nullable String db;
  @Option(names = "--db-user", paramLabel = "U", defaultValue = "${env:SIPRING_DB_USER}")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String dbUser;
  @Option(names = "--db-password", paramLabel = "P", defaultValue = "${env:SIPRING_DB_PASSWORD}")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String dbPassword;

  /** The application's one clock: the fax center and the receive event read the same time source. */
  private final Clock clock = Clock.systemUTC();

  @Override
  void execute() throws Exception {
    FaxConfig cfg = FaxConfig.load(config);
    if (db == null) {
      FaxCenter center = FaxCenter.builder(noServer()).clock(clock).build();
      cfg.loadInto(center.lines(), center.users());
      dispatch(cfg, center);
      return;
    }
    try (DatabasePool ds = Databases.pooled(db, dbUser, dbPassword)) {
      SipRingSchema.migrate(ds);
      JdbiFaxStores stores = JdbiFaxStores.of(ds);
      FaxCenter center = FaxCenter.builder(noServer()).users(stores.users()).lines(stores.lines())
          .received(stores.received()).contacts(stores.contacts()).clock(clock).build();
      // lines and users in the JSON (if any) are saved over the database's
      cfg.loadInto(center.lines(), center.users());
      dispatch(cfg, center);
    }
  }

  private void dispatch(FaxConfig cfg, FaxCenter center) throws Exception {
    Path tif = spool.resolve(file);
    byte[] tiff;
    try {
      tiff = Files.readAllBytes(tif);
    } catch (NoSuchFileException e) {
      throw new BadInputException(tif.toString(), "received fax file does not exist", e);
    } catch (IOException e) {
      throw new BadInputException(tif.toString(), "cannot read: " + e.getMessage(), e);
    }
    FaxDispatcher dispatcher = FaxDispatcher.of(center, FaxImages.withTiff2Pdf(), new FaxMailer(cfg.smtp), cfg.zone);
    FaxDispatcher.Result r = dispatcher.dispatch(
        new ReceiveEvent(file, device, commId, cidNumber, cidName, sender, pages, clock.instant()), tiff);
    if (format == Format.json) {
      ObjectNode o = JSON.createObjectNode().put("file", r.fax().file()).put("line", r.fax().lineName())
          .put("device", r.fax().device()).put("category", r.fax().category());
      r.mailedTo().forEach(o.putArray("mailedTo")::add);
      printJson(o);
    } else {
      out().println(r.fax().file() + " on " + r.fax().lineName() + ": "
          + (r.mailedTo().isEmpty() ? "nobody may see it, not mailed" : "mailed to " + String.join(", ", r.mailedTo())));
    }
  }

  // dispatch reads the file from the spool it runs in; it never needs an hfaxd session
  static FaxSessions noServer() {
    return new FaxSessions() {
      @Override public HylaFaxClient openAs(FaxUser user) { throw new IllegalStateException("dispatch uses no hfaxd session"); }
      @Override public HylaFaxClient openService() { throw new IllegalStateException("dispatch uses no hfaxd session"); }
    };
  }
}
