package ru.sipring.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * Errors of the REST API as one-line JSON: a bad parameter is 400 naming it; what is not there (a recording) 404; a queue_log or database that
 * cannot be read is 503 with the library's message (which names the file or the table, never a password).
 */
@RestControllerAdvice(assignableTypes = {InboundReportApi.class, InboundDetailApi.class, RecordingApi.class})
class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(BadInputException.class)
  ResponseEntity<Map<String, String>> badInput(BadInputException e) {
    return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", String.valueOf(e.getMessage())));
  }

  @ExceptionHandler({SipRingException.class, IllegalStateException.class})
  ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
    LOG.warn("report failed: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", String.valueOf(e.getMessage())));
  }
}
