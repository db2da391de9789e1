package ru.sipring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.report.OutboundReport;
import ru.sipring.campaign.report.OutboundReportRenderer;
import ru.sipring.campaign.tariff.RateVersion;
import ru.sipring.campaign.tariff.TariffEdit;
import ru.sipring.campaign.tariff.TariffImport;
import ru.sipring.cdr.CallRecordings;
import ru.sipring.cdr.Recording;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.print.PdfPrintout;
import ru.sipring.print.XlsxPrintout;

/**
 * The billing API: rate tables and their versions ({@code /api/billing/tariffs...}: read by admins and supervisors,
 * imported and edited by admins), the outbound reports ({@code /api/outbound/report} as JSON, CSV, printable HTML,
 * the guide's «Отчет 2» printout as PDF and XLSX, all through the library's renderers) and a dialled call's
 * recording. Errors are {@link BillingApiErrors}' one-line JSON.
 */
@RestController
class BillingApi {
  private final OutboundReporting reporting;
  private final ObjectProvider<CallRecordings> recordings;

  BillingApi(OutboundReporting reporting, ObjectProvider<CallRecordings> recordings) {
    this.reporting = reporting;
    this.recordings = recordings;
  }

  /** A version as the API shows it. */
  record VersionView(String table, int version, Instant validFrom, Instant createdAt, String source, int rateCount,
      @Nullable List<ru.sipring.campaign.billing.Tariff> rates) {
    static VersionView of(RateVersion v, boolean withRates) {
      return new VersionView(v.table(), v.version(), v.validFrom(), v.createdAt(), v.source(), v.rates().size(),
          withRates ? v.rates() : null);
    }
  }

  /** A rate table: its name and versions, oldest first. */
  record TableView(String table, List<VersionView> versions) {}

  /** A rejected line of an imported file. */
  record ProblemView(long line, String message) {}

  /** What an import stored and what it left out. */
  record ImportView(VersionView version, List<ProblemView> rejected) {}

  /** An edited version: its first day and its rates as rows of text fields. */
  record EditRequest(@Nullable String validFrom, @Nullable List<TariffEdit.Row> rates) {}

  @Operation(summary = "Rate tables with their versions (validity, source, number of rates)")
  @GetMapping("/api/billing/tariffs")
  List<TableView> tables() {
    List<TableView> out = new ArrayList<>();
    for (String t : reporting.tariffs().tables()) {
      out.add(new TableView(t, reporting.tariffs().versions(t).stream().map(v -> VersionView.of(v, false)).toList()));
    }
    return out;
  }

  @Operation(summary = "One rate table: every version with its rates")
  @GetMapping("/api/billing/tariffs/{table}")
  TableView table(@PathVariable String table) {
    List<RateVersion> versions = reporting.tariffs().versions(table);
    if (versions.isEmpty()) {
      throw new NotFoundException("no rate table named " + table);
    }
    return new TableView(versions.get(0).table(), versions.stream().map(v -> VersionView.of(v, true)).toList());
  }

  @Operation(summary = "Imports a rate file (SipRing CSV, A2Billing or ASTPP) as the table's next version; "
      + "every rejected line is listed with its number (admins)")
  @PostMapping(value = "/api/billing/tariffs/{table}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportView> importFile(@PathVariable String table,
      @Parameter(description = "the rate file") @RequestParam("file") MultipartFile file,
      @Parameter(description = "the first call start the version rates: 2026-03-01 or 2026-03-01T00:00 in the zone")
      @RequestParam String validFrom,
      @Parameter(description = "time zone of validFrom and of dates in the file, default sipring.zone")
      @RequestParam(required = false) @Nullable String zone) throws IOException {
    ZoneId z = ReportRequests.zone(zone, reporting.defaultZone());
    Instant from = ReportRequests.time("validFrom", validFrom, z, false);
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
        : file.getOriginalFilename();
    TariffImport.Imported r = TariffImport.importBytes(reporting.tariffs(), table, name, file.getBytes(), z, from);
    return ResponseEntity.status(HttpStatus.CREATED).body(new ImportView(VersionView.of(r.version(), false),
        r.problems().stream().map(p -> new ProblemView(p.line(), p.message())).toList()));
  }

  @Operation(summary = "Stores edited rates as the table's next version; a bad row is answered 400 naming "
      + "rows[i].field, and nothing is stored (admins)")
  @PostMapping(value = "/api/billing/tariffs/{table}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<VersionView> edit(@PathVariable String table, @RequestBody EditRequest body) {
    if (body.validFrom() == null || body.validFrom().isBlank()) {
      throw new BadInputException("validFrom", "the first day the version rates is needed");
    }
    Instant from = ReportRequests.time("validFrom", body.validFrom(), reporting.defaultZone(), false);
    RateVersion v = TariffEdit.save(reporting.tariffs(), table, from,
        body.rates() == null ? List.of() : body.rates());
    return ResponseEntity.status(HttpStatus.CREATED).body(VersionView.of(v, true));
  }

