package ru.sipring.ha;

import java.time.Duration;
import java.util.List;

/**
 * Runs an external program (pcs, crm_mon, crm_resource ...) with an argument list — never a shell string, so
 * resource and node names cannot inject anything. Implementations must be thread-safe.
 */
public interface CommandRunner {

  /**
   * Runs {@code argv} and waits at most {@code timeout}.
   *
   * @param argv the program and its arguments
   * @param timeout how long to wait at most
   * @return exit code and output; a non-zero exit code is returned, not thrown
   * @throws CommandTimeoutException when it did not finish in time (the process is killed)
   * @throws ru.sipring.core.ConnectionException when it could not be started
   */
  CommandResult run(List<String> argv, Duration timeout);

  /**
   * Real processes through {@link ProcessBuilder}.
   *
   * @return the command runner
   */
  static CommandRunner processes() {
    return new ProcessCommandRunner(java.util.Map.of());
  }
}
