package ru.sipring.ha;

import java.time.Duration;
import java.util.List;
import ru.sipring.core.ConnectionException;

/** A cluster command did not finish within its timeout and was killed. */
public class CommandTimeoutException extends ConnectionException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> argv;
  private final Duration timeout;

  public CommandTimeoutException(List<String> argv, Duration timeout) {
    super("`" + String.join(" ", argv) + "` did not finish within " + timeout.toMillis() + " ms; killed");
    this.argv = List.copyOf(argv);
    this.timeout = timeout;
  }

  /** The command that timed out. */
  public List<String> argv() {
    return argv;
  }

  /** The timeout it exceeded. */
  public Duration timeout() {
    return timeout;
  }
}
