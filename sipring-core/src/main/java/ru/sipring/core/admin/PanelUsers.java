package ru.sipring.core.admin;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

/**
 * The stored users of an administration panel: add, change the role, disable or enable, reset the password, issue
 * or revoke an API token (a service account's credential for the REST API).
 * Passwords pass the {@link PasswordPolicy} and are hashed by the host's encoder before they are stored; every
 * change is recorded in the {@link AuditLog} as {@code user.add}, {@code user.role}, {@code user.disable},
 * {@code user.enable}, {@code user.password}, {@code user.token.issue} or {@code user.token.revoke} with the acting user and the changed one (never a password).
 *
 * <p>Names are 1..64 of {@code A-Z a-z 0-9 . _ @ -}. Names the host reserves (its first admin, users from its
 * configuration) cannot be stored. A user of role {@link PanelRole#OPERATOR} is one of the operator registry's
 * people: the operator number must be known to the registry.
 *
 * <p>Thread-safe when the store is.
 */
public final class PanelUsers {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final String TOKEN_PREFIX = "srt_";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private final PanelUserStore store;
  private final PasswordPolicy policy;
  private final UnaryOperator<String> hasher;
  private final AuditLog audit;
  private final Clock clock;
  private final Set<String> reserved;
  private final Predicate<String> operatorExists;

  /**
   * A user service.
   *
   * @param store where users are kept
   * @param policy what a new password must be
   * @param hasher turns a password into the stored hash (Spring Security's {@code PasswordEncoder::encode})
   * @param audit where changes are recorded
   * @param clock the time of audit entries
   * @param reserved names that exist outside the store and cannot be added
   * @param operatorExists whether an operator number is in the operator registry
   */
  public PanelUsers(PanelUserStore store, PasswordPolicy policy, UnaryOperator<String> hasher, AuditLog audit,
      Clock clock, Set<String> reserved, Predicate<String> operatorExists) {
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reserved = Set.copyOf(reserved);
    this.operatorExists = Objects.requireNonNull(operatorExists, "operatorExists");
  }

  /**
   * Every stored user, ordered by name.
   *
   * @return the users
   */
  public List<PanelUser> list() {
    return store.list();
  }

  /**
   * One stored user.
   *
   * @param name the sign-in name
   * @return the user, or empty
   */
  public Optional<PanelUser> find(String name) {
    return store.find(name);
  }

  /**
   * Adds an enabled user.
   *
   * @param actor who does it
   * @param name the new user's name
   * @param role the role
   * @param password the password in clear, checked by the policy and hashed
   * @param operator for {@link PanelRole#OPERATOR} the registry's operator number, else ignored
   * @return the stored user
   * @throws BadInputException for a malformed name, a weak password, a missing operator number
   * @throws RejectedException when the name is taken or reserved
   * @throws NotFoundException when the operator number is not in the registry
   */
  public PanelUser add(String actor, String name, PanelRole role, String password, @Nullable String operator) {
    String n = name(name);
    if (reserved.contains(n)) {
      throw new RejectedException("the user " + n + " is configured outside the panel and cannot be added");
    }
    String op = operator(role, operator);
    PanelUser user = new PanelUser(n, role, hasher.apply(policy.check(n, password)), true, op);
    store.insert(user);
    record(actor, "user.add", n, role.name() + (op == null ? "" : " operator " + op));
    return user;
  }

  /**
   * Changes a user's role.
   *
   * @param actor who does it
   * @param name the user
   * @param role the new role
   * @param operator for {@link PanelRole#OPERATOR} the registry's operator number, else ignored
   * @return the changed user
   * @throws NotFoundException for an unknown user or operator
   * @throws BadInputException when an operator role has no operator number
   */
  public PanelUser setRole(String actor, String name, PanelRole role, @Nullable String operator) {
    PanelUser u = existing(name);
    String op = operator(role, operator);
    PanelUser changed = u.withRole(role, op);
    store.update(changed);
    record(actor, "user.role", u.name(), u.role() + " -> " + role + (op == null ? "" : " operator " + op));
    return changed;
  }

