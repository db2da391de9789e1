package ru.sipring.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.time.Eventually;

/**
 * CR/LF in any value the gateway puts into an AMI header would end the header and start a second action of the
 * attacker's choosing. The fake Asterisk records every action it parses: none may arrive for a hostile value.
 */
class AmiActionSmugglingTest {
  private static final String SMUGGLED = "\r\n\r\nAction: Command\r\nCommand: core stop now";

  private FakeAsterisk pbx;
  private AmiPbxGateway gw;

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start();
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    gw = AmiPbxGateway.connect(AmiSettings.of("127.0.0.1", pbx.port(), "sipring", "sipring-secret"),
        Clock.systemUTC(), Duration.ofSeconds(20));
  }

  @AfterEach
  void tearDown() {
    gw.close();
    pbx.close();
  }

  @Test
  void theFakeWouldSeeASmuggledActionIfTheBytesReachedIt() throws Exception {
    // the control experiment: written raw, as asterisk-java would write an unchecked value, the reason becomes
    // a Command action of its own; this is what the gateway's guard must prevent
    try (Socket s = new Socket("127.0.0.1", pbx.port())) {
      OutputStream out = s.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      in.readLine(); // banner
      out.write(("Action: Login\r\nUsername: sipring\r\nSecret: sipring-secret\r\n\r\n"
          + "Action: QueuePause\r\nInterface: PJSIP/501\r\nPaused: true\r\nReason: lunch" + SMUGGLED + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(commands()).contains("core stop now"));
    }
  }

  @Test
  void everyMemberValueWithAControlCharacterIsRefusedAndNothingIsSent() {
    List<Executable> attacks = List.of(
        () -> gw.setPaused("PJSIP/501", null, true, "lunch" + SMUGGLED),
        () -> gw.setPaused("PJSIP/501", "100", false, "x\nAction: Originate"),
        () -> gw.setPaused("PJSIP/501" + SMUGGLED, "100", true, "обед"),
        () -> gw.setPaused("PJSIP/501", "100" + SMUGGLED, true, null),
        () -> gw.addMember(new QueueMember("100", "PJSIP/501", "Петрова" + SMUGGLED, 0, false)),
        () -> gw.addMember(new QueueMember("100", "PJSIP/501\r", "Петрова", 0, false)),
        () -> gw.addMember(new QueueMember("100", "PJSIP/501", "Петрова", 0, false), "hint:501\n@ext-local"),
        () -> gw.addMember(new QueueMember("100", "PJSIP/501", "nul\0name", 0, false)),
        () -> gw.addMember(new QueueMember("100", "PJSIP/501", "esc\u001b[31m", 0, false)),
        () -> gw.removeMember("100" + SMUGGLED, "PJSIP/501"),
        () -> gw.removeMember("100", "PJSIP/501\u0085"),
        () -> gw.memberName("100", "PJSIP/501" + SMUGGLED));
    long before = pbx.actionsSeen().size();
    for (Executable attack : attacks) {
      assertThatThrownBy(attack::execute).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("AMI ")
          .hasMessageContaining("control character")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\0", "\u001b"));
    }
    assertThat(pbx.actionsSeen()).hasSize((int) before);
    assertThat(commands()).doesNotContain("core stop now");
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
  }

  @Test
  void originateCallerIdAndVariablesAreChecked() {
    Map<String, String> evilValue = new LinkedHashMap<>();
    evilValue.put("SIPRING_ATTEMPT", "42\r\n\r\nAction: Originate\r\nChannel: Local/1@x\r\nApplication: System\r\n"
        + "Data: rm -rf /");
    Map<String, String> evilKey = Map.of("A\r\nApplication: System", "1");
    List<OriginateRequest> attacks = List.of(
        new OriginateRequest("PJSIP/trunk/79160000000", "from-internal", "700", "\"Sales\" <4950000000>" + SMUGGLED,
            Duration.ofSeconds(30), Map.of(), "t1"),
        new OriginateRequest("PJSIP/trunk/79160000000", "from-internal", "700", "Sales", Duration.ofSeconds(30),
            evilValue, "t2"),
        new OriginateRequest("PJSIP/trunk/79160000000", "from-internal", "700", "Sales", Duration.ofSeconds(30),
            evilKey, "t3"),
        new OriginateRequest("PJSIP/trunk/7916\n0000000", "from-internal", "700", "Sales", Duration.ofSeconds(30),
            Map.of(), "t4"),
        new OriginateRequest("PJSIP/trunk/79160000000", "from-internal\r", "700", "Sales", Duration.ofSeconds(30),
            Map.of(), "t5"));
    long before = pbx.actionsSeen().size();
    for (OriginateRequest r : attacks) {
      assertThatThrownBy(() -> gw.originate(r)).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("AMI Originate ");
    }
    assertThat(pbx.actionsSeen()).hasSize((int) before);
    assertThat(pbx.originates()).isEmpty();
  }

  @Test
  void cleanValuesStillGoThroughUnchanged() {
    gw.addMember(new QueueMember("100", "PJSIP/501", "Петрова ЛВ", 0, false), "hint:501@ext-local");
    gw.setPaused("PJSIP/501", "100", true, "обед");
    assertThat(pbx.engine().member("100", "PJSIP/501")).get().satisfies(m -> {
      assertThat(m.memberName()).isEqualTo("Петрова ЛВ");
      assertThat(m.paused()).isTrue();
    });
  }

  private List<String> commands() {
    return pbx.actionsSeen().stream().filter(a -> "command".equals(a.action()))
        .map(a -> a.get("Command", "")).toList();
  }

}
