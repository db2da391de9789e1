package ru.sipring.core.admin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored user of an administration panel. The password is kept only as the hash the host's encoder made
 * (for example Spring Security's {@code {bcrypt}$2a$10$...}); SipRing never sees it in clear after
 * {@link PanelUsers} hashed it. Immutable.
 *
 * @param name the sign-in name
 * @param role what the user may do
 * @param passwordHash the encoded password, never the password
 * @param enabled false: the user cannot sign in (kept for the audit log's sake instead of deleted)
 * @param operator for {@link PanelRole#OPERATOR}: the number of the operator registry's person this user is;
 *     null for other roles
 */
public record PanelUser(String name, PanelRole role, String passwordHash, boolean enabled,
    @Nullable String operator) {
  /**
   * Checks that every field is present.
   *
   * @param name the sign-in name
   * @param role what the user may do
   * @param passwordHash the encoded password, never the password
   * @param enabled false: the user cannot sign in
   * @param operator the operator registry's number for an operator; null for other roles
   */
  public PanelUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  /**
   * The same user with another role.
   *
   * @param newRole the role
   * @param newOperator the operator number (for {@link PanelRole#OPERATOR}), else null
   * @return a copy
   */
  public PanelUser withRole(PanelRole newRole, @Nullable String newOperator) {
    return new PanelUser(name, newRole, passwordHash, enabled, newOperator);
  }

  /**
   * The same user, enabled or not.
   *
   * @param on whether the user may sign in
   * @return a copy
   */
  public PanelUser withEnabled(boolean on) {
    return new PanelUser(name, role, passwordHash, on, operator);
  }

  /**
   * The same user with another password hash.
   *
   * @param hash the new encoded password
   * @return a copy
   */
  public PanelUser withPasswordHash(String hash) {
    return new PanelUser(name, role, hash, enabled, operator);
  }

  /** Never prints the hash. */
  @Override
  public String toString() {
    return "PanelUser[name=" + name + ", role=" + role + ", enabled=" + enabled + ", operator=" + operator + "]";
  }
}
