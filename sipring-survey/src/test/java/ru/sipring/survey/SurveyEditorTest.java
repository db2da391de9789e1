package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

class SurveyEditorTest {
  private final SurveyService service = SurveyService.inMemory(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"),
      ZoneOffset.UTC));
  private final SurveyEditor editor = SurveyEditor.of(service);

  @Test
  void stepsBuildABranchingSurveyAndProblemsGroupByQuestion() {
    assertThat(SurveyEditor.bySubject(editor.create("csat", "Satisfaction")))
        .containsOnlyKeys(ValidationProblem.SCENARIO);
    ValidationReport r = editor.putQuestion("csat", "q1", "single", "Satisfied?", "");
    assertThat(SurveyEditor.bySubject(r).get("q1")).extracting(ValidationProblem::code)
        .containsExactly(ValidationProblem.Code.NO_OPTIONS);
    editor.putQuestion("csat", "q2", "text", "What went wrong?", " ");
    editor.putOption("csat", "q1", "yes", "Yes", Scenario.END);
    r = editor.putOption("csat", "q1", "no", "No", "q2");
    assertThat(r.isValid()).isTrue();
    // replacing a question keeps its options; a new text replaces the old one
    r = editor.putQuestion("csat", "q1", "single", "Were you satisfied?", null);
    assertThat(r.isValid()).isTrue();
    Scenario s = service.draft("csat").orElseThrow();
    assertThat(s.start()).isEqualTo("q1");
    assertThat(s.requireQuestion("q1").text()).isEqualTo("Were you satisfied?");
    assertThat(s.requireQuestion("q1").option("no").orElseThrow().next()).isEqualTo("q2");
    assertThat(s.requireQuestion("q2").next()).isNull();

    service.publish("csat");
    service.assign("6001", "csat");
    service.assignments().assign("6002", "other"); // straight into the repository: "other" is not published
    assertThat(editor.queuesOf("csat")).containsExactly("6001");

    // deleting the branch target turns the branch into "end"
    r = editor.removeQuestion("csat", "q2");
    assertThat(r.isValid()).isTrue();
    assertThat(service.draft("csat").orElseThrow().requireQuestion("q1").option("no").orElseThrow().next())
        .isEqualTo(Scenario.END);
    r = editor.removeOption("csat", "q1", "no");
    assertThat(SurveyEditor.bySubject(r).get("q1")).extracting(ValidationProblem::code)
        .containsExactly(ValidationProblem.Code.ONE_OPTION);
    r = editor.putHeader("csat", " ", "");
    assertThat(SurveyEditor.bySubject(r).get(ValidationProblem.SCENARIO)).isNotEmpty();
  }

  @Test
  void badFormValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> editor.create("a b", "x")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("scenario id: ");
    editor.create("s", "x");
    assertThatThrownBy(() -> editor.create("s", "again")).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> editor.putQuestion("s", "q", "rating", "t", null))
        .isInstanceOf(BadInputException.class).hasMessage("question type: 'rating' is not single, multiple or text");
    assertThatThrownBy(() -> editor.putOption("s", "nope", "a", "A", null)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> editor.validate("missing")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aWholeDraftFromJsonIsSavedEvenInvalidAndMustNameTheSameScenario() {
    String json = "{\"schemaVersion\":1,\"id\":\"call\",\"title\":\"Call\",\"start\":\"q\",\"questions\":["
        + "{\"id\":\"q\",\"type\":\"single\",\"text\":\"Ok?\",\"options\":[],\"next\":null}]}";
    ValidationReport r = editor.putJson("call", json);
    assertThat(r.has("q", ValidationProblem.Code.NO_OPTIONS)).isTrue();
    assertThat(service.draft("call")).map(Scenario::title).contains("Call");
    assertThat(editor.putJson("call", json.replace("\"options\":[]",
        "\"options\":[{\"id\":\"y\",\"label\":\"Yes\",\"next\":null},{\"id\":\"n\",\"label\":\"No\",\"next\":null}]"))
        .isValid()).isTrue();
    assertThatThrownBy(() -> editor.putJson("other", json)).isInstanceOf(BadInputException.class)
        .hasMessage("id: the scenario's id 'call' is not other");
    assertThatThrownBy(() -> editor.putJson("bad id", json)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("scenario id: ");
    assertThatThrownBy(() -> editor.putJson("call", "{\"id\":\"call\",\"nxet\":1}"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("nxet").hasMessageContaining("1:22");
    assertThat(service.draft("other")).isEmpty();
  }
}
