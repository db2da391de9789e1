package ru.sipring.core.text;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Secrets kept out of messages and logs. A JDBC URL may carry its password ({@code jdbc:mariadb://user:pw@host/db},
 * {@code ?password=pw}, {@code ;password=pw}); every error and log line that shows a URL, or a driver message that
 * may quote one, passes through {@link #maskUrl}, so the password is shown as {@code ***} wherever it surfaces.
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class SecretText {
  /** {@code password=}, {@code pwd=}, {@code pass=}, {@code secret=} as a URL or JDBC property, up to the next separator. */
  private static final Pattern PARAM = Pattern.compile(
      "(?i)(^|[?&;,(\\s])((?:password|passwd|pwd|pass|secret|trustStorePassword|keyStorePassword)\\s*=\\s*)"
          + "[^&;,)\\s]*");
  /** {@code //user:password@host}: the user is kept, the password masked. */
  private static final Pattern USERINFO = Pattern.compile("//([^/@:\\s]*):[^/@\\s]*@");

  private SecretText() {}

  /**
   * {@code text} with every password in a URL masked as {@code ***}: the user-info form and the query or
   * property form. Works on a bare URL and on a whole message that contains one.
   *
   * @param text a URL or a message, or null
   * @return the masked text ({@code ""} for null)
   */
  public static String maskUrl(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String out = USERINFO.matcher(text).replaceAll("//$1:***@");
    return PARAM.matcher(out).replaceAll("$1$2***");
  }
}
