package ru.sipring.cli.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.PinHasher;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cli.cdr.CliDatabase;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.testkit.agi.FakeAgiCall;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/**
 * {@code agi-server --db}: PINs checked against the operator registry in MariaDB, logins and logouts in its
 * login log; the fake Asterisk's AMI and the testkit FastAGI client play the PBX and the phone.
 */
class AgiServerDbTest {
  private static final String SECRET = "agi-server-test-secret-0123456789";
  private static final String PIN = "73915";

  @TempDir Path dir;
  private CliDatabase db;
  private FakeAsterisk pbx;
  private AgiServerCommand command;
  private CompletableFuture<Integer> exit;
  private int agiPort;
  private JdbiOperatorRegistry registry;

  @BeforeEach
  void setUp() throws Exception {
    db = CliDatabase.create();
    SipRingSchema.migrate(db.dataSource);
    registry = JdbiOperatorRegistry.of(db.dataSource,
        PinHasher.ofSecret(SECRET.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
    registry.setServicePassword(null, "svc");
    registry.add("501", "Петрова ЛВ", PIN, "svc");
    Path secretFile = Files.writeString(dir.resolve("pin.secret"), SECRET + "\n");

    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    try (ServerSocket probe = new ServerSocket(0)) {
      agiPort = probe.getLocalPort();
    }
    this.secretFile = secretFile;
    startServer();
  }

  private Path secretFile;

  /** Starts {@code agi-server --db} in this JVM, as a fresh process would: nothing shared but the database. */
  private void startServer(String... extra) throws Exception {
    command = new AgiServerCommand();
    List<String> args = new java.util.ArrayList<>(List.of("--db", db.url, "--db-user", CliDatabase.user(),
        "--db-password", CliDatabase.password(),
        "--pin-secret-file", secretFile.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(agiPort),
        "--pin-attempts", "1", "--lockout-after", "2",
        "--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret", "sipring-secret"));
    args.addAll(List.of(extra));
    AgiServerCommand started = command;
    exit = CompletableFuture.supplyAsync(() -> new CommandLine(started).execute(args.toArray(String[]::new)));
    assertThat(command.ready.await(30, TimeUnit.SECONDS) || exit.isDone())
        .as("agi-server came up").isTrue();
    assertThat(exit).as("agi-server is still serving").isNotDone();
  }

  private void stopServer() throws Exception {
    command.stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (command != null) {
      command.stop.countDown();
      if (exit != null) {
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
      }
    }
    if (pbx != null) {
      pbx.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private FakeAgiCall call(String device, String exten) {
    return FakeAgiCall.dialling("127.0.0.1", agiPort, "agent-login", device + "-0000001a", exten, "*45100")
        .withReadTimeout(Duration.ofSeconds(15));
  }

  private List<OperatorLoginLog.Entry> logged() {
    return registry.loginEntries(Instant.EPOCH, Instant.now().plusSeconds(60));
  }

  @Test
  void theRegistrysPinLogsInWithTheOperatorsNameAndTheSameCodeLogsOut() throws IOException {
    FakeAgiCall.Transcript in = call("PJSIP/501", "501").keying(PIN).run();
    assertThat(in.prompts()).containsExactly("agent-pass", "agent-loginok");
    assertThat(pbx.engine().member("100", "PJSIP/501")).get()
        .extracting(QueueEngine.MemberView::memberName).isEqualTo("Петрова ЛВ");
    assertThat(logged()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(OperatorLoginLog.Action.LOGIN);
      assertThat(e.operator().number()).isEqualTo("501");
      assertThat(e.operator().name()).isEqualTo("Петрова ЛВ");
      assertThat(e.queue()).isEqualTo("100");
      assertThat(e.device()).isEqualTo("PJSIP/501");
    });

    FakeAgiCall.Transcript out = call("PJSIP/501", "501").run();
    assertThat(out.prompts()).containsExactly("agent-loggedoff");
    assertThat(out.commands()).noneMatch(c -> c.startsWith("GET DATA"));
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
    assertThat(logged()).hasSize(2).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(OperatorLoginLog.Action.LOGOUT);
      assertThat(e.operator().number()).isEqualTo("501");
      assertThat(e.device()).isEqualTo("PJSIP/501");
    });
  }

  @Test
  void aWrongPinIsRefusedAndCountsTowardTheLockout() throws IOException {
    FakeAgiCall.Transcript wrong = call("PJSIP/502", "502").keying("11111").run();
    assertThat(wrong.prompts()).containsExactly("agent-pass", "vm-goodbye");
    assertThat(pbx.engine().member("100", "PJSIP/502")).isEmpty();

    // one wrong PIN is below --lockout-after 2: the right PIN still works from this device
    FakeAgiCall.Transcript right = call("PJSIP/502", "502").keying(PIN).run();
    assertThat(right.prompts()).containsExactly("agent-pass", "agent-loginok");
    call("PJSIP/502", "502").run(); // log out again

    call("PJSIP/503", "503").keying("22222").run();
    call("PJSIP/503", "503").keying("33333").run();
    // the second wrong PIN locked the device: even the registry's right PIN is not asked for
    FakeAgiCall.Transcript locked = call("PJSIP/503", "503").keying(PIN).run();
    assertThat(locked.prompts()).containsExactly("vm-goodbye");
    assertThat(pbx.engine().member("100", "PJSIP/503")).isEmpty();
    assertThat(logged()).extracting(OperatorLoginLog.Entry::device).containsOnly("PJSIP/502");
  }

  @Test
  void theOverallWrongPinBudgetIsKeptInTheDatabaseAcrossARestart() throws Exception {
    stopServer();
    startServer("--failure-budget", "2");
    // two made-up devices, one wrong PIN each: below --lockout-after 2 per device, but the overall budget is spent
    assertThat(call("PJSIP/601", "601").keying("90817").run().prompts()).containsExactly("agent-pass", "vm-goodbye");
    assertThat(call("PJSIP/602", "602").keying("90818").run().prompts()).containsExactly("agent-pass", "vm-goodbye");
    assertThat(call("PJSIP/501", "501").keying(PIN).run().prompts()).containsExactly("vm-goodbye");

    // a restart (new command, new pool, new ledger object) reads the lock back from the registry database
    stopServer();
    startServer("--failure-budget", "2");
    assertThat(call("PJSIP/501", "501").keying(PIN).run().prompts()).containsExactly("vm-goodbye");
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
    assertThat(logged()).isEmpty();
  }
}
