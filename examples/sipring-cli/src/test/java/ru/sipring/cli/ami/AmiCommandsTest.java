package ru.sipring.cli.ami;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cli.SipRingCli;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;

class AmiCommandsTest {
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

  private int run(String... args) {
    out.reset();
    err.reset();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret", "sipring-secret"));
    try {
      return SipRingCli.commandLine().execute(all.toArray(String[]::new));
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
  }

  @Test
  void agentsCommandsExitZeroOnSuccessAndNonZeroWithAsterisksMessage() {
    assertThat(run("agents", "add", "--queue", "100", "--interface", "PJSIP/501", "--name", "Petrova",
        "--penalty", "1", "--paused")).isZero();
    assertThat(pbx.engine().member("100", "PJSIP/501")).get().satisfies(m -> {
      assertThat(m.memberName()).isEqualTo("Petrova");
      assertThat(m.penalty()).isEqualTo(1);
      assertThat(m.paused()).isTrue();
    });
    assertThat(run("agents", "add", "--queue", "100", "--interface", "PJSIP/501")).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unable to add interface: Already there");

    assertThat(run("agents", "unpause", "--interface", "PJSIP/501", "--queue", "100")).isZero();
    assertThat(run("agents", "pause", "--interface", "PJSIP/501", "--reason", "lunch")).isZero();
    assertThat(pbx.engine().member("100", "PJSIP/501").orElseThrow().pausedReason()).isEqualTo("lunch");
    assertThat(run("agents", "pause", "--interface", "PJSIP/999")).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Interface not found");

    assertThat(run("agents", "remove", "--queue", "100", "--interface", "PJSIP/501")).isZero();
    assertThat(run("agents", "remove", "--queue", "100", "--interface", "PJSIP/501")).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unable to remove interface: Not there");
  }

  @Test
  void liveOnceJsonHasTheContractShape() throws Exception {
    pbx.engine().addMember("100", "PJSIP/501", "Petrova", 0, true, "lunch", null, "MANAGER");
    pbx.engine().join("100", "4951234567", "Ivanov");
    assertThat(run("live", "--once", "--format", "json")).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(names(root)).containsExactly("stale", "queues");
    assertThat(root.get("stale").asBoolean()).isFalse();
    JsonNode q = root.get("queues").get(0);
    assertThat(names(q)).containsExactly("queue", "callers", "members");
    assertThat(q.get("queue").asText()).isEqualTo("100");
    JsonNode c = q.get("callers").get(0);
    assertThat(names(c)).containsExactly("position", "callerId", "waitSeconds");
    assertThat(c.get("position").asInt()).isEqualTo(1);
    assertThat(c.get("callerId").asText()).isEqualTo("4951234567");
    assertThat(c.get("waitSeconds").isIntegralNumber()).isTrue();
    JsonNode m = q.get("members").get(0);
    assertThat(names(m)).containsExactly("interface", "name", "state", "paused", "pausedReason");
    assertThat(m.get("interface").asText()).isEqualTo("PJSIP/501");
    assertThat(m.get("name").asText()).isEqualTo("Petrova");
    assertThat(m.get("state").asText()).isEqualTo("paused");
    assertThat(m.get("paused").isBoolean()).isTrue();
    assertThat(m.get("pausedReason").asText()).isEqualTo("lunch");
  }

  @Test
  void liveOnceTextShowsTheWallboard() {
    pbx.engine().addMember("100", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    assertThat(run("live", "--once")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Queue 100", "PJSIP/501", "Petrova", "idle");
  }

  @Test
  void aWrongSecretIsReportedNotHung() {
    out.reset();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = SipRingCli.commandLine().execute("agents", "remove", "--queue", "100", "--interface", "x",
          "--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret", "bad", "--ami-wait", "2");
    } finally {
      System.setErr(realErr);
    }
    assertThat(code).isNotZero();
    // a refused login is permanent: one line at once, no retries (fail2ban would ban the host)
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused the login of 'sipring'")
        .doesNotContain("\tat ");
  }

  @Test
  void demoWritesAQueueLogAndASummary(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("queue_log");
    out.reset();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = SipRingCli.commandLine().execute("demo", "--date", "2026-03-02", "--seed", "11", "--agents", "6",
          "--queue-log", log.toString());
    } finally {
      System.setOut(realOut);
    }
    assertThat(code).isZero();
    assertThat(Files.readAllLines(log)).first().asString().endsWith("|QUEUESTART|");
    assertThat(Files.readAllLines(log)).anyMatch(l -> l.contains("|CONNECT|"));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("seed 11", "6000", "6001", "SL20");
  }

  @Test
  void agiServerNeedsExactlyOneOperatorDirectory(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("operators.properties"), "");
    assertThat(run("agi-server", "--db", "jdbc:mariadb://127.0.0.1:1/none", "--operators", file.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("either --db or --operators");
    assertThat(run("agi-server")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db JDBC_URL or --operators FILE");
  }

  @Test
  void dialplanIsPrintedWithoutAsterisk() {
    out.reset();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(SipRingCli.commandLine().execute("agi-server", "--print-dialplan", "10.0.0.5")).isZero();
    } finally {
      System.setOut(realOut);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("AGI(agi://10.0.0.5:4573/agent-login");
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
