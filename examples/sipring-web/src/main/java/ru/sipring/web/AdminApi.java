package ru.sipring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.sipring.cdr.OperatorInfo;
import ru.sipring.cdr.admin.OperatorAdmin;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.admin.PanelUser;
import ru.sipring.core.admin.PanelUsers;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.spring.SipRingProperties;

/**
 * The admin pages as JSON for a CRM ({@code /api/admin/**}, role ADMIN): panel users, the audit log, the operator
 * registry and its login log. The same library calls as {@link AdminPages}, so the same rules and audit entries.
 */
@RestController
@RequestMapping("/api/admin")
class AdminApi {
  private final PanelUsers users;
  private final AuditLog audit;
  private final ObjectProvider<OperatorAdmin> operators;
  private final SipRingProperties sipring;

  AdminApi(PanelUsers users, AuditLog audit, ObjectProvider<OperatorAdmin> operators, SipRingProperties sipring) {
    this.users = users;
    this.audit = audit;
    this.operators = operators;
    this.sipring = sipring;
  }

  /** A stored user as the API shows it (never the hash). */
  record UserView(String name, String role, boolean enabled, @Nullable String operator) {
    static UserView of(PanelUser u) {
      return new UserView(u.name(), u.role().name(), u.enabled(), u.operator());
    }
  }

  /** A new user. */
  record NewUser(String name, String role, String password, @Nullable String operator) {}

  /** A role change. */
  record RoleChange(String role, @Nullable String operator) {}

  /** Enable or disable. */
  record Enabled(boolean enabled) {}

  /** A new password. */
  record Password(String password) {}

  /** A new operator. */
  record NewOperator(String number, String name, @Nullable String pin, String servicePassword) {}

  /** A registry edit: the new value and the service password. */
  record OperatorEdit(@Nullable String name, @Nullable String pin, @Nullable Boolean active, String servicePassword) {}

  /** Setting or changing the service password. */
  record ServicePassword(@Nullable String current, String next) {}

  /** A login log entry. */
  record LoginView(String number, String name, String queue, String device, String action, Instant at, String by) {
    static LoginView of(OperatorLoginLog.Entry e) {
      return new LoginView(e.operator().number(), e.operator().name(), e.queue(), e.device(), e.action().name(),
          e.at(), e.by());
    }
  }

  @GetMapping("/users")
  List<UserView> users() {
    return users.list().stream().map(UserView::of).toList();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserView addUser(Authentication auth, @RequestBody NewUser u) {
    return UserView.of(users.add(auth.getName(), required("name", u.name()), AdminPages.role(required("role", u.role())),
        required("password", u.password()), u.operator()));
  }

  @PostMapping("/users/{name}/role")
  UserView setRole(Authentication auth, @PathVariable String name, @RequestBody RoleChange c) {
    return UserView.of(users.setRole(auth.getName(), name, AdminPages.role(required("role", c.role())), c.operator()));
  }

  @PostMapping("/users/{name}/enabled")
  UserView setEnabled(Authentication auth, @PathVariable String name, @RequestBody Enabled e) {
    return UserView.of(users.setEnabled(auth.getName(), name, e.enabled()));
  }

  @PostMapping("/users/{name}/password")
  UserView resetPassword(Authentication auth, @PathVariable String name, @RequestBody Password p) {
    return UserView.of(users.resetPassword(auth.getName(), name, required("password", p.password())));
  }

  @PostMapping("/users/{name}/token")
  Map<String, String> issueToken(Authentication auth, @PathVariable String name) {
    return Map.of("user", name, "token", users.issueToken(auth.getName(), name));
  }

  @PostMapping("/users/{name}/token/revoke")
  Map<String, String> revokeToken(Authentication auth, @PathVariable String name) {
    users.revokeToken(auth.getName(), name);
    return Map.of("status", "done");
  }

  @GetMapping("/audit")
  List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new BadInputException("limit", "1..10000");
    }
    return audit.recent(limit);
  }

  @GetMapping("/operators")
  List<OperatorInfo> operators() {
    return registry().list();
  }

  @PostMapping("/operators")
  @ResponseStatus(HttpStatus.CREATED)
  OperatorInfo addOperator(Authentication auth, @RequestBody NewOperator o) {
    return registry().add(auth.getName(), required("number", o.number()), required("name", o.name()), o.pin(),
        required("servicePassword", o.servicePassword()));
  }

  @PostMapping("/operators/{number}/name")
  OperatorInfo rename(Authentication auth, @PathVariable String number, @RequestBody OperatorEdit e) {
    return registry().rename(auth.getName(), number, required("name", e.name()),
        required("servicePassword", e.servicePassword()));
  }

  @PostMapping("/operators/{number}/pin")
  OperatorInfo setPin(Authentication auth, @PathVariable String number, @RequestBody OperatorEdit e) {
    return registry().setPin(auth.getName(), number, required("pin", e.pin()),
        required("servicePassword", e.servicePassword()));
  }

  @PostMapping("/operators/{number}/pin/reset")
  OperatorInfo resetPin(Authentication auth, @PathVariable String number, @RequestBody OperatorEdit e) {
    return registry().resetPin(auth.getName(), number, required("servicePassword", e.servicePassword()));
  }

  @PostMapping("/operators/{number}/active")
  OperatorInfo setActive(Authentication auth, @PathVariable String number, @RequestBody OperatorEdit e) {
    Boolean active = e.active();
    if (active == null) {
      throw new BadInputException("active", "is required (true or false)");
    }
    return registry().setActive(auth.getName(), number, active, required("servicePassword", e.servicePassword()));
  }

  @PostMapping("/operators/service-password")
  Map<String, String> servicePassword(Authentication auth, @RequestBody ServicePassword p) {
    registry().setServicePassword(auth.getName(), p.current(), required("next", p.next()));
    return Map.of("status", "done");
  }

  @GetMapping("/operators/logins")
  List<LoginView> logins(@RequestParam String from, @RequestParam String to) {
    var zone = sipring.zoneOrDefault();
    Instant f = LocalDate.parse(from).atStartOfDay(zone).toInstant();
    Instant t = LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant();
    return registry().logins(f, t).stream().map(LoginView::of).toList();
  }

  private OperatorAdmin registry() {
    OperatorAdmin admin = operators.getIfAvailable();
    if (admin == null) {
      throw new SipRingException("no operator registry: the panel has no database (sipring.database.url)");
    }
    return admin;
  }

  static String required(String field, @Nullable String value) {
    if (value == null) {
      throw new BadInputException(field, "is required");
    }
    return value;
  }
}
