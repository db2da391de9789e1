package ru.sipring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the first admin's password comes from: the property {@code sipring.web.admin-password} (tests, a host's
 * own configuration), else {@code SIPRING_ADMIN_PASSWORD}, else the file named by
 * {@code SIPRING_ADMIN_PASSWORD_FILE} (trailing newline ignored). Never a default. Stateless.
 */
final class AdminPassword {
  static final int MIN_LENGTH = 8;

  private AdminPassword() {
  }

  /** No password, or one too short: the message is the one line the panel prints before it refuses to start. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message);
    }
  }

  /** From the command line ({@code --sipring.web.admin-password=...}) or the environment. */
  static String resolve(Map<String, String> env, String[] args) {
    for (String a : args) {
      if (a.startsWith("--sipring.web.admin-password=")) {
        return check(a.substring(a.indexOf('=') + 1), "--sipring.web.admin-password");
      }
    }
    return resolve(null, env);
  }

  static String resolve(@Nullable String property, Map<String, String> env) {
    if (property != null && !property.isEmpty()) {
      return check(property, "sipring.web.admin-password");
    }
    String value = env.get("SIPRING_ADMIN_PASSWORD");
    if (value != null && !value.isEmpty()) {
      return check(value, "SIPRING_ADMIN_PASSWORD");
    }
    String file = env.get("SIPRING_ADMIN_PASSWORD_FILE");
    if (file != null && !file.isEmpty()) {
      try {
        return check(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip(), file);
      } catch (IOException e) {
        throw new Missing("SIPRING_ADMIN_PASSWORD_FILE: cannot read " + file + ": " + e.getMessage());
      }
    }
    throw new Missing("no admin password: set SIPRING_ADMIN_PASSWORD (or SIPRING_ADMIN_PASSWORD_FILE naming a file"
        + " that holds it) to the password of the user 'admin'; there is no default password");
  }

  private static String check(String password, String where) {
    if (password.length() < MIN_LENGTH) {
      throw new Missing(where + ": the admin password must have at least " + MIN_LENGTH + " characters");
    }
    return password;
  }
}
