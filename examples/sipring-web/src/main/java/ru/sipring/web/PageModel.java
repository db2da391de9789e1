package ru.sipring.web;

import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, what they may open, the language. */
@ControllerAdvice(assignableTypes = {Pages.class, ReportPage.class, FaxPages.class, ClusterPages.class,
    AdminPages.class, AgentPages.class, SurveyPages.class})
class PageModel {
  @ModelAttribute
  void common(Model model, Authentication auth, Locale locale) {
    model.addAttribute("userName", auth == null ? "" : auth.getName());
    boolean admin = has(auth, "ROLE_ADMIN");
    model.addAttribute("isAdmin", admin);
    model.addAttribute("canReport", admin || has(auth, "ROLE_SUPERVISOR"));
    model.addAttribute("lang", WebMvcConfiguration.supported(locale).getLanguage());
    // ---- operator workspace: the nav link for operators and admins
    model.addAttribute("canWork", admin || has(auth, "ROLE_OPERATOR"));
    // ---- end operator workspace
  }

  private static boolean has(Authentication auth, String role) {
    if (auth == null) {
      return false;
    }
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (role.equals(a.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
