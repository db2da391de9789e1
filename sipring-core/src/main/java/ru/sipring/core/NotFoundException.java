package ru.sipring.core;

/** A thing named by the caller (a queue, an operator, a recording, a fax job) does not exist. */
public class NotFoundException extends SipRingException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
