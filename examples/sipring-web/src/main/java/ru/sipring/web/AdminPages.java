package ru.sipring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.sipring.cdr.admin.OperatorAdmin;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.admin.PanelRole;
import ru.sipring.core.admin.PanelUsers;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.spring.SipRingProperties;

/**
 * The admin's pages: panel users (add, role, disable/enable, password), the audit log, and the operator registry
 * (full name, PIN set/reset, active, the service password, the {@code *45} login log). Every change goes through the
 * library ({@link PanelUsers}, {@link OperatorAdmin}), which checks the rules and writes the audit entry; a refused
 * change comes back as one line above the form. Forms post with the CSRF token and redirect (post/redirect/get).
 */
@Controller
class AdminPages {
  static final int AUDIT_PAGE = 200;
  private final WebProperties props;
  private final PanelUsers users;
  private final AuditLog audit;
  private final ObjectProvider<OperatorAdmin> operators;
  private final ZoneId zone;

  AdminPages(WebProperties props, PanelUsers users, AuditLog audit, ObjectProvider<OperatorAdmin> operators,
      SipRingProperties sipring) {
    this.props = props;
    this.users = users;
    this.audit = audit;
    this.operators = operators;
    this.zone = sipring.zoneOrDefault();
  }

  /** One row of the users table. */
  record UserRow(String name, String role, boolean enabled, String operator, boolean stored) {}

  @GetMapping("/admin/users")
  String users(Model model) {
    List<UserRow> rows = new ArrayList<>();
    rows.add(new UserRow("admin", PanelRole.ADMIN.name(), true, "", false));
    for (Map.Entry<String, WebProperties.User> e : props.users().entrySet()) {
      rows.add(new UserRow(e.getKey(), e.getValue().role().name(), true, "", false));
    }
    users.list().forEach(u -> rows.add(new UserRow(u.name(), u.role().name(), u.enabled(),
        u.operator() == null ? "" : u.operator(), true)));
    model.addAttribute("users", rows);
    model.addAttribute("roles", PanelRole.values());
    model.addAttribute("hasRegistry", operators.getIfAvailable() != null);
    return "users";
  }

  @PostMapping("/admin/users")
  String addUser(Authentication auth, @RequestParam String name, @RequestParam String role,
      @RequestParam String password, @RequestParam(required = false) @Nullable String operator,
      RedirectAttributes flash) {
    return act(flash, "/admin/users", "users.done.add",
        () -> users.add(auth.getName(), name, role(role), password, operator));
  }

  @PostMapping("/admin/users/{name}/role")
  String setRole(Authentication auth, @PathVariable String name, @RequestParam String role,
      @RequestParam(required = false) @Nullable String operator, RedirectAttributes flash) {
    return act(flash, "/admin/users", "users.done.role", () -> users.setRole(auth.getName(), name, role(role), operator));
  }

  @PostMapping("/admin/users/{name}/enabled")
  String setEnabled(Authentication auth, @PathVariable String name, @RequestParam boolean enabled,
      RedirectAttributes flash) {
    return act(flash, "/admin/users", enabled ? "users.done.enable" : "users.done.disable",
        () -> users.setEnabled(auth.getName(), name, enabled));
  }

  @PostMapping("/admin/users/{name}/password")
  String resetPassword(Authentication auth, @PathVariable String name, @RequestParam String password,
      RedirectAttributes flash) {
    return act(flash, "/admin/users", "users.done.password",
        () -> users.resetPassword(auth.getName(), name, password));
  }

  @PostMapping("/admin/users/{name}/token")
  String issueToken(Authentication auth, @PathVariable String name, RedirectAttributes flash) {
    String back = act(flash, "/admin/users", "users.done.token", () -> {
      flash.addFlashAttribute("issuedToken", users.issueToken(auth.getName(), name));
      flash.addFlashAttribute("issuedFor", name);
      return null;
    });
    return back;
  }

  @PostMapping("/admin/users/{name}/token/revoke")
  String revokeToken(Authentication auth, @PathVariable String name, RedirectAttributes flash) {
    return act(flash, "/admin/users", "users.done.tokenrevoke", () -> {
      users.revokeToken(auth.getName(), name);
      return null;
    });
  }

