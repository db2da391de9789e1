package ru.sipring.cli.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.cli.SipRingCli;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.Option;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.Question;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.SurveyRun;

/** {@code sipring survey report}: the analysis of responses stored in MariaDB, in all four formats. */
class SurveyReportCommandTest {
  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
  private static TestDatabase db;

  /**
   * 12 responses of version 1: i % 3 == 0 on queue support, the rest on sales; "no" when i % 4 == 0; the
   * text question answered by even i, skipped by odd i. One test run that must not count.
   */
  @BeforeAll
  static void fill() {
    db = TestDatabase.create("surveycli");
    SipRingSchema.migrate(db.dataSource());
    Scenario s = Scenario.of("nps", "NPS", "score",
        Question.single("score", "Порекомендуете нас?", "why", Option.of("yes", "Да"), Option.of("no", "Нет")),
        Question.text("why", "Почему?", null));
    JdbiScenarioRepository scenarios = JdbiScenarioRepository.of(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
    PublishedScenario p = new PublishedScenario(s, 1, T0);
    scenarios.addVersion(p);
    JdbiResponseRepository responses = JdbiResponseRepository.of(db.dataSource());
    for (int i = 0; i < 13; i++) {
      Clock at = Clock.fixed(T0.plus(Duration.ofHours(i)), ZoneOffset.UTC);
      SurveyRun run = SurveyRun.start(p, CallContext.of("c" + i, i % 3 == 0 ? "support" : "sales", "10" + (i % 2),
          ""), i == 12, at, responses::save);
      run.answerSingle(i % 4 == 0 ? "no" : "yes");
      if (i % 2 == 0) {
        run.answerText("ответ " + i);
      } else {
        run.skip();
      }
      run.finish();
    }
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result report(String... extra) {
    List<String> args = new ArrayList<>(List.of("survey", "report", "--db", db.jdbcUrl(),
        "--db-user", TestDatabase.user(), "--db-password", TestDatabase.password(), "--zone", "UTC"));
    args.addAll(List.of(extra));
    CommandLine cli = SipRingCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void jsonCountsTheStoredResponsesWithoutTheTestRun() throws Exception {
    Result r = report("--scenario", "nps", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode a = new ObjectMapper().readTree(r.out());
    assertThat(a.get("responses").asLong()).isEqualTo(12);
    JsonNode score = a.get("questions").get(0);
    assertThat(score.get("id").asText()).isEqualTo("score");
    assertThat(score.get("answered").asLong()).isEqualTo(12);
    assertThat(score.get("options").get(1).get("label").asText()).isEqualTo("Нет");
    assertThat(score.get("options").get(1).get("count").asLong()).isEqualTo(3); // i = 0, 4, 8
    assertThat(score.get("options").get(1).get("percentOfRespondents").asDouble()).isEqualTo(25.0);
    JsonNode why = a.get("questions").get(1);
    assertThat(why.get("reached").asLong()).isEqualTo(12);
    assertThat(why.get("answered").asLong()).isEqualTo(6);
    assertThat(why.get("skipped").asLong()).isEqualTo(6);
    assertThat(why.get("texts")).hasSize(6);
  }

  @Test
  void filtersByQueueOperatorAndTime() throws Exception {
    // sales: i = 1, 2, 4, 5, 7, 8, 10, 11; operator 100 (even i): 2, 4, 8, 10; from 09:00 (i >= 3): 4, 8, 10
    Result r = report("--scenario", "nps", "--format", "json", "--queue", "sales", "--operator", "100",
        "--from", "2026-03-02 09:00", "--version", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode a = new ObjectMapper().readTree(r.out());
    assertThat(a.get("responses").asLong()).isEqualTo(3);
    assertThat(a.get("questions").get(0).get("options").get(1).get("count").asLong()).isEqualTo(2); // 4, 8
  }

  @Test
  void textHtmlAndCsv() throws Exception {
    Result text = report("--scenario", "nps");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("NPS (nps): 12 responses").contains("[why] Почему?")
        .contains("reached 12, answered 6, skipped 6").contains("ответ 0");

    Result html = report("--scenario", "nps", "--format", "html", "--lang", "en");
    assertThat(html.exit()).as(html.err()).isZero();
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<svg").contains("Порекомендуете нас?");

    Result csv = report("--scenario", "nps", "--format", "csv", "--queue", "support");
    assertThat(csv.exit()).as(csv.err()).isZero();
    List<String[]> rows = new CSVReader(new StringReader(csv.out())).readAll();
    assertThat(rows.get(0)).startsWith("response_id", "scenario_id");
    assertThat(rows).hasSize(1 + 4); // support: i = 0, 3, 6, 9
  }

  @Test
  void unknownScenarioIsNotFoundAndBadTimeIsBadInput() {
    Result missing = report("--scenario", "nope");
    assertThat(missing.exit()).isEqualTo(4);
    assertThat(missing.err()).contains("no published scenario nope");
    Result badTime = report("--scenario", "nps", "--from", "yesterday");
    assertThat(badTime.exit()).isEqualTo(2);
    assertThat(badTime.err()).contains("--from");
  }
}
