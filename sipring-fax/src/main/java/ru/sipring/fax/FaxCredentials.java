package ru.sipring.fax;

import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * An hfaxd login: user, password (null when {@code hosts.hfaxd} asks none) and an optional admin password
 * for {@code ADMIN}. Immutable, thread-safe; {@link #toString()} hides the passwords.
 */
public record FaxCredentials(String user, @Nullable String password, @Nullable String adminPassword) {

  /**
   * Checks the components.
   *
   * @param user the user
   * @param password the password
   * @param adminPassword the admin password
   */
  public FaxCredentials {
    if (user == null || user.isBlank() || user.chars().anyMatch(c -> c <= ' ')) {
      throw new BadInputException("fax user", "'" + user + "' is not a user name (empty or contains spaces)");
    }
  }

  /**
   * A fax user without an admin password.
   *
   * @param user the hfaxd login
   * @param password the password, or {@code null} when hfaxd asks none
   * @return the credentials
   */
  public static FaxCredentials of(String user, @Nullable String password) {
    return new FaxCredentials(user, password, null);
  }

  /**
   * A copy that also has the admin password ({@code ADMIN} command), needed to see or act on other users' jobs.
   *
   * @param adminPassword the admin password
   * @return the copy
   */
  public FaxCredentials withAdmin(String adminPassword) {
    return new FaxCredentials(user, password, adminPassword);
  }

  @Override
  public String toString() {
    return "FaxCredentials[" + user + (password == null ? "" : ", password ***") + (adminPassword == null ? "" : ", admin ***") + "]";
  }
}
