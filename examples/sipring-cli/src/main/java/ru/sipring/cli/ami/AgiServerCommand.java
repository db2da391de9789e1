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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.agi.AgentLoginService;
import ru.sipring.ami.agi.AgentLoginSettings;
import ru.sipring.ami.agi.DialplanSnippet;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;

/** {@code sipring agi-server}: the FastAGI service behind {@code *45<queue>}. */
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
      if (operators == null) {
        throw new BadInputException("--operators", "missing: the PIN directory is needed to check logins");
      }
      OperatorAuthenticator auth = load(operators);
      CountDownLatch stop = new CountDownLatch(1);
      try (AmiPbxGateway gw = ami.connect();
           AgentLoginService svc = AgentLoginService.start(settings, gw, auth,
               e -> System.out.printf("%s %s %s queue %s device %s%n", e.at(), e.action(), e.operator().name(),
                   e.queue(), e.device()), AgentDirectory.empty(), Clock.systemUTC())) {
        System.out.println("agent login listening on " + svc.settings().bindAddress().getHostAddress() + ":"
            + svc.settings().port() + " (Ctrl-C to stop)");
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
      }
      return 0;
    } catch (SipRingException e) {
      System.err.println(e.getMessage());
      return e instanceof BadInputException ? 2 : 3;
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