  @Operation(summary = "The outbound report (by operator, project, task, assignment, «Отчет 2», call detail with "
      + "cost) as the library's JSON")
  @GetMapping(value = "/api/outbound/report", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> json(@Parameter(description = "start: 2026-03-02 or 2026-03-02T09:00; default the 1st of "
      + "this month") @RequestParam(required = false) @Nullable String from,
      @Parameter(description = "end (exclusive); a date alone means the end of that day; default the end of today")
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String zone,
      @Parameter(description = "project id") @RequestParam(required = false) @Nullable String project,
      @Parameter(description = "task id") @RequestParam(required = false) @Nullable String task,
      @Parameter(description = "assignment id") @RequestParam(required = false) @Nullable String assignment,
      @Parameter(description = "operator name") @RequestParam(required = false) @Nullable String operator,
      @Parameter(description = "the rate table; default the first stored")
      @RequestParam(required = false) @Nullable String tariff) {
    return text(render(from, to, zone, project, task, assignment, operator, tariff,
        OutboundReportRenderer.Format.JSON), MediaType.APPLICATION_JSON, null);
  }

  @Operation(summary = "The outbound report as CSV (every table after a # line; outside text formula-neutralised)")
  @GetMapping(value = "/api/outbound/report.csv", produces = "text/csv")
  ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String project, @RequestParam(required = false) @Nullable String task,
      @RequestParam(required = false) @Nullable String assignment,
      @RequestParam(required = false) @Nullable String operator,
      @RequestParam(required = false) @Nullable String tariff) {
    return text(render(from, to, zone, project, task, assignment, operator, tariff,
        OutboundReportRenderer.Format.CSV), new MediaType("text", "csv", StandardCharsets.UTF_8), "outbound-report.csv");
  }

  @Operation(summary = "The outbound report as one printable HTML page")
  @GetMapping(value = "/api/outbound/report.html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String project, @RequestParam(required = false) @Nullable String task,
      @RequestParam(required = false) @Nullable String assignment,
      @RequestParam(required = false) @Nullable String operator,
      @RequestParam(required = false) @Nullable String tariff) {
    return text(render(from, to, zone, project, task, assignment, operator, tariff,
        OutboundReportRenderer.Format.HTML), new MediaType("text", "html", StandardCharsets.UTF_8), null);
  }

  @Operation(summary = "The guide's «Отчет 2» printout (each operator's calls closed by «Итого вызовов») as PDF")
  @GetMapping(value = "/api/outbound/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String project, @RequestParam(required = false) @Nullable String task,
      @RequestParam(required = false) @Nullable String assignment,
      @RequestParam(required = false) @Nullable String operator,
      @RequestParam(required = false) @Nullable String tariff) {
    OutboundReport r = reporting.report(reporting.query(from, to, zone, project, task, assignment, operator, tariff));
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    PdfPrintout.of().write(OutboundReportRenderer.printout(r), out);
    return bytes(out.toByteArray(), MediaType.APPLICATION_PDF, "outbound-report2.pdf");
  }

  @Operation(summary = "The guide's «Отчет 2» printout as an XLSX workbook (figures as numbers)")
  @GetMapping(value = "/api/outbound/report.xlsx", produces = InboundReportApi.XLSX)
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String project, @RequestParam(required = false) @Nullable String task,
      @RequestParam(required = false) @Nullable String assignment,
      @RequestParam(required = false) @Nullable String operator,
      @RequestParam(required = false) @Nullable String tariff) {
    OutboundReport r = reporting.report(reporting.query(from, to, zone, project, task, assignment, operator, tariff));
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    XlsxPrintout.of().write(OutboundReportRenderer.printout(r), out);
    return bytes(out.toByteArray(), MediaType.parseMediaType(InboundReportApi.XLSX), "outbound-report2.xlsx");
  }

  @Operation(summary = "A dialled call's recording (audio; Range requests answered), found by the call's uniqueid "
      + "in the recordings directory")
  @GetMapping("/api/outbound/recordings/{attemptId}")
  ResponseEntity<Resource> recording(@Parameter(description = "the call's id (a report row's attemptId)")
      @PathVariable long attemptId,
      @Parameter(description = "as an attachment (download) instead of inline")
      @RequestParam(defaultValue = "false") boolean download) {
    Recording r = find(attemptId);
    String name = r.path().getFileName().toString();
    ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
        .filename(name).build();
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.parseMediaType(CallRecordings.contentType(r)))
        .body(new FileSystemResource(r.path()));
  }

  /** The recording of a call attempt, by its uniqueid and the day it started (the dated directory). */
  Recording find(long attemptId) {
    CallRecordings finder = recordings.getIfAvailable();
    if (finder == null) {
      throw new NotFoundException("recordings are not configured (sipring.recordings.directory)");
    }
    CallAttempt a = reporting.store().attempts().byId(attemptId)
        .orElseThrow(() -> new NotFoundException("no call with id " + attemptId));
    if (a.uniqueId() == null || a.recording() == null || a.recording().isEmpty()) {
      throw new NotFoundException("call " + attemptId + " has no recording");
    }
    return finder.find(a.uniqueId(), LocalDate.ofInstant(a.startedAt(), reporting.defaultZone()));
  }

  private String render(@Nullable String from, @Nullable String to, @Nullable String zone, @Nullable String project,
      @Nullable String task, @Nullable String assignment, @Nullable String operator, @Nullable String tariff,
      OutboundReportRenderer.Format format) {
    OutboundReport r = reporting.report(reporting.query(from, to, zone, project, task, assignment, operator, tariff));
    StringWriter out = new StringWriter(1 << 14);
    OutboundReportRenderer.render(r, format, out);
    return out.toString();
  }

  private static ResponseEntity<String> text(String body, MediaType type, @Nullable String attachment) {
    ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(type);
    if (attachment != null) {
      b.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(attachment).build().toString());
    }
    return b.body(body);
  }

  private static ResponseEntity<byte[]> bytes(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .contentType(type).body(body);
  }
}
