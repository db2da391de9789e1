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
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.text.TerminalText;

/**
 * Errors of {@code /api/fax/**} and {@code /api/cluster/**} as {@code {"error": "..."}}: 400 bad input naming the
 * field, 404 not found (also what a user may not see), 403 refused by a right or by the cluster, 503 hfaxd or the
 * cluster tools unreachable.
 */
@RestControllerAdvice(assignableTypes = {FaxApi.class, ClusterApi.class})
class OpsApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(OpsApiErrors.class);

  @ExceptionHandler(BadInputException.class)
  ResponseEntity<Map<String, String>> badInput(BadInputException e) {
    return body(HttpStatus.BAD_REQUEST, e);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
    return body(HttpStatus.NOT_FOUND, e);
  }

  @ExceptionHandler(RejectedException.class)
  ResponseEntity<Map<String, String>> rejected(RejectedException e) {
    return body(HttpStatus.FORBIDDEN, e);
  }

  @ExceptionHandler(SipRingException.class)
  ResponseEntity<Map<String, String>> unavailable(SipRingException e) {
    LOG.warn("fax/cluster request failed: {}", TerminalText.escape(e.getMessage()));
    return body(HttpStatus.SERVICE_UNAVAILABLE, e);
  }

  private static ResponseEntity<Map<String, String>> body(HttpStatus status, Exception e) {
    return ResponseEntity.status(status).body(Map.of("error", String.valueOf(e.getMessage())));
  }
}
