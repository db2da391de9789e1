package ru.sipring.core.directory;

import java.util.Objects;

/**
 * A call-centre operator as people know them: the number shown in reports (usually the extension) and the
 * full name ("Петрова ЛВ"). Immutable.
 */
public record Operator(String number, String name) {
  /**
   * Checks both fields.
   *
   * @param number the number shown in reports, usually the extension
   * @param name the full name, "" when unknown
   */
  public Operator {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
  }
}
