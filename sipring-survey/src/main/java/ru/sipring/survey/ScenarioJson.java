package ru.sipring.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * Reads and writes scenarios as JSON (schema documented in {@code docs/survey.md}). The schema is versioned
 * by {@code "schemaVersion"}; this class reads {@value #SCHEMA_VERSION} (a file without the field is taken
 * as version 1) and always writes it. Unknown fields are refused, so a misspelt {@code "nxet"} is reported
 * rather than silently ignored. Reading does not validate the graph: call {@link ScenarioValidator}.
 *
 * <p>Thread-safe: the Jackson mapper is configured once and shared.
 */
public final class ScenarioJson {
  /** The schema version this library writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ScenarioJson() {}

  /**
   * Reads a scenario file; the file name is used in error locations.
   *
   * @param file the file name
   * @return the scenario
   */
  public static Scenario read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new NotFoundException("no such file: " + file, e);
    } catch (IOException e) {
      throw new SipRingException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a scenario from UTF-8 JSON; {@code source} names it in error messages.
   *
   * @param json the JSON text
   * @param source names the input in error messages (a file name, a command)
   * @return the scenario
   */
  public static Scenario read(InputStream json, String source) {
    ScenarioDto dto;
    try {
      dto = MAPPER.readValue(json, ScenarioDto.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new BadInputException(where, e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SipRingException("cannot read " + source + ": " + e.getMessage(), e);
    }
    if (dto == null) {
      throw new BadInputException(source, "empty document; expected a scenario object");
    }
    return toScenario(dto, source);
  }

  /**
   * Reads a scenario from a JSON string.
   *
   * @param json the JSON text
   * @return the scenario
   */
  public static Scenario parse(String json) {
    return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "(string)");
  }

  /**
   * Writes a scenario as indented JSON with the current schema version.
   *
   * @param scenario the scenario
   * @return the JSON text
   */
  public static String write(Scenario scenario) {
    try {
      return MAPPER.writeValueAsString(toDto(scenario));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a scenario always serialises", e);
    }
  }

  /**
   * Writes a scenario to {@code file} (UTF-8), replacing it.
   *
   * @param scenario the scenario
   * @param file the file name
   */
  public static void write(Scenario scenario, Path file) {
    try {
      Files.writeString(file, write(scenario) + "\n");
    } catch (IOException e) {
      throw new SipRingException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Scenario toScenario(ScenarioDto dto, String source) {
    List<ValidationProblem> problems = new ArrayList<>();
    if (dto.schemaVersion != null && (dto.schemaVersion < 1 || dto.schemaVersion > SCHEMA_VERSION)) {
      problems.add(ValidationProblem.error(ValidationProblem.SCENARIO, ValidationProblem.Code.SCENARIO_FIELD,
          "schemaVersion " + dto.schemaVersion + " is not supported; this SipRing reads 1.." + SCHEMA_VERSION));
    }
    List<Question> questions = new ArrayList<>();
    List<QuestionDto> qs = dto.questions == null ? List.of() : dto.questions;
    for (int i = 0; i < qs.size(); i++) {
      QuestionDto q = qs.get(i);
      if (q == null) {
        problems.add(ValidationProblem.error("(question #" + (i + 1) + ")", ValidationProblem.Code.BAD_ID,
            "question is null"));
        continue;
      }
      String id = nz(q.id);
      String name = id.isBlank() ? "(question #" + (i + 1) + ")" : id;
      Optional<QuestionType> type = q.type == null ? Optional.empty() : QuestionType.fromJsonName(q.type);
      if (type.isEmpty()) {
        problems.add(ValidationProblem.error(name, ValidationProblem.Code.TYPE_RULE,
            q.type == null ? "type is missing; use single, multiple or text"
                : "type '" + q.type + "' is not single, multiple or text"));
        continue;
      }
      List<Option> options = new ArrayList<>();
      if (q.options != null) {
        for (OptionDto o : q.options) {
          options.add(o == null ? new Option("", "", null) : new Option(nz(o.id), nz(o.label), o.next));
        }
      }
      questions.add(new Question(id, type.get(), nz(q.text), nz(q.hint), options, q.next));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioFormatException(source, problems);
    }
    return new Scenario(nz(dto.id), nz(dto.title), dto.start, questions);
  }

  private static ScenarioDto toDto(Scenario s) {
    ScenarioDto dto = new ScenarioDto();
    dto.schemaVersion = SCHEMA_VERSION;
    dto.id = s.id();
    dto.title = s.title();
    dto.start = s.start();
    dto.questions = new ArrayList<>();
    for (Question q : s.questions()) {
      QuestionDto qd = new QuestionDto();
      qd.id = q.id();
      qd.type = q.type().jsonName();
      qd.text = q.text();
      qd.hint = q.hint().isEmpty() ? null : q.hint();
      qd.next = q.next();
      if (q.type().hasOptions() || !q.options().isEmpty()) {
        qd.options = new ArrayList<>();
        for (Option o : q.options()) {
          OptionDto od = new OptionDto();
          od.id = o.id();
          od.label = o.label();
          od.next = o.next();
          qd.options.add(od);
        }
      }
      dto.questions.add(qd);
    }
    return dto;
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  @JsonPropertyOrder({"schemaVersion", "id", "title", "start", "questions"})
  static final class ScenarioDto {
    @JsonProperty public @Nullable Integer schemaVersion;
    @JsonProperty public @Nullable String id;
    @JsonProperty public @Nullable String title;
    @JsonProperty @JsonInclude(JsonInclude.Include.ALWAYS) public @Nullable String start;
    @JsonProperty public @Nullable List<QuestionDto> questions;
  }

  @JsonPropertyOrder({"id", "type", "text", "hint", "options", "next"})
  static final class QuestionDto {
    @JsonProperty public @Nullable String id;
    @JsonProperty public @Nullable String type;
    @JsonProperty public @Nullable String text;
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_NULL) public @Nullable String hint;
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_NULL) public @Nullable List<OptionDto> options;
    @JsonProperty @JsonInclude(JsonInclude.Include.ALWAYS) public @Nullable String next;
  }

  @JsonPropertyOrder({"id", "label", "next"})
  static final class OptionDto {
    @JsonProperty public @Nullable String id;
    @JsonProperty public @Nullable String label;
    @JsonProperty @JsonInclude(JsonInclude.Include.ALWAYS) public @Nullable String next;
  }
}
