package ru.sipring.core;

/**
 * Root of every exception SipRing throws. All SipRing exceptions are unchecked; adapters wrap
 * {@code SQLException}, {@code IOException} and client-library exceptions in a subclass and keep the cause.
 *
 * <p>Subclasses name the kind of failure, so a host can react without parsing messages:
 * {@link BadInputException} (the input is wrong and says where), {@link ConnectionException} (an outside
 * system could not be reached or dropped the connection), {@link NotFoundException} (a named thing does not
 * exist), {@link RejectedException} (an outside system refused an action and said why).
 */
public class SipRingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A SipRing failure of no more specific kind.
   *
   * @param message what failed, in one line
   */
  public SipRingException(String message) {
    super(message);
  }

  /**
   * A SipRing failure of no more specific kind, wrapping its cause.
   *
   * @param message what failed, in one line
   * @param cause the underlying exception (an {@code IOException}, {@code SQLException}, ...)
   */
  public SipRingException(String message, Throwable cause) {
    super(message, cause);
  }
}
