package ru.sipring.cli.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cli.SipRingCli;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

/** Hostile values on the command line and from Asterisk: nothing smuggled to AMI, nothing drives the terminal. */
class AmiCommandsSecurityTest {
  private static final String SMUGGLED = "\r\n\r\nAction: Command\r\nCommand: core stop now";
  private FakeAsterisk pbx;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream realOut;
  private PrintStream realErr;

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    realOut = System.out;
    realErr = System.err;
  }

  @AfterEach
  void tearDown() {
    System.setOut(realOut);
    System.setErr(realErr);
    pbx.close();
  }

  private int run(List<String> ami, String... args) {
    out.reset();
    err.reset();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(ami);
    try {
      return SipRingCli.commandLine().execute(all.toArray(String[]::new));
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
  }

  private int run(String... args) {
    return run(List.of("--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret", "sipring-secret"),
        args);
  }

  @Test
  void agentsWithAControlCharacterInAnyValueExitNonZeroWithOneLineAndSendNothing() {
    List<String[]> attacks = List.of(
        new String[] {"agents", "pause", "--interface", "PJSIP/501", "--reason", "lunch" + SMUGGLED},
        new String[] {"agents", "pause", "--interface", "PJSIP/501\n", "--queue", "100"},
        new String[] {"agents", "unpause", "--interface", "PJSIP/501", "--queue", "100\r"},
        new String[] {"agents", "add", "--queue", "100", "--interface", "PJSIP/501", "--name", "Петрова" + SMUGGLED},
        new String[] {"agents", "add", "--queue", "100", "--interface", "PJSIP/501", "--state-interface", "hint:\0"},
        new String[] {"agents", "add", "--queue", "100", "--interface", "PJSIP/501", "--name", "\u001b]0;x\u0007"},
        new String[] {"agents", "remove", "--queue", "100" + SMUGGLED, "--interface", "PJSIP/501"});
    for (String[] attack : attacks) {
      assertThat(run(attack)).as(String.join(" ", attack)).isNotZero();
      List<String> message = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("control character"))
          .toList();
      assertThat(message).as(String.join(" ", attack)).singleElement().asString().startsWith("AMI Queue");
      assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("core stop", "\u001b");
    }
    Set<String> memberActions = Set.of("queueadd", "queueremove", "queuepause", "command");
    assertThat(pbx.actionsSeen()).noneMatch(a -> memberActions.contains(a.action())
        && !"core show version".equals(a.get("Command")));
    assertThat(pbx.engine().member("100", "PJSIP/501")).isEmpty();
  }

  @Test
  void liveShowsEscapeSequencesInCallerIdsAndNamesEscaped() {
    pbx.engine().addMember("100", "PJSIP/501", "Pe\u001b[8mtrova", 0, true, "lunch\u009b2J", null, "MANAGER");
    // an AMI header line cannot carry CR/LF (TerminalTextTest covers those); ESC, BEL and C1 travel inside one
    pbx.engine().join("100", "495\u001b]0;pwned\u0007\u001b[31m1234567\u001b[2J", "Ivanov");
    assertThat(run("live", "--once")).isZero();
    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("495\\x1b]0;pwned\\x07\\x1b[31m1234567\\x1b[2J", "Pe\\x1b[8mtrova",
        "lunch\\u009b2J");
    assertThat(shown.chars()).noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == '\r');
  }

  @Test
  void theAmiSecretComesFromAFileOrTheEnvironmentNotOnlyTheCommandLine(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("ami.secret"), "sipring-secret\n");
    assertThat(run(List.of("--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret-file",
        secret.toString()), "agents", "add", "--queue", "100", "--interface", "PJSIP/501")).isZero();
    assertThat(pbx.engine().member("100", "PJSIP/501")).isPresent();
    assertThat(run(List.of("--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret-file",
        dir.resolve("missing").toString()), "agents", "remove", "--queue", "100", "--interface", "PJSIP/501"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--ami-secret-file: cannot read");
  }
}
