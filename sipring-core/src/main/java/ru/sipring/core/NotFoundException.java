package ru.sipring.core;

/** A thing named by the caller (a queue, an operator, a recording, a fax job) does not exist. */
public class NotFoundException extends SipRingException {
  private static final long serialVersionUID = 1L;

  /**
   * A named thing does not exist.
   *
   * @param message what was looked for, by name
   */
  public NotFoundException(String message) {
    super(message);
  }

  /**
   * A named thing does not exist, with the underlying failure.
   *
   * @param message what was looked for, by name
   * @param cause the failure that showed it missing
   */
  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
