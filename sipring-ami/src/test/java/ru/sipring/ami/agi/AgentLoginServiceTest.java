package ru.sipring.ami.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.testkit.agi.FakeAgiCall;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/** *45 login through the real asterisk-java FastAGI server and AMI client, against the fakes. */
class AgentLoginServiceTest {
  private static final String PIN_PETROVA = "73915";
  private static final String PIN_SIDOROV = "48262";

  private FakeAsterisk pbx;
  private QueueLogWriter queueLog;
  private AmiPbxGateway gw;
  private AgentLoginService service;
  private final List<OperatorLoginLog.Entry> logins = new CopyOnWriteArrayList<>();
  private final OperatorAuthenticator auth = pin -> Optional.ofNullable(Map.of(
      PIN_PETROVA, new Operator("501", "Petrova LV"), PIN_SIDOROV, new Operator("502", "Sidorov AA")).get(pin));
  private int agiPort;

  @BeforeEach
  void setUp() throws IOException {
    queueLog = QueueLogWriter.inMemory();
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), queueLog);
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    pbx.engine().createQueue("200", QueueEngine.Strategy.RRMEMORY);
    gw = AmiPbxGateway.connect(AmiSettings.of("127.0.0.1", pbx.port(), "sipring", "sipring-secret"),
        Clock.systemUTC(), Duration.ofSeconds(20));
  }

  private void startService(AgentLoginSettings settings) throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      agiPort = probe.getLocalPort();
    }
    service = AgentLoginService.start(settings.withBind(InetAddress.getLoopbackAddress(), agiPort), gw, auth,
        logins::add, AgentDirectory.empty(), Clock.systemUTC());
  }

  private FakeAgiCall call(String device, String exten, String dialled) {
    return FakeAgiCall.dialling("127.0.0.1", agiPort, "agent-login", device + "-0000001a", exten, dialled)
        .withReadTimeout(Duration.ofSeconds(15));
  }

  @AfterEach
  void tearDown() {
    if (service != null) {
      service.close();
    }
    gw.close();
    pbx.close();
  }

  @Test
  void pinLogsInAndTheSameCodeLogsOutWithoutPin() throws IOException {
    startService(AgentLoginSettings.defaults());
    FakeAgiCall.Transcript in = call("PJSIP/501", "501", "*45100").keying(PIN_PETROVA).run();
    assertThat(in.prompts()).containsExactly("agent-pass", "agent-loginok");
    assertThat(pbx.engine().member("100", "PJSIP/501")).get()
        .extracting(QueueEngine.MemberView::memberName).isEqualTo("Petrova LV");
    assertThat(logins).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(OperatorLoginLog.Action.LOGIN);
      assertThat(e.operator().name()).isEqualTo("Petrova LV");
      assertThat(e.queue()).isEqualTo("100");
      assertThat(e.device()).isEqualTo("PJSIP/501");
      assertThat(e.by()).isEqualTo("agi");
    });

    FakeAgiCall.Transcript out = call("PJSIP/501", "501", "*45100").run();
    assertThat(out.prompts()).containsExactly("agent-loggedoff");
    assertThat(out.commands()).noneMatch(c -> c.startsWith("GET DATA"));
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
    assertThat(logins).hasSize(2).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(OperatorLoginLog.Action.LOGOUT);
      assertThat(e.operator().name()).isEqualTo("Petrova LV");
    });
    assertThat(queueLog.lines()).anyMatch(l -> l.endsWith("|MANAGER|100|PJSIP/501|ADDMEMBER|"))
        .anyMatch(l -> l.endsWith("|MANAGER|100|PJSIP/501|REMOVEMEMBER|"));
  }

  @Test
  void oneOperatorCanBeInSeveralQueuesAndTheQueueMayComeAsArgument() throws IOException {
    startService(AgentLoginSettings.defaults());
    call("PJSIP/501", "501", "*45100").keying(PIN_PETROVA).run();
    FakeAgiCall.Transcript t = call("PJSIP/501", "501", "s").withArgs("200").keying(PIN_PETROVA).run();
    assertThat(t.prompts()).containsExactly("agent-pass", "agent-loginok");
    assertThat(pbx.engine().queuesOf("PJSIP/501")).containsExactly("100", "200");
  }

  @Test
  void aWrongPinIsRetriedThenAccepted() throws IOException {
    startService(AgentLoginSettings.defaults());
    FakeAgiCall.Transcript t = call("PJSIP/502", "502", "*45100").keying("11111", PIN_SIDOROV).run();
    assertThat(t.prompts()).containsExactly("agent-pass", "agent-incorrect", "agent-loginok");
    assertThat(pbx.engine().member("100", "PJSIP/502")).get()
        .extracting(QueueEngine.MemberView::memberName).isEqualTo("Sidorov AA");
  }

  @Test
  void wrongPinsLockTheDeviceOutAndNoPinIsEverLogged() throws IOException {
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      startService(AgentLoginSettings.defaults().withPin(Duration.ofSeconds(5), 3, 3, Duration.ofMinutes(15)));
      FakeAgiCall.Transcript first = call("PJSIP/503", "503", "*45100").keying("90817", "90818", "90819").run();
      assertThat(first.prompts()).containsExactly("agent-pass", "agent-incorrect", "agent-incorrect", "vm-goodbye");

      // locked: even the right PIN is not asked for
      FakeAgiCall.Transcript second = call("PJSIP/503", "503", "*45100").keying(PIN_PETROVA).run();
      assertThat(second.prompts()).containsExactly("vm-goodbye");
      assertThat(pbx.engine().member("100", "PJSIP/503")).isEmpty();

      // another device is not affected
      FakeAgiCall.Transcript other = call("PJSIP/501", "501", "*45100").keying(PIN_PETROVA).run();
      assertThat(other.prompts()).endsWith("agent-loginok");
    } finally {
      System.setErr(realErr);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("wrong PIN from PJSIP/503");
    assertThat(log).doesNotContain("90817", "90818", "90819", PIN_PETROVA);
    assertThat(queueLog.lines()).noneMatch(l -> l.contains("90817") || l.contains(PIN_PETROVA));
  }

  @Test
  void timeoutsWithoutDigitsEndTheCallWithoutCountingAsWrongPins() throws IOException {
    startService(AgentLoginSettings.defaults().withPin(Duration.ofSeconds(5), 3, 1, Duration.ofMinutes(15)));
    FakeAgiCall.Transcript t = call("PJSIP/504", "504", "*45100").keying("", "", "").run();
    assertThat(t.prompts()).containsExactly("agent-pass", "agent-incorrect", "agent-incorrect", "vm-goodbye");
    // lockoutAfter is 1: had a timeout counted as a wrong PIN, this call would be refused
    FakeAgiCall.Transcript again = call("PJSIP/504", "504", "*45100").keying(PIN_SIDOROV).run();
    assertThat(again.prompts()).endsWith("agent-loginok");
  }

  @Test
  void hangingUpDuringPinEntryChangesNothing() throws IOException {
    startService(AgentLoginSettings.defaults());
    FakeAgiCall.Transcript t = call("PJSIP/505", "505", "*45100").hangingUpAtPrompt(1).run();
    assertThat(t.hungUp()).isTrue();
    assertThat(t.commands()).filteredOn(c -> c.startsWith("GET DATA")).hasSize(1);
    assertThat(pbx.engine().member("100", "PJSIP/505")).isEmpty();
    assertThat(logins).isEmpty();
  }

  @Test
  void freePbxStyleMembersGetALocalInterfaceAndAHintStateInterface() throws IOException {
    startService(AgentLoginSettings.defaults().withFreePbxInterfaces());
    call("PJSIP/501", "501", "*45100").keying(PIN_PETROVA).run();
    assertThat(pbx.engine().member("100", "Local/501@from-queue/n")).get().satisfies(m -> {
      assertThat(m.stateInterface()).isEqualTo("hint:501@ext-local");
      assertThat(m.memberName()).isEqualTo("Petrova LV");
    });
  }

  @Test
  void anUnknownScriptNameIsNotServed() throws IOException {
    startService(AgentLoginSettings.defaults());
    FakeAgiCall.Transcript t = FakeAgiCall.dialling("127.0.0.1", agiPort, "java.lang.Runtime", "PJSIP/501-1", "501",
        "*45100").withReadTimeout(Duration.ofSeconds(15)).run();
    assertThat(t.commands()).noneMatch(c -> c.startsWith("GET DATA") || c.startsWith("ANSWER"));
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
  }

  @Test
  void dialplanSnippetPointsAtTheServiceAndWarnsAboutFreePbxsFeatureCode() {
    String s = DialplanSnippet.freePbx("10.0.0.5", 4573, AgentLoginSettings.defaults());
    assertThat(s).contains("[from-internal-custom]", "include => sipring-agent-login",
        "exten => _*45X.,1,", "AGI(agi://10.0.0.5:4573/agent-login,${EXTEN:3})", "Queue Toggle");
  }
}
