package ru.sipring.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * Where a secret of a command comes from, in this order: the option's value (visible to every user in
 * {@code ps}: for tests and throw-away setups), the file named by the option's {@code -file} twin (readable by
 * the service account only), the environment variable. One rule for every secret of the CLI. Stateless.
 */
public final class Secrets {
  private Secrets() {}

  /**
   * The secret from the first source that has one.
   *
   * @param value the option's value, or null
   * @param file the {@code --x-file} option's value, or null
   * @param fileOption that option's name, for the error message
   * @param envVar the environment variable to fall back to
   * @return the secret, or null when no source has one
   * @throws BadInputException naming {@code fileOption} when the file cannot be read
   */
  public static @Nullable String resolve(@Nullable String value, @Nullable Path file, String fileOption,
      String envVar) {
    if (value != null) {
      return value;
    }
    if (file != null) {
      return readFile(file, fileOption);
    }
    String env = System.getenv(envVar);
    return env == null || env.isEmpty() ? null : env;
  }

  /**
   * The first line of a secret file, without its line end (a file written by {@code echo} ends in a newline that
   * is not part of the secret).
   *
   * @param file the file
   * @param option the option that named it
   * @return its first line
   */
  public static String readFile(Path file, String option) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (IOException e) {
      throw new BadInputException(option, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
