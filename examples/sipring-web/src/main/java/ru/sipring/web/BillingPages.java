package ru.sipring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.report.OutboundCharts;
import ru.sipring.campaign.report.OutboundReport;
import ru.sipring.campaign.tariff.RateVersion;
import ru.sipring.campaign.tariff.TariffEdit;
import ru.sipring.campaign.tariff.TariffImport;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * The billing screens: rate tables with their versions, editing a version's rates (the library's
 * {@link TariffEdit} checks every row), importing a rate file as a new version ({@link TariffImport}: every rejected
 * line shown with its number), and the outbound reports (by operator, project, task and assignment, «Отчет 2», call
 * detail with cost and recording, charts from {@link OutboundCharts}, print view and exports through
 * {@link BillingApi}). Admins change rates; supervisors read. No arithmetic here.
 */
@Controller
class BillingPages {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final int EXTRA_ROWS = 3;
  private final OutboundReporting reporting;
  private final BillingApi api;
  private final MessageSource messages;

  BillingPages(OutboundReporting reporting, BillingApi api, MessageSource messages) {
    this.reporting = reporting;
    this.api = api;
    this.messages = messages;
  }

  @GetMapping("/billing/tariffs")
  String tables(Model model) {
    model.addAttribute("tables", tableRows());
    model.addAttribute("today", LocalDate.ofInstant(reporting.now(), reporting.defaultZone()).toString());
    return "billing-tariffs";
  }

  @PostMapping("/billing/tariffs/import")
  String importFile(@RequestParam(required = false) @Nullable String table,
      @RequestParam(required = false) @Nullable String validFrom,
      @RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response)
      throws IOException {
    model.addAttribute("formTable", table == null ? "" : table);
    model.addAttribute("formValidFrom", validFrom == null ? "" : validFrom);
    try {
      if (table == null || table.isBlank()) {
        throw new BadInputException("table", "a rate table needs a name");
      }
      if (validFrom == null || validFrom.isBlank()) {
        throw new BadInputException("validFrom", "the first day the version rates is needed");
      }
      if (file == null || file.isEmpty()) {
        throw new BadInputException("file", "choose a rate file");
      }
      ZoneId z = reporting.defaultZone();
      Instant from = ReportRequests.time("validFrom", validFrom, z, false);
      String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
          : file.getOriginalFilename();
      TariffImport.Imported r = TariffImport.importBytes(reporting.tariffs(), table.trim(), name, file.getBytes(), z,
          from);
      model.addAttribute("imported", version(r.version()));
      model.addAttribute("rejected", r.problems());
    } catch (BadInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
    }
    model.addAttribute("tables", tableRows());
    model.addAttribute("today", LocalDate.ofInstant(reporting.now(), reporting.defaultZone()).toString());
    return "billing-tariffs";
  }

  @GetMapping("/billing/tariffs/{table}")
  String table(@PathVariable String table, @RequestParam(required = false) @Nullable Integer version, Model model) {
    List<RateVersion> versions = reporting.tariffs().versions(table);
    if (versions.isEmpty()) {
      throw new NotFoundException("no rate table named " + table);
    }
    RateVersion shown = versions.get(versions.size() - 1);
    if (version != null) {
      shown = versions.stream().filter(v -> v.version() == version).findFirst()
          .orElseThrow(() -> new NotFoundException("rate table " + table + " has no version " + version));
    }
    List<TariffEdit.Row> rows = new ArrayList<>(shown.rates().stream().map(TariffEdit.Row::of).toList());
    String today = LocalDate.ofInstant(reporting.now(), reporting.defaultZone()).toString();
    fillTable(model, versions, shown, rows, new TariffEdit.Checked(List.of(), List.of()), today);
    model.addAttribute("rowErrors", List.of());
    return "billing-tariff";
  }

