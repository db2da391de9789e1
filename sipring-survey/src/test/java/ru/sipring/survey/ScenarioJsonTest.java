package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

class ScenarioJsonTest {

  @Test
  void sampleRoundTripsAndKeepsEveryField() {
    Scenario s = Samples.carLoan();
    assertThat(s.id()).isEqualTo("car-loan");
    assertThat(s.start()).isEqualTo("ready");
    assertThat(s.questions()).extracting(Question::id)
        .containsExactly("ready", "brand", "bank", "features", "why_not", "comment");
    Question ready = s.requireQuestion("ready");
    assertThat(ready.hint()).startsWith("Спросите");
    assertThat(ready.option("no").orElseThrow().next()).isEqualTo("why_not");
    assertThat(s.requireQuestion("why_not").option("has_car").orElseThrow().next()).isEqualTo(Scenario.END);

    String json = ScenarioJson.write(s);
    assertThat(json).contains("\"schemaVersion\" : 1");
    assertThat(ScenarioJson.parse(json)).isEqualTo(s);
  }

  @Test
  void nextNullEndsAndOptionNextOverridesTheQuestion() {
    Scenario s = Samples.carLoan();
    Question ready = s.requireQuestion("ready");
    assertThat(ready.nextAfter(ready.option("yes").orElseThrow())).isEqualTo("brand");
    assertThat(ready.nextAfter(ready.option("later").orElseThrow())).isEqualTo("comment");
    assertThat(ready.nextAfter(null)).isEqualTo("comment");
    Question whyNot = s.requireQuestion("why_not");
    assertThat(whyNot.nextAfter(whyNot.option("has_car").orElseThrow())).isNull();
    assertThat(s.requireQuestion("comment").nextAfter(null)).isNull();
  }

  @Test
  void fileWithoutSchemaVersionIsReadAsVersionOne() {
    Scenario s = ScenarioJson.parse("""
        {"id": "s", "title": "T", "start": "a",
         "questions": [{"id": "a", "type": "text", "text": "Как дела?", "next": null}]}""");
    assertThat(s.requireQuestion("a").type()).isEqualTo(QuestionType.TEXT);
    assertThat(ScenarioValidator.validate(s).isValid()).isTrue();
  }

  @Test
  void unknownTypeAndNewerSchemaAreReportedPerQuestion() {
    assertThatThrownBy(() -> ScenarioJson.parse("""
        {"schemaVersion": 9, "id": "s", "title": "T", "start": "a",
         "questions": [{"id": "a", "type": "rating", "text": "?"}, {"id": "b", "text": "?"}]}"""))
        .isInstanceOfSatisfying(ScenarioFormatException.class, e -> assertThat(e.problems())
            .extracting(ValidationProblem::toString).containsExactly(
                "(scenario): schemaVersion 9 is not supported; this SipRing reads 1..1",
                "a: type 'rating' is not single, multiple or text",
                "b: type is missing; use single, multiple or text"));
  }

  @Test
  void misspeltFieldAndBrokenSyntaxNameLineAndColumn() {
    assertThatThrownBy(() -> ScenarioJson.parse("{\"id\": \"s\",\n \"nxet\": 1}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("(string):2:")
        .hasMessageContaining("nxet");
    assertThatThrownBy(() -> ScenarioJson.parse("{\"id\": \"s\",\n\n \"title\": }"))
        .isInstanceOfSatisfying(BadInputException.class,
            e -> assertThat(e.location()).startsWith("(string):3:"));
  }
}
