package ru.sipring.fax;

import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * How fax-to-email reaches the mail server. Immutable, thread-safe; {@link #toString()} hides the password.
 *
 * @param host SMTP host
 * @param port SMTP port (25, 587...)
 * @param from sender address of the mails
 * @param user SMTP login, null for none
 * @param password SMTP password
 * @param startTls require STARTTLS
 */
public record SmtpSettings(String host, int port, String from, @Nullable String user, @Nullable String password,
    boolean startTls) {

  /**
   * Checks the components.
   *
   * @param host SMTP host
   * @param port SMTP port (25, 587...)
   * @param from sender address of the mails
   * @param user SMTP login, null for none
   * @param password SMTP password
   * @param startTls require STARTTLS
   */
  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new BadInputException("smtp host", "is empty");
    }
    if (port < 1 || port > 65535) {
      throw new BadInputException("smtp port", port + " is outside 1..65535");
    }
    if (from == null || !from.contains("@")) {
      throw new BadInputException("smtp from", "'" + from + "' is not an e-mail address");
    }
  }

  /**
   * Plain SMTP without login (a local relay).
   *
   * @param host the host
   * @param port the port
   * @param from the start (inclusive), or null
   * @return the smtp settings
   */
  public static SmtpSettings relay(String host, int port, String from) {
    return new SmtpSettings(host, port, from, null, null, false);
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", from " + from + (user == null ? "" : ", user " + user + ", password ***")
        + (startTls ? ", starttls" : "") + "]";
  }
}
