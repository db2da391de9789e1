package ru.sipring.core.admin;

import java.util.Locale;
import ru.sipring.core.BadInputException;

/**
 * What a panel user's new password must be: at least {@code minLength} characters (at most 200), not the user
 * name or containing it, not one character repeated, and not a common password (one guessers try first) with at most four characters added.
 * The message of a refusal never quotes the password. Immutable and thread-safe.
 *
 * @param minLength the shortest password accepted, 8..64 (the default is {@value #DEFAULT_MIN_LENGTH})
 */
public record PasswordPolicy(int minLength) {
  /** The default shortest password. */
  public static final int DEFAULT_MIN_LENGTH = 10;
  /** The longest password accepted (bcrypt reads 72 bytes; longer ones are refused rather than cut). */
  public static final int MAX_LENGTH = 72;
  private static final String[] COMMON = {"password", "passw0rd", "qwerty", "123456", "admin", "letmein",
      "welcome", "sipring", "asterisk", "freepbx", "iloveyou", "monkey", "dragon", "qwertyuiop", "1q2w3e4r"};

  /**
   * Checks the bounds.
   *
   * @param minLength the shortest password accepted, 8..64
   * @throws BadInputException naming {@code password policy} when {@code minLength} is outside 8..64
   */
  public PasswordPolicy {
    if (minLength < 8 || minLength > 64) {
      throw new BadInputException("password policy", "the minimum password length must be 8..64, was " + minLength);
    }
  }

  /**
   * The default policy.
   *
   * @return at least {@value #DEFAULT_MIN_LENGTH} characters, nothing trivial
   */
  public static PasswordPolicy defaults() {
    return new PasswordPolicy(DEFAULT_MIN_LENGTH);
  }

  /**
   * Checks a new password.
   *
   * @param user the user it is for
   * @param password the new password
   * @return {@code password}
   * @throws BadInputException naming {@code password} and the rule it breaks (never the password)
   */
  public String check(String user, String password) {
    if (password.length() < minLength) {
      throw new BadInputException("password", "too short: at least " + minLength + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new BadInputException("password", "too long: at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (!user.isEmpty() && lower.contains(user.toLowerCase(Locale.ROOT))) {
      throw new BadInputException("password", "must not contain the user name");
    }
    if (password.chars().distinct().count() < 4) {
      throw new BadInputException("password", "too easy to guess: use at least 4 different characters");
    }
    for (String c : COMMON) {
      if (lower.contains(c) && lower.length() - c.length() <= 4) {
        throw new BadInputException("password", "too easy to guess: it is built on a common password");
      }
    }
    return password;
  }
}
