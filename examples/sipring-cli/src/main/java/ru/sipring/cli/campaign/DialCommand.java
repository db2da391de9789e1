package ru.sipring.cli.campaign;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.dialer.Dialer;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;

/** {@code sipring campaign dial}: the auto-dialer ("Автоинформатор") working one assignment. */
@Command(name = "dial", mixinStandardHelpOptions = true,
    description = {"Runs the auto-dialer on an assignment through Asterisk (AMI) or a fake PBX, until every client "
        + "is done, --run-for has passed, or Ctrl-C. State is persisted: run it again to continue; nobody is called "
        + "twice by a restart."})
final class DialCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;
  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  StoreOptions storeOptions;

  @Option(names = "--assignment", required = true, paramLabel = "PROJECT/TASK/ASSIGNMENT")

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String assignment;

  @Option(names = "--extension", required = true, description = "answer extension ('Добавочный номер для ответа')")

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String extension;

  @Option(names = "--context", defaultValue = "from-internal", description = "dialplan context (${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String context;

  @Option(names = "--callerid", defaultValue = "", description = "CallerID presented to clients")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String callerId;

  @Option(names = "--retries", description = "repeats after the first call (default: the assignment's rules)")
  @Nullable Integer retries;

  @Option(names = "--redial-delay", defaultValue = "30", paramLabel = "SECONDS", description = "time before a repeat")
  long redialDelay;

  @Option(names = "--pause", defaultValue = "5", paramLabel = "SECONDS", description = "pause between numbers")
  long pause;

  @Option(names = "--max-concurrent", defaultValue = "1", description = "calls in progress at most")
  int maxConcurrent;

  @Option(names = "--mode", defaultValue = "FIXED", description = "FIXED, PROGRESSIVE, PREDICTIVE (${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  DialerSettings.Mode mode;

  @Option(names = "--ratio", defaultValue = "1.0", description = "calls per free operator")
  double ratio;

  @Option(names = "--max-ratio", defaultValue = "3.0", description = "predictive ceiling")
  double maxRatio;

  @Option(names = "--abandon-cap", defaultValue = "0.03", description = "predictive abandon-rate cap")
  double abandonCap;

  @Option(names = "--free-operators", defaultValue = "0",
      description = "free operators for PROGRESSIVE/PREDICTIVE (a host application feeds the live count instead)")
  int freeOperators;

  @Option(names = "--ami", paramLabel = "HOST[:PORT]", description = "Asterisk manager interface")
  @Nullable String ami;

  @Option(names = "--ami-user", defaultValue = "sipring")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String amiUser;

  @Option(names = "--ami-secret", defaultValue = "${env:SIPRING_AMI_SECRET}") @Nullable String amiSecret;

  @Option(names = "--fake-pbx", paramLabel = "OUTCOME",
      description = "no Asterisk: a fake PBX that ends every call with OUTCOME (ANSWERED, BUSY, NO_ANSWER, ...)")
  @Nullable OriginateOutcome fake;

  @Option(names = "--run-for", paramLabel = "SECONDS", description = "stop after this long (default: until done)")
  @Nullable Long runFor;

  @Option(names = "--ami-wait", paramLabel = "SECONDS", defaultValue = "15",
      description = "how long to wait for the AMI login (${DEFAULT-VALUE})")
  int amiWait;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if ((ami == null) == (fake == null)) {
      return CampaignCommand.fail(spec, new BadInputException("--ami/--fake-pbx", "give exactly one of them"));
    }
    // every value is checked before Asterisk is called: a bad one is one line, not a dial run that misbehaves
    if ((retries != null && retries < 0) || redialDelay < 0 || pause < 0 || maxConcurrent < 1 || freeOperators < 0
        || (runFor != null && runFor < 0) || amiWait < 1 || !(ratio > 0 && ratio <= 100)
        || !(maxRatio > 0 && maxRatio <= 100) || !(abandonCap >= 0 && abandonCap <= 1)) {
      return CampaignCommand.fail(spec, new BadInputException("options", "--retries, --redial-delay, --pause, "
          + "--free-operators and --run-for must not be negative, --max-concurrent and --ami-wait at least 1, "
          + "--ratio and --max-ratio in (0, 100], --abandon-cap in [0, 1]"));
    }
    Clock clock = Clock.systemUTC();
    StoreOptions.Opened db;
    try {
      db = storeOptions.open();
    } catch (SipRingException e) {
      return CampaignCommand.fail(spec, e);
    }
    CampaignStore store = db.store();
    Assignment a;
    DialerSettings s;
    try {
      a = Hierarchy.require(store.campaigns(), AssignmentPath.parse(assignment));
      s = new DialerSettings(extension, context, callerId,
          retries == null ? null : RetryPolicy.guide(retries, Duration.ofSeconds(redialDelay)),
          Duration.ofSeconds(pause), maxConcurrent, mode, ratio, Math.max(ratio, maxRatio), abandonCap,
          Duration.ofSeconds(30), "Local/{number}@{context}");
    } catch (SipRingException e) {
      db.close();
      return CampaignCommand.fail(spec, e);
    } catch (IllegalArgumentException e) {
      db.close();
      return CampaignCommand.fail(spec, new BadInputException("options", String.valueOf(e.getMessage())));
    }
    try (StoreOptions.Opened closeDb = db;
        PbxGateway pbx = fake != null ? InMemoryPbxGateway.of(clock).alwaysOutcome(fake)
            // exactly one of --ami and --fake-pbx is given (checked above)
            : AmiPbxGateway.connect(AmiSettings.parse(Objects.requireNonNull(ami, "--ami"), amiUser,
                amiSecret == null ? "" : amiSecret), clock, Duration.ofSeconds(amiWait))) {
      Dialer dialer = Dialer.builder(store, pbx, a.id()).clock(clock)
          .settings(s)
          .freeOperators(() -> freeOperators).build();
      dialer.start();
      Instant end = runFor == null ? Instant.MAX : clock.instant().plusSeconds(runFor);
      int placed = 0;
      while (clock.instant().isBefore(end)) {
        placed += dialer.tick();
        if (dialer.finished()) {
          break;
        }
        Thread.sleep(200);
      }
      dialer.pause();
      long waitUntil = System.nanoTime() + Duration.ofSeconds(35).toNanos();
      while (dialer.inFlight() > 0 && System.nanoTime() < waitUntil) {
        Thread.sleep(100);
      }
      out.println("placed " + placed + " calls; in progress " + dialer.inFlight());
      out.flush();
      return 0;
    } catch (SipRingException e) {
      return CampaignCommand.fail(spec, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CampaignCommand.FAILED;
    }
  }
}