  /**
   * Enables or disables a user; a disabled user cannot sign in. Nobody disables themselves (a panel must keep
   * someone who can undo it).
   *
   * @param actor who does it
   * @param name the user
   * @param enabled the new state
   * @return the changed user
   * @throws NotFoundException for an unknown user
   * @throws RejectedException when {@code actor} disables themselves
   */
  public PanelUser setEnabled(String actor, String name, boolean enabled) {
    PanelUser u = existing(name);
    if (!enabled && u.name().equals(actor)) {
      throw new RejectedException("you cannot disable yourself");
    }
    PanelUser changed = u.withEnabled(enabled);
    store.update(changed);
    record(actor, enabled ? "user.enable" : "user.disable", u.name(), "");
    return changed;
  }

  /**
   * Sets a new password (checked by the policy, hashed).
   *
   * @param actor who does it
   * @param name the user
   * @param password the new password in clear
   * @return the changed user
   * @throws NotFoundException for an unknown user
   * @throws BadInputException for a weak password
   */
  public PanelUser resetPassword(String actor, String name, String password) {
    PanelUser u = existing(name);
    PanelUser changed = u.withPasswordHash(hasher.apply(policy.check(u.name(), password)));
    store.update(changed);
    record(actor, "user.password", u.name(), "");
    return changed;
  }

  /**
   * Issues a new API token for a user (a service account of a CRM), replacing the previous one. Only the token's
   * SHA-256 is stored; the token is returned once and cannot be shown again. Recorded as {@code user.token.issue}.
   *
   * @param actor who does it
   * @param name the user
   * @return the token, {@code srt_} and 43 URL-safe base64 characters (256 random bits)
   * @throws NotFoundException for an unknown user
   * @throws RejectedException for a disabled user
   */
  public String issueToken(String actor, String name) {
    PanelUser u = existing(name);
    if (!u.enabled()) {
      throw new RejectedException("the user " + u.name() + " is disabled; enable them before issuing a token");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = TOKEN_PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    store.setTokenHash(u.name(), tokenHash(token));
    record(actor, "user.token.issue", u.name(), "");
    return token;
  }

  /**
   * Revokes a user's API token. Recorded as {@code user.token.revoke}.
   *
   * @param actor who does it
   * @param name the user
   * @throws NotFoundException for an unknown user
   */
  public void revokeToken(String actor, String name) {
    PanelUser u = existing(name);
    store.setTokenHash(u.name(), null);
    record(actor, "user.token.revoke", u.name(), "");
  }

  /**
   * The enabled user an API token belongs to.
   *
   * @param token the token as presented ({@code Authorization: Bearer ...})
   * @return the user, or empty for an unknown, revoked or malformed token or a disabled user
   */
  public Optional<PanelUser> authenticateToken(String token) {
    if (!token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return store.findByTokenHash(tokenHash(token)).filter(PanelUser::enabled);
  }

  /**
   * The stored form of a token: SHA-256 in lower-case hex. A token is 256 random bits, so a plain hash suffices (no
   * salt or stretching: nobody guesses it from the hash).
   *
   * @param token the token
   * @return the hash
   */
  public static String tokenHash(String token) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JRE", e);
    }
  }

  private PanelUser existing(String name) {
    return store.find(name(name)).orElseThrow(() -> new NotFoundException("no panel user named " + name));
  }

  private @Nullable String operator(PanelRole role, @Nullable String operator) {
    if (role != PanelRole.OPERATOR) {
      return null;
    }
    if (operator == null || operator.isBlank()) {
      throw new BadInputException("operator", "a user of role OPERATOR is one of the operator registry's people:"
          + " give the operator number");
    }
    String op = operator.strip();
    if (!operatorExists.test(op)) {
      throw new NotFoundException("no operator with number " + op + " in the operator registry");
    }
    return op;
  }

  private static String name(@Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadInputException("name", "a user name is 1-64 of the characters A-Z a-z 0-9 . _ @ -");
    }
    return name;
  }

  private void record(String actor, String action, String target, String detail) {
    audit.record(new AuditEntry(clock.instant(), actor, action, target, detail));
  }
}
