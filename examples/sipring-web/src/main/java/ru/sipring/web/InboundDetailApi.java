package ru.sipring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.sipring.core.BadInputException;
import ru.sipring.core.report.DetailRequest;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.render.JsonReportRenderer;
import ru.sipring.spring.InboundReports;
import ru.sipring.spring.SipRingProperties;

/**
 * {@code GET /api/inbound/report/answered} and {@code .../lost}: one page of a detail table, sorted, as the
 * library's JSON ({@link JsonReportRenderer#renderDetail}); paging and sort-key checks are the library's.
 */
@RestController
class InboundDetailApi {
  private final InboundReports reports;
  private final SipRingProperties props;

  InboundDetailApi(InboundReports reports, SipRingProperties props) {
    this.reports = reports;
    this.props = props;
  }

  @Operation(summary = "One page of the answered or lost calls, sorted")
  @GetMapping(value = "/api/inbound/report/{table}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> page(@Parameter(description = "answered or lost") @PathVariable String table,
      @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String zone,
      @RequestParam(name = "queue", required = false) @Nullable List<String> queues,
      @RequestParam(name = "agent", required = false) @Nullable List<String> agents,
      @RequestParam(name = "caller", required = false) @Nullable List<String> callers,
      @RequestParam(required = false) @Nullable String view,
      @Parameter(description = "page number, from 1") @RequestParam(required = false) @Nullable String page,
      @Parameter(description = "rows per page, 1 to 500 (default 50)") @RequestParam(required = false) @Nullable String size,
      @Parameter(description = "sort key (answered: enteredAt, queue, agent, agentName, caller, wait, talk, position,"
          + " endedBy, stints; lost: enteredAt, queue, caller, wait, position, cause, agent, stints); a leading - sorts"
          + " descending") @RequestParam(required = false) @Nullable String sort) {
    ReportSection section = section(table);
    DetailRequest request = DetailRequest.parse(page, size, sort);
    InboundReports.Query q = ReportRequests.query(from, to, zone, props.zoneOrDefault(), section.key(),
        InboundReportApi.orEmpty(queues), InboundReportApi.orEmpty(agents), InboundReportApi.orEmpty(callers), view,
        null);
    StringBuilder out = new StringBuilder(1 << 14);
    JsonReportRenderer.of().renderDetail(reports.compute(q), section, request, out);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString());
  }

  static ReportSection section(String table) {
    for (ReportSection s : EnumSet.of(ReportSection.ANSWERED, ReportSection.LOST)) {
      if (s.key().equals(table)) {
        return s;
      }
    }
    throw new BadInputException("table", "'" + table + "' is not a detail table (answered, lost)");
  }
}
