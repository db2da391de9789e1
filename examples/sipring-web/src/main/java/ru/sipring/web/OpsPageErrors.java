package ru.sipring.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;

/**
 * Errors of the fax and cluster pages as a short page with the library's one-line message: not found (a fax or
 * job the user may not see is reported as not found by the library), refused (403), bad input (400), the server
 * unreachable (503). The message is shown as text (escaped), never as markup.
 */
@ControllerAdvice(assignableTypes = {FaxPages.class, ClusterPages.class})
class OpsPageErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    return page(model, 404, e);
  }

  @ExceptionHandler(RejectedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String rejected(RejectedException e, Model model) {
    return page(model, 403, e);
  }

  @ExceptionHandler(BadInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badInput(BadInputException e, Model model) {
    return page(model, 400, e);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  String tooLarge(MaxUploadSizeExceededException e, Model model) {
    return page(model, 413, e);
  }

  @ExceptionHandler(SipRingException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  String unavailable(SipRingException e, Model model) {
    return page(model, 503, e);
  }

  private static String page(Model model, int status, Exception e) {
    model.addAttribute("status", status);
    model.addAttribute("message", String.valueOf(e.getMessage()));
    return "ops-error";
  }
}
