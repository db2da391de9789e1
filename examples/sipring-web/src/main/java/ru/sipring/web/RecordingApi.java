package ru.sipring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.sipring.cdr.CallRecordings;
import ru.sipring.cdr.Recording;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;

/**
 * {@code GET /api/inbound/recordings/{callId}?day=D}: a call's recording for the page's player and its download
 * link. Which file is the library's ({@link CallRecordings}: only files whose real path lies inside
 * {@code sipring.recordings.directory}); Spring MVC answers {@code Range} requests for a {@link Resource} body
 * with 206 and the part asked for, which players need for seeking. Under {@code /api/inbound/**}: admins and
 * supervisors only, as the reports.
 */
@RestController
class RecordingApi {
  private final ObjectProvider<CallRecordings> recordings;

  RecordingApi(ObjectProvider<CallRecordings> recordings) {
    this.recordings = recordings;
  }

  @Operation(summary = "A call's recording (audio; Range requests answered)")
  @GetMapping("/api/inbound/recordings/{callId}")
  ResponseEntity<Resource> recording(
      @Parameter(description = "the queue_log call id (CDR uniqueid) of a report row") @PathVariable String callId,
      @Parameter(description = "the day the call came in, 2026-03-02 (its dated directory)") @RequestParam String day,
      @Parameter(description = "as an attachment (download) instead of inline") @RequestParam(defaultValue = "false")
          boolean download) {
    CallRecordings finder = recordings.getIfAvailable();
    if (finder == null) {
      throw new NotFoundException("recordings are not configured (sipring.recordings.directory)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(day.trim());
    } catch (DateTimeException e) {
      throw new BadInputException("day", "'" + day + "' is not an ISO date such as 2026-03-02");
    }
    Recording r = finder.find(callId, date);
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
}
