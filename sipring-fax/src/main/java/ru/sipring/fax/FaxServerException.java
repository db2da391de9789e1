package ru.sipring.fax;

import ru.sipring.core.RejectedException;

/**
 * hfaxd refused a command. Keeps the server's reply code and text (for example {@code 530 Login incorrect.},
 * {@code 460 Failed to submit job 7: ...}, {@code 504 Cannot kill job: Operation not permitted.}) and the
 * command that caused it (passwords masked). Immutable once built (thread-safe).
 */
public class FaxServerException extends RejectedException {
  private static final long serialVersionUID = 1L;
  /** The hfaxd reply code. */
  private final int code;
  /** The reply text without the code. */
  private final String serverText;
  /** The command that was refused, with passwords masked. */
  private final String command;

  /**
   * hfaxd refused a command.
   *
   * @param command the command, with passwords masked
   * @param reply the reply
   */
  public FaxServerException(String command, HfaxdReply reply) {
    super("hfaxd refused '" + command + "': " + reply.code() + " " + reply.text());
    this.code = reply.code();
    this.serverText = reply.text();
    this.command = command;
  }

  /**
   * The hfaxd reply code, for example 530, 460, 500, 503, 504, 550.
   *
   * @return the hfaxd reply code, for example 530, 460, 500, 503, 504, 550
   */
  public int code() {
    return code;
  }

  /**
   * The hfaxd reply text without the code.
   *
   * @return the hfaxd reply text without the code
   */
  public String serverText() {
    return serverText;
  }

  /**
   * The command that was refused (passwords replaced by {@code ***}).
   *
   * @return the command that was refused
   */
  public String command() {
    return command;
  }
}
