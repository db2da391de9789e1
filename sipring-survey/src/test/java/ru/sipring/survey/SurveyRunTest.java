package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.RejectedException;

class SurveyRunTest {
  private final Samples.TestClock clock = new Samples.TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final PublishedScenario carLoan = new PublishedScenario(Samples.carLoan(), 3, clock.instant());
  private final CallContext call = CallContext.of("1700000000.42", "sales", "101", "79161234567");

  private SurveyRun run() {
    return SurveyRun.start(carLoan, call, false, clock, null);
  }

  /** Walks every choice at every single-choice question (and every skip) and lists the paths taken. */
  private Set<List<String>> allPaths(List<String> prefixChoices) {
    Set<List<String>> out = new LinkedHashSet<>();
    SurveyRun r = run();
    for (String c : prefixChoices) {
      apply(r, c);
    }
    if (r.atEnd()) {
      out.add(r.finish().answers().stream().map(a -> a.questionId() + (a.answered() ? "" : "(skipped)")).toList());
      return out;
    }
    Question q = r.current().orElseThrow();
    List<String> choices = new ArrayList<>();
    choices.add("skip");
    if (q.type() == QuestionType.SINGLE) {
      q.options().forEach(o -> choices.add(o.id()));
    } else {
      choices.add("answer");
    }
    for (String c : choices) {
      List<String> next = new ArrayList<>(prefixChoices);
      next.add(c);
      out.addAll(allPaths(next));
    }
    return out;
  }

  private static void apply(SurveyRun r, String choice) {
    Question q = r.current().orElseThrow();
    if (choice.equals("skip")) {
      r.skip();
    } else if (q.type() == QuestionType.SINGLE) {
      r.answerSingle(choice);
    } else if (q.type() == QuestionType.MULTIPLE) {
      r.answerMultiple(List.of(q.options().get(0).id()));
    } else {
      r.answerText("ok");
    }
  }

  @Test
  void everyPathOfTheSampleScenario() {
    Set<List<String>> answered = new LinkedHashSet<>();
    for (List<String> p : allPaths(List.of())) {
      if (p.stream().noneMatch(s -> s.endsWith("(skipped)"))) {
        answered.add(p);
      }
    }
    assertThat(answered).containsExactlyInAnyOrder(
        List.of("ready", "brand", "bank", "features", "comment"),
        List.of("ready", "why_not"),
        List.of("ready", "why_not", "comment"),
        List.of("ready", "comment"));
    // with skips: a skipped single-choice question follows its own next
    assertThat(allPaths(List.of("skip"))).containsExactlyInAnyOrder(
        List.of("ready(skipped)", "comment(skipped)"), List.of("ready(skipped)", "comment"));
    // distinct paths, each question answered or skipped: yes → brand, bank, features, comment (2^4);
    // no → why_not skipped then comment (2), has_car (1), expensive/other then comment (2); later → comment (2);
    // ready skipped → comment (2)
    assertThat(allPaths(List.of())).hasSize(16 + 2 + 1 + 2 + 2 + 2);
  }

  @Test
  void responseRecordsVersionCallAndTextsAsAsked() {
    SurveyRun r = run();
    assertThat(r.current()).map(Question::id).hasValue("ready");
    r.answerSingle("yes");
    clock.advance(Duration.ofSeconds(5));
    r.answerSingle("audi");
    r.answerSingle("sber");
    r.answerMultiple(List.of("speed", "rate")); // clicked out of order
    assertThat(r.answerText("  Перезвонить после 18:00 ")).isEmpty();
    assertThat(r.atEnd()).isTrue();
    clock.advance(Duration.ofSeconds(40));
    SurveyResponse resp = r.finish();

    assertThat(resp.version()).isEqualTo(3);
    assertThat(resp.scenarioTitle()).isEqualTo("Готовы купить авто в кредит?");
    assertThat(resp.call()).isEqualTo(call);
    assertThat(resp.completed()).isTrue();
    assertThat(resp.test()).isFalse();
    assertThat(Duration.between(resp.startedAt(), resp.finishedAt())).isEqualTo(Duration.ofSeconds(45));
    Answer brand = resp.answers().get(1);
    assertThat(brand.questionText()).isEqualTo("Какую марку авто вы предпочитаете?");
    assertThat(brand.optionLabels()).containsExactly("Ауди");
    Answer features = resp.answers().get(3);
    assertThat(features.optionIds()).containsExactly("rate", "speed");
    assertThat(features.optionLabels()).containsExactly("Ставка", "Скорость решения");
    assertThat(resp.answers().get(4).text()).isEqualTo("Перезвонить после 18:00");
  }

  @Test
  void backWithdrawsTheAnswerAndTheNewAnswerRecomputesThePath() {
    SurveyRun r = run();
    assertThat(r.canGoBack()).isFalse();
    r.answerSingle("yes");
    r.answerSingle("bmw");
    assertThat(r.back().id()).isEqualTo("brand");
    assertThat(r.earlierAnswer("brand")).map(a -> a.optionIds().get(0)).hasValue("bmw");
    assertThat(r.back().id()).isEqualTo("ready");
    r.answerSingle("no");
    r.answerSingle("has_car");
    SurveyResponse resp = r.finish();
    assertThat(resp.answers()).extracting(Answer::questionId).containsExactly("ready", "why_not");
    assertThat(resp.completed()).isTrue();
  }

  @Test
  void answersAreCheckedAgainstTheQuestionType() {
    SurveyRun r = run();
    assertThatThrownBy(() -> r.answerSingle("maybe")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("ready: no option 'maybe'");
    assertThatThrownBy(() -> r.answerText("да")).isInstanceOf(BadInputException.class)
        .hasMessage("ready: is a single question, not text");
    r.answerSingle("yes");
    r.answerSingle("bmw");
    r.answerSingle("vtb");
    assertThatThrownBy(() -> r.answerMultiple(List.of())).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> r.answerMultiple(List.of("rate", "cashback"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cashback");
    r.answerMultiple(List.of("term"));
    assertThatThrownBy(() -> r.answerText("   ")).isInstanceOf(BadInputException.class);
    assertThat(r.current()).map(Question::id).hasValue("comment"); // nothing recorded by the failures
    assertThat(r.path()).hasSize(4);
  }

  @Test
  void finishingEarlyIsRecordedAsIncompleteAndClosesTheRun() {
    SurveyRun r = run();
    r.answerSingle("later");
    SurveyResponse resp = r.finish();
    assertThat(resp.completed()).isFalse();
    assertThat(resp.answers()).hasSize(1);
    assertThatThrownBy(r::finish).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> r.answerText("x")).isInstanceOf(RejectedException.class);
  }

  @Test
  void anInvalidScenarioDoesNotRun() {
    PublishedScenario guide = new PublishedScenario(Samples.resource("guide-self-loop.json"), 1, clock.instant());
    assertThatThrownBy(() -> SurveyRun.start(guide, call, true, clock, null))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("brand: next action leads back to brand itself");
  }
}