  @PostMapping("/billing/tariffs/{table}/versions")
  String edit(@PathVariable String table, @RequestParam(required = false) @Nullable String validFrom,
      HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    List<RateVersion> versions = reporting.tariffs().versions(table);
    if (versions.isEmpty()) {
      throw new NotFoundException("no rate table named " + table);
    }
    // the form's columns, read as sent: one value per row, none split at a comma (1,50 is a price)
    String[][] cols = new String[8][];
    String[] names = {"prefix", "name", "pricePerMinute", "initialBlock", "billingBlock", "connectCharge",
        "freeSeconds", "minimalCost"};
    int n = 0;
    for (int i = 0; i < names.length; i++) {
      String[] v = request.getParameterValues(names[i]);
      cols[i] = v == null ? new String[0] : v;
      n = Math.max(n, cols[i].length);
    }
    List<TariffEdit.Row> rows = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      String[] f = new String[8];
      for (int i = 0; i < 8; i++) {
        f[i] = r < cols[i].length ? cols[i][r] : "";
      }
      rows.add(new TariffEdit.Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
    }
    TariffEdit.Checked checked = TariffEdit.check(rows);
    String from = validFrom == null ? "" : validFrom;
    try {
      if (from.isBlank()) {
        throw new BadInputException("validFrom", "the first day the version rates is needed");
      }
      Instant at = ReportRequests.time("validFrom", from, reporting.defaultZone(), false);
      if (checked.ok()) {
        RateVersion v = TariffEdit.save(reporting.tariffs(), table, at, rows);
        redirect.addAttribute("version", v.version());
        redirect.addFlashAttribute("done", "billing.saved");
        return "redirect:/billing/tariffs/" + UriComponentsBuilder.newInstance().pathSegment(v.table()).build()
            .encode().toUriString().substring(1);
      }
    } catch (BadInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    // the blank rows the form sent at the end are the ones it offers again, not kept as well
    while (!rows.isEmpty() && rows.get(rows.size() - 1).blank()) {
      rows.remove(rows.size() - 1);
    }
    fillTable(model, versions, versions.get(versions.size() - 1), rows, checked, from);
    List<String> errors = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      errors.add(String.join("; ", checked.errorsOf(r).stream().map(e -> e.field() + ": " + e.message()).toList()));
    }
    for (int r = rows.size(); r < rows.size() + EXTRA_ROWS; r++) {
      errors.add("");
    }
    model.addAttribute("rowErrors", errors);
    model.addAttribute("invalid", !checked.ok());
    return "billing-tariff";
  }

