package ru.sipring.cli.ami;

import org.jspecify.annotations.Nullable;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import ru.sipring.cdr.DatabasePool;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.agi.AgentLoginService;
import ru.sipring.ami.agi.AgentLoginSettings;
import ru.sipring.ami.agi.DialplanSnippet;
import ru.sipring.ami.agi.PeerAllowList;
import ru.sipring.cdr.JdbiLoginFailureLedger;
import ru.sipring.cdr.PinPolicy;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cli.cdr.DbOptions;
import ru.sipring.cli.cdr.PinSecretOptions;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.LoginFailureLedger;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.text.TerminalText;

/**
 * {@code sipring agi-server}: the FastAGI service behind {@code *45<queue>}. With {@code --db} the PINs are
 * checked against SipRing's operator registry in MariaDB and every login and logout is written to its login
 * log, and wrong PINs are counted in its database, so lockouts survive a restart (the product path);
 * {@code --operators FILE} is the small path without a database ({@link OperatorsFile}). Only the Asterisk
 * addresses of {@code --allow} (default loopback) are served.
 */
@Command(name = "agi-server", mixinStandardHelpOptions = true,
    description = "Serve *45<queue> agent login over FastAGI (runs until Ctrl-C).")
public final class AgiServerCommand implements Callable<Integer> {
  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  AmiOptions ami;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String bind;

  @Option(names = "--port", defaultValue = "4573") int port;

  @Option(names = "--operators", paramLabel = "FILE",
      description = "properties file: hmac-sha256.<hex> = <number>;<name>, one operator a line (lines from "
          + "--hash-pin, keyed with the PIN secret)")
  @Nullable Path operators;

  @Option(names = "--allow", paramLabel = "ADDR[,ADDR...]", split = ",",
      description = "Asterisk addresses or CIDR ranges served; others are closed unserved (default: loopback only)")
  java.util.@Nullable List<String> allow;

  @Option(names = "--failure-budget", defaultValue = "20", paramLabel = "N",
      description = "wrong PINs from all devices within --budget-minutes that lock every login (default ${DEFAULT-VALUE})")
  int failureBudget;

  @Option(names = "--budget-minutes", defaultValue = "10", paramLabel = "M") int budgetMinutes;

  @Option(names = "--budget-lock-minutes", defaultValue = "15", paramLabel = "M",
      description = "how long every login stays locked once the budget is spent (default ${DEFAULT-VALUE})")
  int budgetLockMinutes;

  @Option(names = "--min-pin-digits", defaultValue = "4", paramLabel = "N",
      description = "shortest PIN --hash-pin accepts (default ${DEFAULT-VALUE})")
  int minPinDigits;

  @ArgGroup(exclusive = false, heading = "Operator registry in the database (instead of --operators):%n")
  @Nullable DbOptions db;

  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  PinSecretOptions pinSecret;

  @Option(names = "--freepbx", description = "members as Local/<ext>@from-queue/n with state hint:<ext>@ext-local")
  boolean freePbx;

  @Option(names = "--pin-attempts", defaultValue = "3") int attempts;
  @Option(names = "--lockout-after", defaultValue = "5") int lockoutAfter;
  @Option(names = "--lockout-minutes", defaultValue = "15") int lockoutMinutes;

  @Option(names = "--print-dialplan", paramLabel = "AGI_HOST",
      description = "print the extensions_custom.conf snippet that points Asterisk at AGI_HOST, and exit")
  @Nullable String printDialplan;

  @Option(names = "--hash-pin", paramLabel = "PIN", interactive = true, arity = "0..1",
      description = "print the --operators line for a PIN (prompted without echo, or read from stdin, when given "
          + "without a value), and exit; needs the PIN secret")
  @Nullable String hashPin;

  @Override
  public Integer call() throws Exception {
    try {
      AgentLoginSettings settings = AgentLoginSettings.defaults()
          .withBind(InetAddress.getByName(bind), port)
          .withPin(Duration.ofSeconds(5), attempts, lockoutAfter, Duration.ofMinutes(lockoutMinutes))
          .withFailureBudget(failureBudget, Duration.ofMinutes(budgetMinutes), Duration.ofMinutes(budgetLockMinutes));
      if (allow != null && !allow.isEmpty()) {
        settings = settings.withAllow(PeerAllowList.parse(String.join(",", allow)));
      }
      if (freePbx) {
        settings = settings.withFreePbxInterfaces();
      }
      if (hashPin != null) {
        String pin = hashPin.strip();
        if (!pin.matches("[0-9]{1,16}")) {
          throw new BadInputException("--hash-pin", "a PIN is 1-16 digits (it is typed on a phone keypad)");
        }
        new PinPolicy(minPinDigits).check(pin);
        System.out.println(OperatorsFile.line(pinSecret.pins(true), pin, "<number>", "<name>"));
        return 0;
      }
      if (printDialplan != null) {
        System.out.print(DialplanSnippet.freePbx(printDialplan, port, settings));
        return 0;
      }
      if ((operators == null) == (db == null)) {
        throw new BadInputException("--operators", operators == null
            ? "missing: the PIN directory is needed to check logins (--db JDBC_URL or --operators FILE)"
            : "give either --db or --operators, not both");
      }
      OperatorLoginLog print = e -> System.out.printf("%s %s %s queue %s device %s%n", e.at(), e.action(),
          TerminalText.escape(e.operator().name()), TerminalText.escape(e.queue()), TerminalText.escape(e.device()));
      if (db == null && operators != null) {
        // the file path has no database: wrong PINs are counted in memory and a restart forgets them
        serve(settings, OperatorsFile.load(operators, pinSecret.pins(true)), print, AgentDirectory.empty(),
            LoginFailureLedger.inMemory());
        return 0;
      }
      // the PIN secret is read before the pool opens, so a missing secret fails fast without a connection
      var pins = pinSecret.pins(true);
      try (DatabasePool ds = db.open()) {
        SipRingSchema.migrate(ds);
        JdbiOperatorRegistry registry = JdbiOperatorRegistry.of(ds, pins, Clock.systemUTC());
        OperatorLoginLog both = e -> {
          registry.record(e);
          print.record(e);
        };
        serve(settings, registry, both, registry, JdbiLoginFailureLedger.of(ds, Clock.systemUTC()));
      }
      return 0;
    } catch (SipRingException e) {
      System.err.println(e.getMessage());
      return e instanceof BadInputException ? 2 : 3;
    }
  }

  /** Counted down to stop the server (Ctrl-C, or a test). */
  final CountDownLatch stop = new CountDownLatch(1);
  /** Counted down once the FastAGI port is open. */
  final CountDownLatch ready = new CountDownLatch(1);

  private void serve(AgentLoginSettings settings, OperatorAuthenticator auth, OperatorLoginLog log,
      AgentDirectory directory, LoginFailureLedger failures) throws InterruptedException {
    Thread hook = new Thread(stop::countDown, "sipring-agi-server-stop");
    try (AmiPbxGateway gw = ami.connect();
         AgentLoginService svc = AgentLoginService.start(settings, gw, auth, log, directory, failures,
             Clock.systemUTC())) {
      System.out.println("agent login listening on " + svc.settings().bindAddress().getHostAddress() + ":"
          + svc.port() + ", serving Asterisk at " + svc.settings().allow() + " (Ctrl-C to stop)");
      Runtime.getRuntime().addShutdownHook(hook);
      ready.countDown();
      stop.await();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException alreadyStopping) {
        // the JVM is shutting down (Ctrl-C) or the hook was never added
      }
    }
  }
}
