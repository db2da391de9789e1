package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.sipring.survey.ValidationProblem.Code.BAD_ID;
import static ru.sipring.survey.ValidationProblem.Code.BAD_START;
import static ru.sipring.survey.ValidationProblem.Code.BLANK_LABEL;
import static ru.sipring.survey.ValidationProblem.Code.BLANK_TEXT;
import static ru.sipring.survey.ValidationProblem.Code.CYCLE;
import static ru.sipring.survey.ValidationProblem.Code.DANGLING_REFERENCE;
import static ru.sipring.survey.ValidationProblem.Code.DUPLICATE_ID;
import static ru.sipring.survey.ValidationProblem.Code.DUPLICATE_LABEL;
import static ru.sipring.survey.ValidationProblem.Code.EMPTY_SCENARIO;
import static ru.sipring.survey.ValidationProblem.Code.NEVER_ENDS;
import static ru.sipring.survey.ValidationProblem.Code.NO_OPTIONS;
import static ru.sipring.survey.ValidationProblem.Code.ONE_OPTION;
import static ru.sipring.survey.ValidationProblem.Code.SELF_LOOP;
import static ru.sipring.survey.ValidationProblem.Code.TYPE_RULE;
import static ru.sipring.survey.ValidationProblem.Code.UNREACHABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScenarioValidatorTest {

  private static Option opt(String id, String label) {
    return Option.of(id, label);
  }

  private static Question single(String id, String next, Option... options) {
    return Question.single(id, "Вопрос " + id, next, options);
  }

  private static List<ValidationProblem.Code> codes(ValidationReport r) {
    return r.problems().stream().map(ValidationProblem::code).toList();
  }

  @Test
  void sampleScenarioIsValidWithoutWarnings() {
    ValidationReport r = ScenarioValidator.validate(Samples.carLoan());
    assertThat(r.problems()).isEmpty();
    assertThat(r.isValid()).isTrue();
  }

  @Test
  void guideExampleWhoseNextActionIsItselfIsCaught() {
    Scenario guide = Samples.resource("guide-self-loop.json");
    ValidationReport r = ScenarioValidator.validate(guide);
    assertThat(r.isValid()).isFalse();
    assertThat(r.has("brand", SELF_LOOP)).isTrue();
    assertThat(r.has("brand", NEVER_ENDS)).isTrue();
    assertThat(r.errorLines().lines()).allMatch(l -> l.startsWith("brand: "));
    assertThat(r.errorLines()).contains("brand: next action leads back to brand itself");
  }

  @Test
  void selfLoopThroughAnOptionIsCaughtEvenWhenTheQuestionCanEnd() {
    Scenario s = Scenario.of("s", "t", "a",
        single("a", null, opt("x", "X"), Option.of("y", "Y", "a")));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(codes(r)).containsExactly(SELF_LOOP);
    assertThat(r.errorLines()).isEqualTo("a: option 'Y' leads back to a itself");
  }

  @Test
  void danglingReferencesNameTheQuestionAndTheMissingTarget() {
    Scenario s = Scenario.of("s", "t", "a",
        single("a", "b", opt("x", "X"), Option.of("y", "Y", "zz")),
        Question.text("b", "Comment", "gone"));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(r.errors()).extracting(ValidationProblem::toString).containsExactlyInAnyOrder(
        "a: option 'Y' refers to question 'zz', which does not exist",
        "b: next action refers to question 'gone', which does not exist");
    assertThat(codes(r)).doesNotContain(NEVER_ENDS);
  }

  @Test
  void unreachableQuestionsAreReported() {
    Scenario s = Scenario.of("s", "t", "a",
        single("a", null, opt("x", "X"), opt("y", "Y")),
        Question.text("orphan", "Never asked", "orphan2"),
        Question.text("orphan2", "Never asked either", null));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(r.has("orphan", UNREACHABLE)).isTrue();
    assertThat(r.has("orphan2", UNREACHABLE)).isTrue();
    assertThat(r.errors()).hasSize(2);
  }

  @Test
  void cycleWithAnEscapeIsACycleButEnds() {
    Scenario s = Scenario.of("s", "t", "a",
        single("a", "b", opt("x", "X"), Option.of("out", "Out", Scenario.END)),
        Question.text("b", "B", "c"),
        Question.text("c", "C", "a"));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(codes(r)).containsExactly(CYCLE);
    assertThat(r.errorLines()).isEqualTo("a: questions lead back to each other: a → b → c → a");
  }

  @Test
  void closedCycleNeverEnds() {
    Scenario s = Scenario.of("s", "t", "start",
        Question.text("start", "S", "b"),
        Question.text("b", "B", "c"),
        Question.text("c", "C", "b"));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(r.has("b", CYCLE)).isTrue();
    assertThat(r.has("start", NEVER_ENDS)).isTrue();
    assertThat(r.has("b", NEVER_ENDS)).isTrue();
    assertThat(r.has("c", NEVER_ENDS)).isTrue();
    assertThat(r.errors()).hasSize(4);
  }

  @Test
  void optionRulesEmptyDuplicateBlankAndTypeMismatch() {
    Scenario s = Scenario.of("s", "t", "a",
        new Question("a", QuestionType.SINGLE, "A", "", List.of(), "b"),
        Question.multiple("b", "B", "c", opt("x", "Да"), opt("y", " да "), opt("x", "Нет"),
            Option.of("z", "Z", "c"), opt("w", "  ")),
        new Question("c", QuestionType.TEXT, "C", "", List.of(opt("q", "Q")), "d"),
        single("d", null, opt("only", "Only")));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(r.has("a", NO_OPTIONS)).isTrue();
    assertThat(r.has("b", DUPLICATE_LABEL)).isTrue();
    assertThat(r.has("b", DUPLICATE_ID)).isTrue();
    assertThat(r.has("b", TYPE_RULE)).isTrue();
    assertThat(r.has("b", BLANK_LABEL)).isTrue();
    assertThat(r.has("c", TYPE_RULE)).isTrue();
    assertThat(r.has("d", ONE_OPTION)).isTrue();
    assertThat(r.warnings()).extracting(ValidationProblem::code).containsExactly(ONE_OPTION);
    assertThat(r.errorLines()).contains("b: option #2 (y): label 'да' repeats option x");
  }

  @Test
  void scenarioLevelProblemsAndIdsWithoutAQuestion() {
    assertThat(codes(ScenarioValidator.validate(Scenario.of("s", "t", null)))).containsExactly(EMPTY_SCENARIO);
    Scenario s = new Scenario("s", " ", "nope", List.of(
        Question.text("", "no id", null),
        Question.text("a", " ", null),
        Question.text("a", "again", null),
        Question.text("#x", "reserved", null),
        Question.text("has space", "bad", null)));
    ValidationReport r = ScenarioValidator.validate(s);
    assertThat(r.has(ValidationProblem.SCENARIO, BAD_START)).isTrue();
    assertThat(r.has("(question #1)", BAD_ID)).isTrue();
    assertThat(r.has("a", BLANK_TEXT)).isTrue();
    assertThat(r.has("a", DUPLICATE_ID)).isTrue();
    assertThat(r.has("#x", BAD_ID)).isTrue();
    assertThat(r.has("has space", BAD_ID)).isTrue();
    assertThat(r.errorLines()).contains("(scenario): title is blank");
    assertThat(ScenarioValidator.validate(s.withStart(null)).has(ValidationProblem.SCENARIO, BAD_START)).isTrue();
  }

  @Test
  void everyLineStartsWithTheSubjectItConcerns() {
    Scenario s = Samples.resource("guide-self-loop.json");
    for (ValidationProblem p : ScenarioValidator.validate(s).problems()) {
      assertThat(p.toString()).startsWith(p.subject() + ": ");
    }
  }

  @Test
  void longChainDoesNotOverflowTheStack() {
    int n = 50_000;
    List<Question> qs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      qs.add(Question.text("q" + i, "Q" + i, i + 1 < n ? "q" + (i + 1) : "q0")); // one big loop
    }
    ValidationReport r = ScenarioValidator.validate(new Scenario("s", "t", "q0", qs));
    assertThat(r.has("q0", CYCLE)).isTrue();
    assertThat(r.errors()).hasSize(1 + n); // one cycle, and no question can end
  }

  /** Random DAGs (edges only forward in list order) are valid; one back edge makes exactly one cycle. */
  @Test
  void randomAcyclicScenariosAreValidAndABackEdgeIsACycle() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = 2 + rnd.nextInt(40);
      List<Question> qs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // each question can be reached from its predecessor's default next, so all are reachable
        String next = i + 1 < n ? "q" + (i + 1) : null;
        List<Option> options = new ArrayList<>();
        int k = 2 + rnd.nextInt(3);
        for (int j = 0; j < k; j++) {
          String target = i + 1 < n && rnd.nextBoolean() ? "q" + (i + 1 + rnd.nextInt(n - i - 1)) : null;
          options.add(new Option("o" + j, "Option " + j, target));
        }
        qs.add(new Question("q" + i, QuestionType.SINGLE, "Q" + i, "", options, next));
      }
      Scenario dag = new Scenario("s", "t", "q0", qs);
      assertThat(ScenarioValidator.validate(dag).problems()).as("seed %d round %d", seed, round).isEmpty();

      int from = 1 + rnd.nextInt(n - 1);
      int to = rnd.nextInt(from);
      Question q = qs.get(from);
      qs.set(from, q.withOption(q.options().get(0).withNext("q" + to)));
      ValidationReport r = ScenarioValidator.validate(new Scenario("s", "t", "q0", qs));
      assertThat(r.errors()).as("seed %d round %d", seed, round).extracting(ValidationProblem::code)
          .containsExactly(CYCLE);
      assertThat(r.errors().get(0).subject()).as("seed %d", seed).isEqualTo("q" + to);
    }
  }
}