  @GetMapping("/admin/audit")
  String audit(Model model) {
    model.addAttribute("entries", audit.recent(AUDIT_PAGE));
    model.addAttribute("zone", zone);
    return "audit";
  }

  @GetMapping("/admin/operators")
  String operators(Model model, @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    OperatorAdmin admin = operators.getIfAvailable();
    model.addAttribute("hasRegistry", admin != null);
    if (admin == null) {
      return "operators";
    }
    LocalDate today = LocalDate.now(zone);
    LocalDate f = date("from", from, today.minusDays(6));
    LocalDate t = date("to", to, today);
    Instant fromAt = f.atStartOfDay(zone).toInstant();
    Instant toAt = t.plusDays(1).atStartOfDay(zone).toInstant();
    model.addAttribute("operators", admin.list());
    model.addAttribute("hasServicePassword", admin.hasServicePassword());
    model.addAttribute("from", f.toString());
    model.addAttribute("to", t.toString());
    model.addAttribute("logins", admin.logins(fromAt, toAt));
    model.addAttribute("zone", zone);
    return "operators";
  }

  @PostMapping("/admin/operators")
  String addOperator(Authentication auth, @RequestParam String number, @RequestParam String name,
      @RequestParam(required = false) @Nullable String pin, @RequestParam String servicePassword,
      RedirectAttributes flash) {
    return act(flash, "/admin/operators", "operators.done.add", () -> registry().add(auth.getName(), number, name,
        pin == null || pin.isEmpty() ? null : pin, servicePassword));
  }

  @PostMapping("/admin/operators/{number}/name")
  String rename(Authentication auth, @PathVariable String number, @RequestParam String name,
      @RequestParam String servicePassword, RedirectAttributes flash) {
    return act(flash, "/admin/operators", "operators.done.rename",
        () -> registry().rename(auth.getName(), number, name, servicePassword));
  }

  @PostMapping("/admin/operators/{number}/pin")
  String setPin(Authentication auth, @PathVariable String number, @RequestParam String pin,
      @RequestParam String servicePassword, RedirectAttributes flash) {
    return act(flash, "/admin/operators", "operators.done.pin",
        () -> registry().setPin(auth.getName(), number, pin, servicePassword));
  }

  @PostMapping("/admin/operators/{number}/pin/reset")
  String resetPin(Authentication auth, @PathVariable String number, @RequestParam String servicePassword,
      RedirectAttributes flash) {
    return act(flash, "/admin/operators", "operators.done.pinreset",
        () -> registry().resetPin(auth.getName(), number, servicePassword));
  }

  @PostMapping("/admin/operators/{number}/active")
  String setActive(Authentication auth, @PathVariable String number, @RequestParam boolean active,
      @RequestParam String servicePassword, RedirectAttributes flash) {
    return act(flash, "/admin/operators", active ? "operators.done.enable" : "operators.done.disable",
        () -> registry().setActive(auth.getName(), number, active, servicePassword));
  }

  @PostMapping("/admin/operators/service-password")
  String servicePassword(Authentication auth, @RequestParam(required = false) @Nullable String current,
      @RequestParam String next, RedirectAttributes flash) {
    return act(flash, "/admin/operators", "operators.done.service", () -> {
      registry().setServicePassword(auth.getName(), current, next);
      return null;
    });
  }

  private OperatorAdmin registry() {
    OperatorAdmin admin = operators.getIfAvailable();
    if (admin == null) {
      throw new SipRingException("no operator registry: the panel has no database (sipring.database.url)");
    }
    return admin;
  }

  static PanelRole role(String role) {
    try {
      return PanelRole.valueOf(role);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("role", "one of ADMIN, SUPERVISOR, OPERATOR");
    }
  }

  private static LocalDate date(String field, @Nullable String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadInputException(field, "not an ISO date (2026-03-02)");
    }
  }

  /** Runs a change; the library's refusal becomes the one-line message above the form. */
  static String act(RedirectAttributes flash, String back, String doneKey, Supplier<?> change) {
    try {
      change.get();
      flash.addFlashAttribute("done", doneKey);
    } catch (SipRingException | IllegalArgumentException e) {
      flash.addFlashAttribute("failure", String.valueOf(e.getMessage()));
    }
    return "redirect:" + back;
  }
}
