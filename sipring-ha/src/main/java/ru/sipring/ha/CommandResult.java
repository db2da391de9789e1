package ru.sipring.ha;

import java.time.Duration;
import java.util.List;

/**
 * What a command did. Immutable; thread-safe.
 *
 * @param argv the command and its arguments
 * @param exitCode exit status
 * @param stdout standard output (UTF-8)
 * @param stderr standard error (UTF-8)
 * @param elapsed wall time
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, Duration elapsed) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param argv the command and its arguments
   * @param exitCode exit status
   * @param stdout standard output (UTF-8)
   * @param stderr standard error (UTF-8)
   * @param elapsed wall time
   */
  public CommandResult {
    argv = List.copyOf(argv);
  }

  /**
   * Exit status 0.
   *
   * @return true when the exit status is 0
   */
  public boolean ok() {
    return exitCode == 0;
  }

  /**
   * {@code pcs node standby node1} — for messages only, never for execution.
   *
   * @return the command line as one string, such as {@code pcs node standby node1}
   */
  public String commandLine() {
    return String.join(" ", argv);
  }
}
