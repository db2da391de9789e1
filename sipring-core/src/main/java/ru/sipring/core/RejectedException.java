package ru.sipring.core;

/**
 * An outside system understood the request and refused it (Asterisk: "Not a member of that queue"; hfaxd:
 * "503 ..."; a unique constraint in the database). The message carries the system's own words.
 */
public class RejectedException extends SipRingException {
  private static final long serialVersionUID = 1L;

  /**
   * The outside system refused the request.
   *
   * @param message the system's own words
   */
  public RejectedException(String message) {
    super(message);
  }

  /**
   * The outside system refused the request, with the underlying exception.
   *
   * @param message the system's own words
   * @param cause the client library's exception carrying the refusal
   */
  public RejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
