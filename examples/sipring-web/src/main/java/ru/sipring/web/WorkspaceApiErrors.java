package ru.sipring.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of {@link WorkspaceApi} (feature: operator workspace) as {@link ActionApiErrors} words them
 * ({@code {"error": ...}}, 400/404/409/503), plus 403 for another operator's call or pop and 400 for a missing or
 * malformed parameter.
 */
@RestControllerAdvice(assignableTypes = WorkspaceApi.class)
class WorkspaceApiErrors extends ActionApiErrors {
  @ExceptionHandler(WorkspaceApi.Forbidden.class)
  ResponseEntity<Map<String, String>> forbidden(WorkspaceApi.Forbidden e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", String.valueOf(e.getMessage())));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<Map<String, String>> badParameter(Exception e) {
    return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
  }
}
