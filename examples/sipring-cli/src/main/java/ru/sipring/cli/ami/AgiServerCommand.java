package ru.sipring.cli.ami;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.agi.AgentLoginService;
import ru.sipring.ami.agi.AgentLoginSettings;
import ru.sipring.ami.agi.DialplanSnippet;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cli.cdr.DbOptions;
import ru.sipring.cli.cdr.PinSecretOptions;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;

/**
 * {@code sipring agi-server}: the FastAGI service behind {@code *45<queue>}. With {@code --db} the PINs are
 * checked against SipRing's operator registry in MariaDB and every login and logout is written to its login
 * log (the product path); {@code --operators FILE} is the demo path without a database.
 */
@Command(name = "agi-server", mixinStandardHelpOptions = true,
    description = "Serve *45<queue> agent login over FastAGI (runs until Ctrl-C).")
public final class AgiServerCommand implements Callable<Integer> {
  @Mixin AmiOptions ami;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--port", defaultValue = "4573") int port;

  @Option(names = "--operators", paramLabel = "FILE",
      description = "properties file: <sha-256 hex of the PIN> = <number>;<name>, one operator a line")
  Path operators;

  @ArgGroup(exclusive = false, heading = "Operator registry in the database (instead of --operators):%n")
  DbOptions db;

  @Mixin PinSecretOptions pinSecret;

  @Option(names = "--freepbx", description = "members as Local/<ext>@from-queue/n with state hint:<ext>@ext-local")
  boolean freePbx;

  @Option(names = "--pin-attempts", defaultValue = "3") int attempts;
  @Option(names = "--lockout-after", defaultValue = "5") int lockoutAfter;
  @Option(names = "--lockout-minutes", defaultValue = "15") int lockoutMinutes;

  @Option(names = "--print-dialplan", paramLabel = "AGI_HOST",
      description = "print the extensions_custom.conf snippet that points Asterisk at AGI_HOST, and exit")
  String printDialplan;

  @Option(names = "--hash-pin", paramLabel = "PIN", description = "print the SHA-256 line for --operators, and exit")
  String hashPin;

  @Override
  public Integer call() throws Exception {
    AgentLoginSettings settings = AgentLoginSettings.defaults()
        .withBind(InetAddress.getByName(bind), port)
        .withPin(Duration.ofSeconds(5), attempts, lockoutAfter, Duration.ofMinutes(lockoutMinutes));
    if (freePbx) {
      settings = settings.withFreePbxInterfaces();
    }
    if (hashPin != null) {
      System.out.println(sha256(hashPin) + " = <number>;<name>");
      return 0;
    }
    if (printDialplan != null) {
      System.out.print(DialplanSnippet.freePbx(printDialplan, port, settings));
      return 0;
    }
    try {
      if ((operators == null) == (db == null)) {
        throw new BadInputException("--operators", operators == null
            ? "missing: the PIN directory is needed to check logins (--db JDBC_URL or --operators FILE)"
            : "give either --db or --operators, not both");
      }
      OperatorLoginLog print = e -> System.out.printf("%s %s %s queue %s device %s%n", e.at(), e.action(),
          e.operator().name(), e.queue(), e.device());
      if (db == null) {
        serve(settings, load(operators), print, AgentDirectory.empty());
        return 0;
      }
      // the PIN secret is read before the pool opens, so a missing secret fails fast without a connection
      var pins = pinSecret.pins(true);
      try (HikariDataSource ds = db.open()) {
        SipRingSchema.migrate(ds);
        JdbiOperatorRegistry registry = JdbiOperatorRegistry.create(ds, pins, Clock.systemUTC());
        OperatorLoginLog both = e -> {
          registry.record(e);
          print.record(e);
        };
        serve(settings, registry, both, registry);
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
      AgentDirectory directory) throws InterruptedException {
    Thread hook = new Thread(stop::countDown, "sipring-agi-server-stop");
    try (AmiPbxGateway gw = ami.connect();
         AgentLoginService svc = AgentLoginService.start(settings, gw, auth, log, directory, Clock.systemUTC())) {
      System.out.println("agent login listening on " + svc.settings().bindAddress().getHostAddress() + ":"
          + svc.settings().port() + " (Ctrl-C to stop)");
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

  /** Reads hashed PINs; never holds a PIN in clear. */
  static OperatorAuthenticator load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    Map<String, Operator> byHash = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      String v = p.getProperty(key);
      int semi = v.indexOf(';');
      if (!key.matches("[0-9a-fA-F]{64}") || semi <= 0) {
        throw new BadInputException(file + ": " + key.substring(0, Math.min(8, key.length())) + "...",
            "expected <sha-256 hex> = <number>;<name>");
      }
      byHash.put(key.toLowerCase(java.util.Locale.ROOT),
          new Operator(v.substring(0, semi).trim(), v.substring(semi + 1).trim()));
    }
    return pin -> Optional.ofNullable(byHash.get(sha256(pin)));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
