package ru.sipring.web;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The campaign API's errors as the other action APIs give them ({@link ActionApiErrors}: {@code {"error": ...}}, a
 * bad field 400, unknown 404, refused 409, no database or PBX 503), without widening that shared advice.
 */
@RestControllerAdvice(assignableTypes = CampaignApi.class)
class CampaignApiErrors extends ActionApiErrors {
  @org.springframework.web.bind.annotation.ExceptionHandler(
      org.springframework.web.multipart.support.MissingServletRequestPartException.class)
  org.springframework.http.ResponseEntity<java.util.Map<String, String>> missingPart(Exception e) {
    return org.springframework.http.ResponseEntity.badRequest().body(java.util.Map.of("error",
        "file: send the CSV file as the multipart part 'file'"));
  }
}
