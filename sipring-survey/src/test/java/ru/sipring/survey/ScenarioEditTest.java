package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

class ScenarioEditTest {

  @Test
  void buildingFromEmptySetsTheStartAndReplacesById() {
    Scenario s = new Scenario("s", "T", null, java.util.List.of())
        .withQuestion(Question.text("a", "First", "b"))
        .withQuestion(Question.text("b", "Second", null))
        .withQuestion(Question.text("a", "First, edited", "b"));
    assertThat(s.start()).isEqualTo("a");
    assertThat(s.questions()).extracting(Question::text).containsExactly("First, edited", "Second");
    assertThat(ScenarioValidator.validate(s).isValid()).isTrue();
  }

  @Test
  void deletingAReferencedQuestionIsRefusedWithTheReferrers() {
    Scenario s = Samples.carLoan();
    assertThatThrownBy(() -> s.withoutQuestion("comment"))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("ready, features, why_not");
    assertThatThrownBy(() -> s.withoutQuestion("nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingWithUnlinkingTurnsReferencesIntoEndsAndStaysValid() {
    Scenario s = Samples.carLoan().withoutQuestionUnlinking("why_not");
    assertThat(s.question("why_not")).isEmpty();
    assertThat(s.requireQuestion("ready").option("no").orElseThrow().next()).isEqualTo(Scenario.END);
    assertThat(ScenarioValidator.validate(s).problems()).isEmpty();

    Scenario noBrand = Samples.carLoan().withoutQuestionUnlinking("brand");
    // bank and features were reached only through brand
    ValidationReport r = ScenarioValidator.validate(noBrand);
    assertThat(r.has("bank", ValidationProblem.Code.UNREACHABLE)).isTrue();
    assertThat(r.has("features", ValidationProblem.Code.UNREACHABLE)).isTrue();
  }

  @Test
  void deletingALeafAndAQuestionThatOnlyPointsToItself() {
    Scenario s = Scenario.of("s", "T", "a", Question.text("a", "A", null), Question.text("loop", "L", "loop"));
    assertThat(s.withoutQuestion("loop").questions()).extracting(Question::id).containsExactly("a");
  }

  @Test
  void reorderingQuestionsAndOptionsChangesDisplayOrderOnly() {
    Scenario s = Samples.carLoan().withQuestionMoved("comment", 0).withQuestionMoved("ready", 99);
    assertThat(s.questions()).extracting(Question::id)
        .containsExactly("comment", "brand", "bank", "features", "why_not", "ready");
    assertThat(s.start()).isEqualTo("ready");
    Question bank = s.requireQuestion("bank").withOptionMoved("mosobl", 0).withoutOption("vtb")
        .withOption(Option.of("alfa", "Альфа-Банк"));
    assertThat(bank.options()).extracting(Option::id).containsExactly("mosobl", "sber", "alfa");
    assertThat(ScenarioValidator.validate(s.withQuestion(bank)).problems()).isEmpty();
  }
}
