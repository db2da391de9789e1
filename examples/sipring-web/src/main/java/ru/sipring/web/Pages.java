package ru.sipring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, the start page, the users page (admin) and the wallboard. */
@Controller
class Pages {
  private final WebProperties props;

  Pages(WebProperties props) {
    this.props = props;
  }

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

  @GetMapping("/admin/users")
  String users(Model model) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"admin", WebProperties.Role.ADMIN.name()});
    for (Map.Entry<String, WebProperties.User> e : props.users().entrySet()) {
      rows.add(new String[] {e.getKey(), e.getValue().role().name()});
    }
    model.addAttribute("users", rows);
    return "users";
  }

  @GetMapping("/wallboard")
  String wallboard() {
    return "wallboard";
  }
}
