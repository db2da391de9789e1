package ru.sipring.core;

/**
 * An outside system understood the request and refused it (Asterisk: "Not a member of that queue"; hfaxd:
 * "503 ..."; a unique constraint in the database). The message carries the system's own words.
 */
public class RejectedException extends SipRingException {
  private static final long serialVersionUID = 1L;

  public RejectedException(String message) {
    super(message);
  }

  public RejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
