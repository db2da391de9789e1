package ru.sipring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.sipring.core.BadInputException;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.render.CsvReportRenderer;
import ru.sipring.core.report.render.HtmlReportRenderer;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.core.report.render.Printout;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.print.PdfPrintout;
import ru.sipring.print.XlsxPrintout;
import ru.sipring.spring.InboundReports;
import ru.sipring.spring.SipRingProperties;

/**
 * {@code GET /api/inbound/report}: the inbound report over the configured queue_log as the library's JSON, the
 * same bytes {@code sipring report --format json} writes for the same input and options; {@code .csv} (one
 * section) and {@code .html} (the printable page) through the library's renderers. The web adds no arithmetic.
 */
@RestController
class InboundReportApi {
  private final InboundReports reports;
  private final SipRingProperties props;

  InboundReportApi(InboundReports reports, SipRingProperties props) {
    this.reports = reports;
    this.props = props;
  }

  @Operation(summary = "Inbound report as JSON (the schema of docs/inbound-report.md)")
  @GetMapping(value = "/api/inbound/report", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> json(
      @Parameter(description = "start (inclusive): 2026-03-02 or 2026-03-02T09:00 in the zone") @RequestParam(required = false) @Nullable String from,
      @Parameter(description = "end (exclusive); a date alone means the end of that day") @RequestParam(required = false) @Nullable String to,
      @Parameter(description = "time zone, default sipring.zone") @RequestParam(required = false) @Nullable String zone,
      @Parameter(description = "sections by JSON key, comma-separated (default all)") @RequestParam(required = false) @Nullable String sections,
      @Parameter(description = "only these queues") @RequestParam(name = "queue", required = false) @Nullable List<String> queues,
      @Parameter(description = "only calls answered by these agents") @RequestParam(name = "agent", required = false) @Nullable List<String> agents,
      @Parameter(description = "only calls from these numbers") @RequestParam(name = "caller", required = false) @Nullable List<String> callers,
      @Parameter(description = "queue or caller") @RequestParam(required = false) @Nullable String view,
      @Parameter(description = "hour, day or month") @RequestParam(required = false) @Nullable String period) {
    InboundReports.Query q = query(from, to, zone, sections, queues, agents, callers, view, period);
    StringBuilder out = new StringBuilder(1 << 16);
    JsonReportRenderer.of().render(reports.compute(q), q.sections(), out);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
  }

  @Operation(summary = "One section of the inbound report as CSV")
  @GetMapping(value = "/api/inbound/report.csv", produces = "text/csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @Parameter(description = "the section (JSON key), default summary") @RequestParam(required = false) @Nullable String section,
      @RequestParam(name = "queue", required = false) @Nullable List<String> queues,
      @RequestParam(name = "agent", required = false) @Nullable List<String> agents,
      @RequestParam(required = false) @Nullable String view,
      @Parameter(description = "start with a UTF-8 byte order mark (Excel)") @RequestParam(defaultValue = "false") boolean bom) {
    String key = ReportRequests.blank(section) ? "summary" : section;
    InboundReports.Query q = query(from, to, zone, key, queues, agents, null, view, null);
    if (q.sections().size() != 1) {
      throw new BadInputException("section", "one section per CSV file");
    }
    ReportSection s = q.sections().iterator().next();
    StringBuilder out = new StringBuilder(1 << 16);
    CsvReportRenderer.of(bom).renderSection(reports.compute(q), s, out);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(s.key() + ".csv").build().toString())
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Operation(summary = "The inbound report as one printable HTML page")
  @GetMapping(value = "/api/inbound/report.html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String sections,
      @RequestParam(name = "queue", required = false) @Nullable List<String> queues,
      @RequestParam(name = "agent", required = false) @Nullable List<String> agents,
      @RequestParam(required = false) @Nullable String view,
      @Parameter(description = "ru or en") @RequestParam(defaultValue = "ru") String lang) {
    InboundReports.Query q = query(from, to, zone, sections, queues, agents, null, view, null);
    ReportLanguage language;
    try {
      language = ReportLanguage.ofCode(lang.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("lang", String.valueOf(e.getMessage()));
    }
    StringBuilder out = new StringBuilder(1 << 16);
    HtmlReportRenderer.of(language).render(reports.compute(q), q.sections(), out);
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(out.toString());
  }

  @Operation(summary = "The guide's grouped printout (answered calls by queue and by operator with «Итого» blocks, "
      + "operators and queues) as PDF")
  @GetMapping(value = "/api/inbound/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String sections,
      @RequestParam(name = "queue", required = false) @Nullable List<String> queues,
      @RequestParam(name = "agent", required = false) @Nullable List<String> agents,
      @RequestParam(required = false) @Nullable String view,
      @Parameter(description = "ru or en") @RequestParam(defaultValue = "ru") String lang) {
    return printout(from, to, zone, sections, queues, agents, view, lang, "pdf", MediaType.APPLICATION_PDF);
  }

  @Operation(summary = "The guide's grouped printout as an XLSX workbook (figures as numbers)")
  @GetMapping(value = "/api/inbound/report.xlsx", produces = XLSX)
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String sections,
      @RequestParam(name = "queue", required = false) @Nullable List<String> queues,
      @RequestParam(name = "agent", required = false) @Nullable List<String> agents,
      @RequestParam(required = false) @Nullable String view,
      @Parameter(description = "ru or en") @RequestParam(defaultValue = "ru") String lang) {
    return printout(from, to, zone, sections, queues, agents, view, lang, "xlsx", MediaType.parseMediaType(XLSX));
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The library lays the printout out ({@link Printout#inbound}) and sipring-print writes the file. */
  private ResponseEntity<byte[]> printout(@Nullable String from, @Nullable String to, @Nullable String zone,
      @Nullable String sections, @Nullable List<String> queues, @Nullable List<String> agents,
      @Nullable String view, String lang, String extension, MediaType type) {
    InboundReports.Query q = query(from, to, zone, sections, queues, agents, null, view, null);
    ReportLanguage language;
    try {
      language = ReportLanguage.ofCode(lang.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("lang", String.valueOf(e.getMessage()));
    }
    Printout p = Printout.inbound(reports.compute(q), language);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    if (extension.equals("pdf")) {
      PdfPrintout.of().write(p, out);
    } else {
      XlsxPrintout.of().write(p, out);
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("inbound-report." + extension).build().toString())
        .contentType(type).body(out.toByteArray());
  }

  private InboundReports.Query query(@Nullable String from, @Nullable String to, @Nullable String zone,
      @Nullable String sections, @Nullable List<String> queues, @Nullable List<String> agents,
      @Nullable List<String> callers, @Nullable String view, @Nullable String period) {
    return ReportRequests.query(from, to, zone, props.zoneOrDefault(), sections, orEmpty(queues), orEmpty(agents),
        orEmpty(callers), view, period);
  }

  static List<String> orEmpty(@Nullable List<String> l) {
    return l == null ? List.of() : l;
  }
}
