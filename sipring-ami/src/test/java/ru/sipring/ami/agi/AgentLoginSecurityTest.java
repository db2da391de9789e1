package ru.sipring.ami.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.BadInputException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.LoginFailureLedger;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.testkit.agi.FakeAgiCall;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.time.Eventually;

/** Attacks on the *45 FastAGI port: strangers, idle and garbage connections, PIN guessing with made-up devices. */
class AgentLoginSecurityTest {
  private static final String PIN = "73915";

  private FakeAsterisk pbx;
  private AmiPbxGateway gw;
  private AgentLoginService service;
  private final List<OperatorLoginLog.Entry> logins = new CopyOnWriteArrayList<>();
  private final OperatorAuthenticator auth = pin -> Optional.ofNullable(
      Map.of(PIN, new Operator("501", "Petrova LV")).get(pin));

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start();
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    gw = AmiPbxGateway.connect(AmiSettings.of("127.0.0.1", pbx.port(), "sipring", "sipring-secret"),
        Clock.systemUTC(), Duration.ofSeconds(20));
  }

  @AfterEach
  void tearDown() {
    if (service != null) {
      service.close();
    }
    gw.close();
    pbx.close();
  }

  private AgentLoginService start(AgentLoginSettings settings, LoginFailureLedger ledger) {
    return AgentLoginService.start(settings.withBind(InetAddress.getLoopbackAddress(), 0), gw, auth, logins::add,
        AgentDirectory.empty(), ledger, Clock.systemUTC());
  }

  private FakeAgiCall call(String device, String exten) {
    return FakeAgiCall.dialling("127.0.0.1", service.port(), "agent-login", device + "-0000001a", exten, "*45100")
        .withReadTimeout(Duration.ofSeconds(15));
  }

  @Test
  void aPeerOutsideTheAllowListIsClosedUnservedAndCannotLogAnyoneOut() {
    pbx.engine().addMember("100", "PJSIP/501", "Petrova LV", 0, false, null, null, "MANAGER");
    service = start(AgentLoginSettings.defaults().withAllow(PeerAllowList.parse("10.9.9.0/24,fd00::5")),
        LoginFailureLedger.inMemory());
    List<String> commands;
    try {
      commands = call("PJSIP/501", "501").run().commands();
    } catch (UncheckedIOException closedWhileWriting) {
      commands = List.of();
    }
    assertThat(commands).isEmpty();
    Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(service.refusedConnections()).isEqualTo(1));
    assertThat(pbx.engine().member("100", "PJSIP/501")).isPresent(); // the toggle did not log the agent out
    assertThat(logins).isEmpty();
  }

  @Test
  void theDefaultServesLoopbackOnly() {
    PeerAllowList list = AgentLoginSettings.defaults().allow();
    assertThat(list.allows(InetAddress.getLoopbackAddress())).isTrue();
    assertThat(list.allows(address("127.0.0.2"))).isTrue();
    assertThat(list.allows(address("::1"))).isTrue();
    assertThat(list.allows(address("10.0.0.5"))).isFalse();
    assertThat(list.allows(address("192.168.1.10"))).isFalse();
    PeerAllowList wide = PeerAllowList.parse("10.0.0.5, 192.168.10.0/23");
    assertThat(wide.allows(address("10.0.0.5"))).isTrue();
    assertThat(wide.allows(address("10.0.0.6"))).isFalse();
    assertThat(wide.allows(address("192.168.11.200"))).isTrue();
    assertThat(wide.allows(address("192.168.12.1"))).isFalse();
    assertThat(wide.allows(address("::ffff:10.0.0.5"))).isTrue();
    assertThatThrownBy(() -> PeerAllowList.parse("pbx.example.org")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--allow: ");
    assertThatThrownBy(() -> PeerAllowList.parse("10.0.0.0/33")).isInstanceOf(BadInputException.class);
  }

  @Test
  void idleAndGarbageConnectionsGetOneWarnLineEachAndNoStackTrace() throws Exception {
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      service = start(AgentLoginSettings.defaults().withHeaderTimeout(Duration.ofMillis(300)),
          LoginFailureLedger.inMemory());
      // idle: connects and says nothing
      try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
        assertThat(readToEnd(idle.getInputStream())).isEmpty(); // closed by the server after the header timeout
      }
      // garbage: an HTTP request, and a connection that closes at once
      for (String junk : new String[] {"GET / HTTP/1.0\r\nHost: x\r\n\r\n", ""}) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
          s.getOutputStream().write(junk.getBytes(StandardCharsets.US_ASCII));
          s.shutdownOutput();
          assertThat(readToEnd(s.getInputStream())).isEmpty();
        }
      }
      Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(service.notAgiConnections()).isEqualTo(3));
      // the service still serves a real call afterwards
      assertThat(call("PJSIP/501", "501").keying(PIN).run().prompts()).endsWith("agent-loginok");
    } finally {
      System.setErr(realErr);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("FastAGI connection from 127.0.0.1 closed: sent no complete AGI header within");
    assertThat(log).doesNotContain("Exception", "\tat ", "GET /");
    // rate-limited: three bad connections within the minute, one WARN line
    assertThat(log.lines().filter(l -> l.contains("FastAGI connection from"))).hasSize(1);
  }

  @Test
  void wrongPinsFromManyMadeUpDevicesSpendOneBudgetThatLocksEveryLogin() {
    LoginFailureLedger ledger = LoginFailureLedger.inMemory();
    AgentLoginSettings settings = AgentLoginSettings.defaults()
        .withPin(Duration.ofSeconds(5), 1, 5, Duration.ofMinutes(15))
        .withFailureBudget(4, Duration.ofMinutes(10), Duration.ofMinutes(15));
    service = start(settings, ledger);
    for (int d = 0; d < 4; d++) {
      // each device has one wrong PIN only: far below its own limit of 5
      assertThat(call("PJSIP/6" + d, "6" + d).keying("9090" + d).run().prompts())
          .containsExactly("agent-pass", "vm-goodbye");
    }
    // the budget is spent: a fresh device with the right PIN is not even asked
    assertThat(call("PJSIP/501", "501").keying(PIN).run().prompts()).containsExactly("vm-goodbye");
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
    assertThat(ledger.lockedUntil()).isPresent();

    // a restart of the login server on the same ledger keeps the lock
    service.close();
    service = start(settings, ledger);
    assertThat(call("PJSIP/501", "501").keying(PIN).run().prompts()).containsExactly("vm-goodbye");
  }

  @Test
  void aPerDeviceLockoutSurvivesARestartOnTheSameLedger() {
    LoginFailureLedger ledger = LoginFailureLedger.inMemory();
    AgentLoginSettings settings = AgentLoginSettings.defaults().withPin(Duration.ofSeconds(5), 2, 2,
        Duration.ofMinutes(15));
    service = start(settings, ledger);
    assertThat(call("PJSIP/503", "503").keying("11111", "22222").run().prompts())
        .containsExactly("agent-pass", "agent-incorrect", "vm-goodbye");
    service.close();
    service = start(settings, ledger);
    assertThat(call("PJSIP/503", "503").keying(PIN).run().prompts()).containsExactly("vm-goodbye");
    assertThat(call("PJSIP/501", "501").keying(PIN).run().prompts()).endsWith("agent-loginok");
  }

  @Test
  void aCallerIdWithLineBreaksCannotForgeLogLinesNorReachAmi() {
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    long actionsBefore;
    try {
      service = start(AgentLoginSettings.defaults(), LoginFailureLedger.inMemory());
      actionsBefore = pbx.actionsSeen().size();
      // the AGI header is line-framed, so a raw CR is what can still get through inside one value
      FakeAgiCall.Transcript t = FakeAgiCall.dialling("127.0.0.1", service.port(), "agent-login",
          "PJSIP/501\r[main] INFO forged-0000001a", "501", "*45100").withReadTimeout(Duration.ofSeconds(15)).run();
      assertThat(t.prompts()).containsExactly("an-error-has-occured");
    } finally {
      System.setErr(realErr);
    }
    assertThat(pbx.actionsSeen()).hasSize((int) actionsBefore);
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("PJSIP/501\\r[main] INFO forged").doesNotContain("PJSIP/501\r");
  }

  private static String readToEnd(InputStream in) throws java.io.IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
