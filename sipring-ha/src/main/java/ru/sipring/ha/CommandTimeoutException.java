package ru.sipring.ha;

import java.time.Duration;
import java.util.List;
import ru.sipring.core.ConnectionException;

/** A cluster command did not finish within its timeout and was killed. Immutable once thrown (thread-safe). */
public class CommandTimeoutException extends ConnectionException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> argv;
  /** How long the command was given. */
  private final Duration timeout;

  /**
   * A command did not finish in time and was killed.
   *
   * @param argv the program and its arguments
   * @param timeout how long it was given
   */
  public CommandTimeoutException(List<String> argv, Duration timeout) {
    super("`" + String.join(" ", argv) + "` did not finish within " + timeout.toMillis() + " ms; killed");
    this.argv = List.copyOf(argv);
    this.timeout = timeout;
  }

  /**
   * The command that timed out.
   *
   * @return the command that timed out
   */
  public List<String> argv() {
    return argv;
  }

  /**
   * The timeout it exceeded.
   *
   * @return the timeout it exceeded
   */
  public Duration timeout() {
    return timeout;
  }
}
