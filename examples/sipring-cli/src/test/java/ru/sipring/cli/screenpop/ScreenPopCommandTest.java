package ru.sipring.cli.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/** {@code sipring screen-pop} against the fake Asterisk: JSON lines for answered calls, then exit at --count. */
class ScreenPopCommandTest {
  @TempDir
  Path tmp;

  private FakeAsterisk pbx;

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    pbx.engine().createQueue("6002", QueueEngine.Strategy.RRMEMORY);
    pbx.engine().addMember("6000", "PJSIP/501", "Petrova LV", 0, false, null, null, "MANAGER");
    pbx.engine().addMember("6002", "PJSIP/502", "Ivanov VA", 0, false, null, null, "MANAGER");
  }

  @AfterEach
  void tearDown() {
    pbx.close();
  }

  record Run(int exit, String out, String err) {}

  /** stderr of the running command, readable while it runs (StringWriter is synchronized). */
  private final StringWriter err = new StringWriter();

  private CompletableFuture<Run> start(String... args) {
    return CompletableFuture.supplyAsync(() -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CommandLine cli = new CommandLine(new ScreenPopCommand(out));
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    });
  }

  private void answer(String queue, String caller, String member) {
    String id = pbx.engine().join(queue, caller, "");
    pbx.engine().offer(id);
    pbx.engine().connect(id, member);
    pbx.engine().complete(id, true);
  }

  @Test
  void printsOneJsonLinePerAnsweredCallAndStopsAtCount() throws Exception {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    long task = store.campaigns().createTask(store.campaigns().createProject("Автокредит").id(), "Весна").id();
    Assignment a = store.campaigns().createAssignment(task, "База 1", AssignmentSettings.defaults(ZoneId.of("UTC")));
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "8 916 000-00-01",
        Map.of(ContactField.FULL_NAME, "Иванов Иван"), Map.of())));
    // an old JSON store in the directory: the first open moves it into the embedded database there
    store.save(tmp.resolve("campaign.json"));
    Path agents = Files.writeString(tmp.resolve("agents.csv"), "agent,number,name\nPJSIP/501,501,Петрова ЛВ\n");

    CompletableFuture<Run> run = start("--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring",
        "--ami-secret", "sipring-secret", "--agents", agents.toString(), "--store", tmp.toString(),
        "--survey", "6000=../surveys/car-loan.json", "--count", "2");
    // "listening" is printed once the AMI login is accepted, and events flow from then on
    Eventually.until(Duration.ofSeconds(10), "screen-pop listening", () -> err.toString().contains("listening"));
    answer("6000", "+7 916 000-00-01", "PJSIP/501");
    answer("6002", "84950000009", "PJSIP/502");
    Run r = run.get(20, TimeUnit.SECONDS);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("listening to AMI 127.0.0.1:" + pbx.port()).contains("1 client number(s)")
        .contains("surveys for 6000").doesNotContain("sipring-secret");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    assertThat(first.get("queue").asText()).isEqualTo("6000");
    assertThat(first.get("operator").asText()).isEqualTo("501");
    assertThat(first.get("client").asText()).isEqualTo("79160000001");
    assertThat(first.get("card").get("name").asText()).isEqualTo("Иванов Иван");
    assertThat(first.get("card").get("details").get("Задание").asText()).isEqualTo("База 1");
    assertThat(first.get("survey").get("id").asText()).isEqualTo("car-loan");
    assertThat(first.get("survey").get("version").asInt()).isEqualTo(1);
    JsonNode second = mapper.readTree(lines.get(1));
    assertThat(second.get("queue").asText()).isEqualTo("6002");
    assertThat(second.get("operator").asText()).isEqualTo("Ivanov VA");
    assertThat(second.get("card").isNull()).isTrue();
    assertThat(second.get("survey").isNull()).isTrue();
  }

  @Test
  void aWrongSecretIsExitOneAndAMissingAmiIsExitTwo() throws Exception {
    Path storeFile = tmp.resolve("empty");
    Run wrong = start("--ami", "127.0.0.1:" + pbx.port(), "--ami-user", "sipring", "--ami-secret", "nope",
        "--store", storeFile.toString()).get(20, TimeUnit.SECONDS);
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).startsWith("sipring screen-pop: ").contains("127.0.0.1:" + pbx.port()).doesNotContain("nope");

    err.getBuffer().setLength(0);
    Run missing = start("--ami", "", "--store", storeFile.toString()).get(20, TimeUnit.SECONDS);
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--ami");
  }
}
