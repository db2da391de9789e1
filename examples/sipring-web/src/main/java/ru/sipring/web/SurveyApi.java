package ru.sipring.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.spring.SipRingProperties;
import ru.sipring.survey.AnalysisJson;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.ResponseCsv;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.SurveyAnalyser;
import ru.sipring.survey.SurveyEditor;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.ValidationProblem;
import ru.sipring.survey.ValidationReport;

/**
 * The survey screens' operations as JSON for a CRM ({@code /api/surveys/**}, admins and supervisors as on the
 * pages): list, a scenario as schema-v1 JSON, a draft saved whole with the validator's problems, publish, bind and
 * unbind queues, the results (the analysis, with a cross-tab) and the responses' CSV. The same library calls as
 * {@link SurveyPages}: {@link SurveyEditor}, {@link SurveyService}, {@link SurveyAnalyser}, {@link ResponseCsv}.
 */
@RestController
class SurveyApi {
  private final SurveyService service;
  private final SurveyEditor editor;
  private final ZoneId zone;

  SurveyApi(SurveyService service, SipRingProperties props) {
    this.service = service;
    this.editor = SurveyEditor.of(service);
    this.zone = props.zoneOrDefault();
  }

  @GetMapping("/api/surveys")
  List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : service.scenarios().scenarioIds()) {
      Optional<Scenario> draft = service.draft(id);
      Optional<PublishedScenario> latest = service.latest(id);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("title", draft.map(Scenario::title).orElseGet(() -> latest.map(p -> p.scenario().title()).orElse("")));
      row.put("version", latest.map(PublishedScenario::version).orElse(0));
      row.put("draft", draft.isPresent());
      row.put("queues", editor.queuesOf(id));
      out.add(row);
    }
    return out;
  }

  /** The draft (or, without one, the latest version); {@code version=N} a published version. */
  @GetMapping(path = "/api/surveys/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  String scenario(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
    Optional<Scenario> s = version == null
        ? service.draft(id).or(() -> service.latest(id).map(PublishedScenario::scenario))
        : service.scenarios().version(id, version).map(PublishedScenario::scenario);
    return ScenarioJson.write(s.orElseThrow(() -> new NotFoundException(
        version == null ? "no scenario " + id : "no version " + version + " of scenario " + id)));
  }

  /** A new scenario's first draft: 201 and the validator's report; 409 when the id exists. */
  @PostMapping(path = "/api/surveys/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> create(@PathVariable String id, @RequestBody String json) {
    if (exists(id)) {
      throw new RejectedException("scenario " + id + " exists already; PUT changes its draft");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(report(editor.putJson(id, json)));
  }

  /** Replaces the draft of an existing scenario (saved also when invalid): the validator's report. */
  @PutMapping(path = "/api/surveys/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> update(@PathVariable String id, @RequestBody String json) {
    if (!exists(id)) {
      throw new NotFoundException("no scenario " + id + "; POST creates it");
    }
    return report(editor.putJson(id, json));
  }

  /** Freezes the draft as the next version; an invalid draft is 409 with every problem. */
  @PostMapping("/api/surveys/{id}/publish")
  ResponseEntity<Map<String, Object>> publish(@PathVariable String id) {
    if (!exists(id)) {
      throw new NotFoundException("no scenario " + id);
    }
    ValidationReport report = editor.validate(id);
    if (!report.isValid()) {
      Map<String, Object> body = report(report);
      body.put("error", "scenario " + id + " is not valid: " + report.errors().size() + " problem(s)");
      return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
    PublishedScenario p = service.publish(id);
    return ResponseEntity.ok(Map.of("id", id, "version", p.version()));
  }

  /** Calls on the queue get this survey ("Назначить"); needs a published version (409 otherwise). */
  @PostMapping("/api/surveys/{id}/queues/bind")
  Map<String, Object> bind(@PathVariable String id, @RequestBody Map<String, String> body) {
    if (!exists(id)) {
      throw new NotFoundException("no scenario " + id);
    }
    service.assign(queue(body), id);
    return Map.of("id", id, "queues", editor.queuesOf(id));
  }

  /** The queue's calls get no survey any more; 404 when the queue is not bound to this survey. */
  @PostMapping("/api/surveys/{id}/queues/unbind")
  Map<String, Object> unbind(@PathVariable String id, @RequestBody Map<String, String> body) {
    String queue = queue(body);
    if (!editor.queuesOf(id).contains(queue)) {
      throw new NotFoundException("queue " + queue + " is not bound to survey " + id);
    }
    service.unassign(queue);
    return Map.of("id", id, "queues", editor.queuesOf(id));
  }

  /**
   * The analysis of the responses (the screen pop's and test runs' too when {@code tests=true}), labelled from the
   * latest version; with {@code row} and {@code col} also their cross-tab.
   */
  @GetMapping("/api/surveys/{id}/results")
  ObjectNode results(@PathVariable String id, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "false") boolean tests,
      @RequestParam(defaultValue = "") String row, @RequestParam(defaultValue = "") String col) {
    ResponseFilter f = SurveyPages.filter(id, from, to, zoneOf(zone), queue, tests);
    List<SurveyResponse> rs = SurveyPages.responses(service, f);
    SurveyAnalyser analyser = SurveyAnalyser.of(service.latest(id).map(PublishedScenario::scenario).orElse(null));
    ObjectNode out = AnalysisJson.analysis(analyser.analyse(rs, f));
    if (!row.isBlank() && !col.isBlank()) {
      out.set("crossTab", AnalysisJson.crossTab(analyser.crossTab(rs, f, row, col)));
    }
    return out;
  }

  /** One row per response ({@link ResponseCsv}): cells a spreadsheet would run as formulas are neutralised. */
  @GetMapping("/api/surveys/{id}/responses.csv")
  void csv(@PathVariable String id, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "false") boolean tests,
      HttpServletResponse response) throws IOException {
    String z = zoneOf(zone);
    ResponseFilter f = SurveyPages.filter(id, from, to, z, queue, tests);
    List<SurveyResponse> rs = SurveyPages.responses(service, f);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"survey-responses.csv\"");
    Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    ResponseCsv.write(w, service.latest(id).map(PublishedScenario::scenario).orElse(null), rs, ZoneId.of(z));
    w.flush();
  }

  private String zoneOf(@Nullable String given) {
    return given == null || given.isBlank() ? zone.getId() : given.strip();
  }

  private boolean exists(String id) {
    return service.draft(id).isPresent() || service.latest(id).isPresent();
  }

  private static String queue(Map<String, String> body) {
    String queue = body.getOrDefault("queue", "");
    if (queue == null || queue.isBlank()) {
      throw new BadInputException("queue", "name a queue");
    }
    return queue.strip();
  }

  private static Map<String, Object> report(ValidationReport r) {
    List<Map<String, String>> problems = new ArrayList<>();
    for (ValidationProblem p : r.problems()) {
      problems.add(Map.of("subject", p.subject(), "severity", p.severity().name(), "code", p.code().name(),
          "message", p.message()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.scenarioId());
    out.put("valid", r.isValid());
    out.put("problems", problems);
    return out;
  }

  /** Errors as one line of JSON, as the other action APIs: 400 bad input, 404, 409 refused, 503 unavailable. */
  @RestControllerAdvice(assignableTypes = SurveyApi.class)
  static class Errors extends ActionApiErrors {
  }
}
