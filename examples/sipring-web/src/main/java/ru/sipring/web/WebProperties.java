package ru.sipring.web;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The panel's own settings, {@code sipring.web.*}.
 *
 * @param adminPassword the first admin's password; default: $SIPRING_ADMIN_PASSWORD or the file named by
 *     $SIPRING_ADMIN_PASSWORD_FILE. Never a default value
 * @param users more users: name to password (encoded, {bcrypt}... or {argon2}...) and role
 * @param loginAttempts failed sign-ins allowed per user name and address before it is locked out
 * @param lockout how long a user name is locked out at an address after too many failures
 * @param demo run a simulated call-centre day on the fake Asterisk and show it (bin/sipring web --demo)
 * @param demoSpeed simulated seconds per real second in the demo
 */
@ConfigurationProperties("sipring.web")
public record WebProperties(@Nullable String adminPassword, @DefaultValue Map<String, User> users,
    @DefaultValue("5") int loginAttempts, @DefaultValue("15m") Duration lockout, @DefaultValue("false") boolean demo,
    @DefaultValue("60") double demoSpeed) {

  /** The roles of the panel. */
  public enum Role {
    /** everything: users, settings, reports, live state */
    ADMIN,
    /** reports and live state */
    SUPERVISOR,
    /** the live wallboard only */
    OPERATOR
  }

  /**
   * A user of the panel.
   *
   * @param password the encoded password ({bcrypt}$2a$..., {argon2}...); plain text is refused
   * @param role the role
   */
  public record User(String password, Role role) {
    @Override
    public String toString() {
      return "User[role=" + role + "]";
    }
  }

  @Override
  public String toString() {
    return "WebProperties[users=" + users.keySet() + ", loginAttempts=" + loginAttempts + ", lockout=" + lockout
        + ", demo=" + demo + "]";
  }
}
