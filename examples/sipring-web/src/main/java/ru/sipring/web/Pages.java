package ru.sipring.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the start page. The users, audit and operator pages are {@link AdminPages}; the wallboard
 * and its member actions are {@link AgentPages}.
 */
@Controller
class Pages {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** Supervisors and admins land on the report, operators on the wallboard. */
  @GetMapping("/")
  String home(Authentication auth) {
    boolean reports = auth.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR"));
    return reports ? "redirect:/reports/inbound" : "redirect:/wallboard";
  }
}
