package ru.sipring.core;

/** An outside system (Asterisk, the database, hfaxd, pcsd) could not be reached, or the connection was lost. */
public class ConnectionException extends SipRingException {
  private static final long serialVersionUID = 1L;

  public ConnectionException(String message) {
    super(message);
  }

  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
