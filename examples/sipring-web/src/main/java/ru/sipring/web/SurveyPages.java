package ru.sipring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.survey.CrossTab;
import ru.sipring.survey.HtmlReport;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.Question;
import ru.sipring.survey.ResponseCsv;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.SurveyAnalyser;
import ru.sipring.survey.SurveyAnalysis;
import ru.sipring.survey.SurveyEditor;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.SvgCharts;

/**
 * The survey screens (guide §9): list, editor (questions, options, branching, validation beside each question),
 * publishing, binding to queues, a test run in the browser, results with charts, cross-tabs, print view and CSV.
 * Every decision is the library's ({@link SurveyEditor}, {@link SurveyService}, {@link SurveyAnalyser}); this
 * class maps forms to those calls. Library messages are shown as text (escaped by Thymeleaf).
 */
@Controller
class SurveyPages {
  private static final String RUN = "survey-run:";
  private final SurveyService service;
  private final SurveyEditor editor;
  private final Clock clock = Clock.systemUTC();

  SurveyPages(SurveyService service) {
    this.service = service;
    this.editor = SurveyEditor.of(service);
  }

  @GetMapping("/surveys")
  String list(Model model) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : service.scenarios().scenarioIds()) {
      Optional<Scenario> draft = service.draft(id);
      Optional<PublishedScenario> latest = service.latest(id);
      String title = draft.map(Scenario::title).orElseGet(() -> latest.map(p -> p.scenario().title()).orElse(""));
      rows.add(Map.of("id", id, "title", title, "version", latest.map(PublishedScenario::version).orElse(0),
          "queues", String.join(", ", editor.queuesOf(id))));
    }
    model.addAttribute("surveys", rows);
    return "surveys";
  }

  @PostMapping("/surveys")
  String create(@RequestParam String id, @RequestParam String title, RedirectAttributes flash) {
    try {
      editor.create(id, title);
      return "redirect:/surveys/" + id.strip();
    } catch (SipRingException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/surveys";
    }
  }

  @GetMapping("/surveys/{id}")
  String edit(@PathVariable String id, Model model) {
    Scenario s = service.draft(id).or(() -> service.latest(id).map(PublishedScenario::scenario))
        .orElseThrow(() -> new ru.sipring.core.NotFoundException("no scenario " + id));
    model.addAttribute("s", s);
    model.addAttribute("problems", SurveyEditor.bySubject(editor.validate(id)));
    model.addAttribute("valid", editor.validate(id).isValid());
    model.addAttribute("versions", service.scenarios().versions(id));
    model.addAttribute("queues", editor.queuesOf(id));
    model.addAttribute("targets", s.questions().stream().map(Question::id).toList());
    model.addAttribute("scenarioSubject", ru.sipring.survey.ValidationProblem.SCENARIO);
    return "survey-edit";
  }

  /** One editor step; the page is shown again with the validator's problems beside each question. */
  @PostMapping("/surveys/{id}/edit")
  String step(@PathVariable String id, @RequestParam String op, @RequestParam Map<String, String> f,
      RedirectAttributes flash) {
    try {
      switch (op) {
        case "header" -> editor.putHeader(id, f.getOrDefault("title", ""), f.get("start"));
        case "question" -> editor.putQuestion(id, f.getOrDefault("qid", ""), f.getOrDefault("type", ""),
            f.getOrDefault("text", ""), f.get("next"));
        case "option" -> editor.putOption(id, f.getOrDefault("qid", ""), f.getOrDefault("oid", ""),
            f.getOrDefault("label", ""), f.get("next"));
        case "remove-question" -> editor.removeQuestion(id, f.getOrDefault("qid", ""));
        case "remove-option" -> editor.removeOption(id, f.getOrDefault("qid", ""), f.getOrDefault("oid", ""));
        case "publish" -> flash.addFlashAttribute("message", "v" + service.publish(id).version());
        case "assign" -> {
          String queue = f.getOrDefault("queue", "").strip();
          if (queue.isEmpty()) {
            throw new BadInputException("queue", "name a queue");
          }
          service.assign(queue, id);
        }
        case "unassign" -> service.unassign(f.getOrDefault("queue", ""));
        default -> throw new BadInputException("op", "unknown editor step " + op);
      }
    } catch (SipRingException | IllegalArgumentException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/surveys/" + id;
  }

  @GetMapping("/surveys/{id}/test")
  String test(@PathVariable String id, @RequestParam(defaultValue = "false") boolean restart, HttpSession session,
      Model model, org.springframework.security.core.Authentication auth) {
    SurveyRun run = (SurveyRun) session.getAttribute(RUN + id);
    model.addAttribute("id", id);
    if (run == null || restart) {
      try {
        run = service.startDraftTestRun(id, auth.getName());
      } catch (SipRingException e) {
        session.removeAttribute(RUN + id);
        model.addAttribute("error", e.getMessage());
        return "survey-test";
      }
      session.setAttribute(RUN + id, run);
    }
    model.addAttribute("run", run);
    model.addAttribute("question", run.current().orElse(null));
    return "survey-test";
  }

  @PostMapping("/surveys/{id}/test")
  String answer(@PathVariable String id, @RequestParam(required = false) List<String> option,
      @RequestParam(required = false) String text, @RequestParam(defaultValue = "answer") String op,
      HttpSession session, RedirectAttributes flash) {
    SurveyRun run = (SurveyRun) session.getAttribute(RUN + id);
    if (run == null || run.isFinished()) {
      return "redirect:/surveys/" + id + "/test?restart=true";
    }
    try {
      Optional<Question> q = run.current();
      if (op.equals("back") && run.canGoBack()) {
        run.back();
      } else if (op.equals("skip")) {
        run.skip();
      } else if (q.isPresent()) {
        switch (q.get().type()) {
          case SINGLE -> run.answerSingle(option == null || option.isEmpty() ? "" : option.get(0));
          case MULTIPLE -> run.answerMultiple(option == null ? List.of() : option);
          case TEXT -> run.answerText(text == null ? "" : text);
        }
      }
      if (run.atEnd()) {
        run.finish();
      }
    } catch (SipRingException | IllegalArgumentException | IllegalStateException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/surveys/" + id + "/test";
  }

  static ResponseFilter filter(String id, String from, String to, String zone, String queue, boolean tests) {
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new BadInputException("zone", zone + " is not a time zone");
    }
    ResponseFilter f = ResponseFilter.forScenario(id)
        .between(from.isBlank() ? null : date("from", from).atStartOfDay(z).toInstant(),
            to.isBlank() ? null : date("to", to).plusDays(1).atStartOfDay(z).toInstant());
    if (!queue.isBlank()) {
      f = f.withQueues(queue.strip());
    }
    return tests ? f.includingTests() : f;
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw new BadInputException(field, "'" + value + "' is not a date like 2026-03-02");
    }
  }

  private List<SurveyResponse> responses(ResponseFilter f) {
    return responses(service, f);
  }

  /** The responses the filter selects; the stream is closed (a database store holds a connection until then). */
  static List<SurveyResponse> responses(SurveyService service, ResponseFilter f) {
    try (java.util.stream.Stream<SurveyResponse> rs = service.responses().find(f)) {
      return rs.toList();
    }
  }

  @GetMapping("/surveys/{id}/results")
  String results(@PathVariable String id, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "Europe/Moscow") String zone,
      @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "false") boolean tests,
      @RequestParam(defaultValue = "") String row, @RequestParam(defaultValue = "") String col, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("zone", zone);
    model.addAttribute("queue", queue);
    model.addAttribute("tests", tests);
    model.addAttribute("row", row);
    model.addAttribute("col", col);
    model.addAttribute("query", "from=" + enc(from) + "&to=" + enc(to) + "&zone=" + enc(zone) + "&queue="
        + enc(queue) + "&tests=" + tests + "&row=" + enc(row) + "&col=" + enc(col));
    try {
      ResponseFilter f = filter(id, from, to, zone, queue, tests);
      List<SurveyResponse> rs = responses(f);
      Scenario reference = service.latest(id).map(PublishedScenario::scenario).orElse(null);
      SurveyAnalysis a = SurveyAnalyser.of(reference).analyse(rs, f);
      model.addAttribute("a", a);
      List<String[]> charts = new ArrayList<>();
      a.questions().forEach(q -> charts.add(new String[] {q.questionId(), String.join("", SvgCharts.forQuestion(q))}));
      model.addAttribute("charts", charts);
      model.addAttribute("choiceQuestions", a.questions().stream().filter(q -> q.type().hasOptions()).toList());
      if (!row.isBlank() && !col.isBlank()) {
        model.addAttribute("cross", SurveyAnalyser.of(reference).crossTab(rs, f, row, col));
      }
    } catch (SipRingException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "survey-results";
  }

  @GetMapping(value = "/surveys/{id}/results/print", produces = "text/html;charset=UTF-8")
  @ResponseBody
  String print(@PathVariable String id, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "Europe/Moscow") String zone,
      @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "false") boolean tests,
      @RequestParam(defaultValue = "") String row, @RequestParam(defaultValue = "") String col, Locale locale) {
    ResponseFilter f = filter(id, from, to, zone, queue, tests);
    List<SurveyResponse> rs = responses(f);
    Scenario reference = service.latest(id).map(PublishedScenario::scenario).orElse(null);
    SurveyAnalyser analyser = SurveyAnalyser.of(reference);
    List<CrossTab> cross = row.isBlank() || col.isBlank() ? List.of() : List.of(analyser.crossTab(rs, f, row, col));
    HtmlReport.Language lang = "ru".equals(WebMvcConfiguration.supported(locale).getLanguage())
        ? HtmlReport.Language.RU : HtmlReport.Language.EN;
    return HtmlReport.render(analyser.analyse(rs, f), cross, ZoneId.of(zone), lang, clock.instant());
  }

  @GetMapping("/surveys/{id}/results.csv")
  void csv(@PathVariable String id, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "Europe/Moscow") String zone,
      @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "false") boolean tests,
      HttpServletResponse response) throws IOException {
    ResponseFilter f = filter(id, from, to, zone, queue, tests);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"survey-responses.csv\"");
    Writer w = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    ResponseCsv.write(w, service.latest(id).map(PublishedScenario::scenario).orElse(null), responses(f),
        ZoneId.of(zone));
    w.flush();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
