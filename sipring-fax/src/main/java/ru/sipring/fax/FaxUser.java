package ru.sipring.fax;

import java.util.Set;
import ru.sipring.core.BadInputException;

/**
 * A fax user with AvantFAX-style rights (guide §10, "Пользователи"): administrator, privileged user (sees
 * every line and category), may delete faxes, may see and use any modem, and otherwise the lines (modem
 * devices) and categories this user sees. {@code login} is also the user's hfaxd name (job owner).
 * Immutable, thread-safe.
 *
 * @param login SipRing and hfaxd user name
 * @param name display name
 * @param email where fax-to-email sends received faxes ("" = none)
 * @param admin administrator: every fax, every job, user management
 * @param privileged sees every line and category
 * @param canDelete may delete received faxes it can see
 * @param anyModem sees faxes from any modem and may send on any modem
 * @param modems modem devices (lines) this user sees and may send on
 * @param categories categories this user sees; a fax with a category outside this set is hidden
 */
public record FaxUser(
    String login,
    String name,
    String email,
    boolean admin,
    boolean privileged,
    boolean canDelete,
    boolean anyModem,
    Set<String> modems,
    Set<String> categories) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param login SipRing and hfaxd user name
   * @param name display name
   * @param email where fax-to-email sends received faxes ("" = none)
   * @param admin administrator: every fax, every job, user management
   * @param privileged sees every line and category
   * @param canDelete may delete received faxes it can see
   * @param anyModem sees faxes from any modem and may send on any modem
   * @param modems modem devices (lines) this user sees and may send on
   * @param categories categories this user sees; a fax with a category outside this set is hidden
   */
  public FaxUser {
    if (login == null || login.isBlank() || login.chars().anyMatch(c -> c <= ' ')) {
      throw new BadInputException("fax user login", "'" + login + "' is empty or contains spaces");
    }
    name = name == null ? "" : name;
    email = email == null ? "" : email.strip();
    modems = Set.copyOf(modems);
    categories = Set.copyOf(categories);
  }

  /**
   * An ordinary user without rights beyond the given lines and categories.
   *
   * @param login the login
   * @param email the email
   * @param modems the modems
   * @param categories the categories
   * @return an ordinary user without rights beyond the given lines and categories
   */
  public static FaxUser regular(String login, String email, Set<String> modems, Set<String> categories) {
    return new FaxUser(login, login, email, false, false, false, false, modems, categories);
  }

  /**
   * An administrator (sees and may do everything).
   *
   * @param login the login
   * @param email the email
   * @return an administrator
   */
  public static FaxUser administrator(String login, String email) {
    return new FaxUser(login, login, email, true, true, true, true, Set.of(), Set.of());
  }

  /**
   * A copy with the delete right set.
   *
   * @param v whether the user may delete faxes they see
   * @return the copy
   */
  public FaxUser withCanDelete(boolean v) {
    return new FaxUser(login, name, email, admin, privileged, v, anyModem, modems, categories);
  }

  /**
   * A copy with the privileged flag set.
   *
   * @param v whether the user sees every fax and job
   * @return the copy
   */
  public FaxUser withPrivileged(boolean v) {
    return new FaxUser(login, name, email, admin, v, canDelete, anyModem, modems, categories);
  }

  /**
   * A copy with the any-modem right set.
   *
   * @param v whether the user may send on any modem
   * @return the copy
   */
  public FaxUser withAnyModem(boolean v) {
    return new FaxUser(login, name, email, admin, privileged, canDelete, v, modems, categories);
  }

  /**
   * A copy with another display name.
   *
   * @param v the name
   * @return the copy
   */
  public FaxUser withName(String v) {
    return new FaxUser(login, v, email, admin, privileged, canDelete, anyModem, modems, categories);
  }
}