  @GetMapping("/outbound/report")
  String report(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String project, @RequestParam(required = false) @Nullable String task,
      @RequestParam(required = false) @Nullable String assignment,
      @RequestParam(required = false) @Nullable String operator,
      @RequestParam(required = false) @Nullable String tariff, Model model, HttpServletResponse response,
      Locale locale) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("from", from == null ? "" : from);
    form.put("to", to == null ? "" : to);
    form.put("project", project == null ? "" : project);
    form.put("task", task == null ? "" : task);
    form.put("assignment", assignment == null ? "" : assignment);
    form.put("operator", operator == null ? "" : operator);
    form.put("tariff", tariff == null ? "" : tariff);
    model.addAttribute("form", form);
    model.addAttribute("tariffNames", reporting.tariffs().tables());
    List<String[]> places = new ArrayList<>();
    for (Project p : reporting.store().campaigns().projects()) {
      places.add(new String[] {"project", Long.toString(p.id()), p.name()});
      for (Task t : reporting.store().campaigns().tasks(p.id())) {
        places.add(new String[] {"task", Long.toString(t.id()), p.name() + " / " + t.name()});
        for (Assignment a : reporting.store().campaigns().assignments(t.id())) {
          places.add(new String[] {"assignment", Long.toString(a.id()), p.name() + " / " + t.name() + " / " + a.name()});
        }
      }
    }
    model.addAttribute("places", places);
    try {
      OutboundReporting.Query q = reporting.query(from, to, null, project, task, assignment, operator, tariff);
      OutboundReport r = reporting.report(q);
      model.addAttribute("r", r);
      model.addAttribute("period", DATE_TIME.format(q.from().atZone(q.zone())) + " — "
          + DATE_TIME.format(q.to().atZone(q.zone())) + " (" + q.zone() + ")");
      List<Map<String, Object>> calls = new ArrayList<>();
      for (OutboundReport.CallRow c : r.calls()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", c);
        m.put("at", DATE_TIME.format(c.at().atZone(q.zone())));
        m.put("audio", hasRecording(c) ? "/api/outbound/recordings/" + c.attemptId() : "");
        calls.add(m);
      }
      model.addAttribute("calls", calls);
      model.addAttribute("chartCalls", OutboundCharts.bars(messages.getMessage("billing.chart.calls", null, locale),
          r.byOperator(), OutboundCharts.Measure.CALLS));
      model.addAttribute("chartCost", OutboundCharts.bars(messages.getMessage("billing.chart.cost", null, locale),
          r.byOperator(), OutboundCharts.Measure.COST));
      model.addAttribute("chartDays", OutboundCharts.callsPerDay(messages.getMessage("billing.chart.days", null,
          locale), r));
      UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/outbound/report");
      form.forEach((k, v) -> {
        if (!v.isBlank()) {
          link.queryParam(k, v);
        }
      });
      for (String f : new String[] {"json", "csv", "html", "pdf", "xlsx"}) {
        model.addAttribute(f + "Link", (f.equals("json") ? link.cloneBuilder() : link.cloneBuilder().path("." + f))
            .build().encode().toUriString());
      }
    } catch (BadInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
    } catch (SipRingException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "outbound-report";
  }

  /** The player is shown only when the call's file is there (and inside the recordings directory). */
  private boolean hasRecording(OutboundReport.CallRow c) {
    if (c.recording() == null || c.recording().isEmpty() || c.uniqueId() == null || c.attemptId() == 0) {
      return false;
    }
    try {
      api.find(c.attemptId());
      return true;
    } catch (SipRingException e) {
      return false;
    }
  }

  private void fillTable(Model model, List<RateVersion> versions, RateVersion shown, List<TariffEdit.Row> rows,
      TariffEdit.Checked checked, String validFrom) {
    model.addAttribute("table", versions.get(0).table());
    model.addAttribute("versions", versions.stream().map(this::version).toList());
    model.addAttribute("shown", version(shown));
    model.addAttribute("rates", shown.rates());
    List<TariffEdit.Row> editRows = new ArrayList<>(rows);
    for (int i = 0; i < EXTRA_ROWS; i++) {
      editRows.add(new TariffEdit.Row("", "", "", "", "", "", "", ""));
    }
    model.addAttribute("editRows", editRows);
    model.addAttribute("validFrom", validFrom);
    model.addAttribute("checked", checked);
  }

  private List<Map<String, Object>> tableRows() {
    List<Map<String, Object>> out = new ArrayList<>();
    Instant now = reporting.now();
    for (String t : reporting.tariffs().tables()) {
      List<RateVersion> vs = reporting.tariffs().versions(t);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t);
      m.put("versions", vs.size());
      RateVersion current = null;
      for (RateVersion v : vs) {
        if (!v.validFrom().isAfter(now) && (current == null || !v.validFrom().isBefore(current.validFrom()))) {
          current = v;
        }
      }
      m.put("current", current == null ? null : version(current));
      m.put("latest", version(vs.get(vs.size() - 1)));
      out.add(m);
    }
    return out;
  }

  private Map<String, Object> version(RateVersion v) {
    ZoneId z = reporting.defaultZone();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", v.table());
    m.put("version", v.version());
    m.put("validFrom", DATE_TIME.format(v.validFrom().atZone(z)));
    m.put("createdAt", DATE_TIME.format(v.createdAt().atZone(z)));
    m.put("source", v.source());
    m.put("rates", v.rates().size());
    return m;
  }
}
