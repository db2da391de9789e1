package ru.sipring.cli.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cli.SipRingCli;

class SurveyCommandTest {
  @TempDir Path tmp;

  private record Result(int exit, String out, String err) {}

  private static Path sample() {
    Path p = Path.of("../surveys/car-loan.json");
    return Files.exists(p) ? p : Path.of("examples/surveys/car-loan.json");
  }

  private static Result run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SipRingCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int exit = cli.execute(args);
      return new Result(exit, out.toString(), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void validScenarioExitsZeroWithNothingOnStdout() {
    Result r = run("", "survey", "validate", sample().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("valid (6 questions)");
  }

  @Test
  void guideSelfLoopPrintsOneLinePerProblemStartingWithTheQuestionId() throws Exception {
    Path f = tmp.resolve("guide.json");
    Files.writeString(f, """
        {"schemaVersion": 1, "id": "g", "title": "Готовы купить авто в кредит?", "start": "brand",
         "questions": [{"id": "brand", "type": "single", "text": "Какую марку авто вы предпочитаете?",
           "options": [{"id": "bmw", "label": "бмв", "next": null}, {"id": "audi", "label": "Ауди", "next": null},
                       {"id": "merc", "label": "мерседес", "next": null}],
           "next": "brand"},
          {"id": "lost", "type": "multiple", "text": "?", "options": [], "next": "nowhere"}]}""");
    Result r = run("", "survey", "validate", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out().lines().toList()).containsExactlyInAnyOrder(
        "brand: next action leads back to brand itself",
        "brand: no path from brand reaches the end of the survey; every next action loops back",
        "lost: a multiple question needs options; it has none",
        "lost: next action refers to question 'nowhere', which does not exist",
        "lost: no path from the start question brand leads here");
  }

  @Test
  void unreadableAndMalformedFiles() throws Exception {
    Result missing = run("", "survey", "validate", tmp.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"id\": \"s\", \"questions\": [{\"id\": \"q1\", \"type\": \"scale\"}]}");
    Result r = run("", "survey", "validate", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("q1: type 'scale' is not single, multiple or text\n");
    Files.writeString(bad, "{\"id\": ");
    assertThat(run("", "survey", "validate", bad.toString()).out()).startsWith("(scenario): " + bad);
  }

  @Test
  void terminalTestRunFollowsTheBranchesFromPipedAnswers() {
    // yes → brand: Ауди (by label) → bank: 9 is out of range, then 2 → features: 1,4 → comment: text
    Result r = run("1\nауди\n9\n2\n1, 4\nПерезвонить вечером\n", "survey", "test", sample().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("[ready] Готовы купить авто в кредит?")
        .contains("  2) Нет")
        .contains("! bank: no option number 9; choose 1-3")
        .contains("Опрос пройден до конца (test run; 5 questions reached)")
        .contains("  brand: Ауди")
        .contains("  bank: Сбербанк")
        .contains("  features: Ставка, Скорость решения")
        .contains("  comment: Перезвонить вечером");
  }

  @Test
  void backSkipAndEarlyFinish() {
    Result r = run("2\n<\n3\n\n", "survey", "test", sample().toString());
    assertThat(r.out()).contains("(earlier: Нет)").contains("  ready: Подумаю").contains("  comment: (skipped)")
        .contains("Опрос пройден до конца");
    Result early = run("1\n.\n", "survey", "test", sample().toString());
    assertThat(early.out()).contains("Опрос завершён досрочно (test run; 1 questions reached)");
    Result eof = run("2\n", "survey", "test", sample().toString());
    assertThat(eof.out()).contains("(end of input: finished early)");
  }

  @Test
  void invalidScenarioIsNotRun() throws Exception {
    Path f = tmp.resolve("loop.json");
    Files.writeString(f, "{\"id\": \"g\", \"title\": \"t\", \"start\": \"a\", \"questions\": ["
        + "{\"id\": \"a\", \"type\": \"text\", \"text\": \"?\", \"next\": \"a\"}]}");
    Result r = run("x\n", "survey", "test", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("a: next action leads back to a itself");
  }
}
