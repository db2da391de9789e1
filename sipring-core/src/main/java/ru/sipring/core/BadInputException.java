package ru.sipring.core;

/**
 * Input that SipRing cannot use: a malformed file, line, field or argument. The message always names the
 * place ({@link #location()}: a file and line, a field, an option) so a person can find and fix it.
 */
public class BadInputException extends SipRingException {
  private static final long serialVersionUID = 1L;
  /** Where the input is wrong, as {@link #location()} returns it. */
  private final String location;

  /**
   * Bad input at a place.
   *
   * @param location where the input is wrong: a file and line ({@code queue_log:1042}), a field or an option; it starts
   *     the message
   * @param message what is wrong there, in one line
   */
  public BadInputException(String location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  /**
   * Bad input at a place, caused by another failure (a parse error, an I/O error).
   *
   * @param location where the input is wrong: a file and line, a field or an option; it starts the message
   * @param message what is wrong there, in one line
   * @param cause the underlying failure, kept for the log
   */
  public BadInputException(String location, String message, Throwable cause) {
    super(location + ": " + message, cause);
    this.location = location;
  }

  /**
   * Where the bad input is, for example {@code queue_log.1.gz:1042} or {@code tariffs.csv:7:price_per_minute}.
   *
   * @return the place, as given to the constructor
   */
  public String location() {
    return location;
  }
}
