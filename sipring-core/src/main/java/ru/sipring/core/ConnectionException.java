package ru.sipring.core;

/** An outside system (Asterisk, the database, hfaxd, pcsd) could not be reached, or the connection was lost. */
public class ConnectionException extends SipRingException {
  private static final long serialVersionUID = 1L;

  /**
   * An outside system could not be reached.
   *
   * @param message which system and why, in one line
   */
  public ConnectionException(String message) {
    super(message);
  }

  /**
   * An outside system could not be reached, with the underlying failure.
   *
   * @param message which system and why, in one line
   * @param cause the client library's or the socket's exception, kept for the log
   */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
