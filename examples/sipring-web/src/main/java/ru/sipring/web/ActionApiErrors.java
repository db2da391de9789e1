package ru.sipring.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;

/**
 * Errors of the action APIs ({@link AdminApi}, {@link AgentApi}) as one-line JSON {@code {"error": ...}}: a bad
 * field 400 naming it, an unknown user/operator 404, a refusal (wrong service password, a taken name, the PBX saying
 * no) 409, no database or PBX 503.
 */
@RestControllerAdvice(assignableTypes = {AdminApi.class, AgentApi.class})
class ActionApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ActionApiErrors.class);

  @ExceptionHandler({BadInputException.class, java.time.format.DateTimeParseException.class})
  ResponseEntity<Map<String, String>> badInput(RuntimeException e) {
    return body(HttpStatus.BAD_REQUEST, e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("error", "the body is not the JSON object this request takes"));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
    return body(HttpStatus.NOT_FOUND, e);
  }

  @ExceptionHandler(RejectedException.class)
  ResponseEntity<Map<String, String>> rejected(RejectedException e) {
    return body(HttpStatus.CONFLICT, e);
  }

  @ExceptionHandler(SipRingException.class)
  ResponseEntity<Map<String, String>> unavailable(SipRingException e) {
    LOG.warn("action failed: {}", e.getMessage());
    return body(HttpStatus.SERVICE_UNAVAILABLE, e);
  }

  private static ResponseEntity<Map<String, String>> body(HttpStatus status, RuntimeException e) {
    return ResponseEntity.status(status).body(Map.of("error", String.valueOf(e.getMessage())));
  }
}
