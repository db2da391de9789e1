package ru.sipring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import ru.sipring.core.NotFoundException;

/** The header of the billing pages (the same model as {@link PageModel} gives the other pages) and their 404. */
@ControllerAdvice(assignableTypes = BillingPages.class)
class BillingPageModel {
  private final PageModel common = new PageModel();

  @ModelAttribute
  void common(Model model, Authentication auth, Locale locale) {
    common.common(model, auth, locale);
  }

  /** An unknown rate table or version: the panel's error page with the library's one line, 404. */
  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("status", 404);
    model.addAttribute("message", e.getMessage());
    return "ops-error";
  }
}
