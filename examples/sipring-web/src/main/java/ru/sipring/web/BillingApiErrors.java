package ru.sipring.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The billing API's errors: the same one-line JSON {@code {"error": ...}} as {@link ActionApiErrors} (whose
 * handlers it inherits), plus a missing or mistyped parameter or file part as 400 naming it.
 */
@RestControllerAdvice(assignableTypes = BillingApi.class)
class BillingApiErrors extends ActionApiErrors {
  @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
      MethodArgumentTypeMismatchException.class})
  ResponseEntity<Map<String, String>> missing(Exception e) {
    String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
        : e instanceof MissingServletRequestPartException p ? p.getRequestPartName()
        : ((MethodArgumentTypeMismatchException) e).getName();
    return ResponseEntity.badRequest().body(Map.of("error", name + ": missing or not of the expected type"));
  }
}
