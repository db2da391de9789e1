package ru.sipring.core.queuelog;

/**
 * Something in the input that could not be used, and where: the source (a file name, a table), the line or
 * row number (1-based; 0 when unknown), and what was wrong. Reading goes on after a problem: everything
 * valid is still used. Immutable.
 */
public record InputProblem(String source, long line, String message) {

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
  }
}
