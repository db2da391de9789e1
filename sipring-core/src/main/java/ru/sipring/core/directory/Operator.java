package ru.sipring.core.directory;

import java.util.Objects;

/**
 * A call-centre operator as people know them: the number shown in reports (usually the extension) and the
 * full name ("Петрова ЛВ"). Immutable.
 */
public record Operator(String number, String name) {
  public Operator {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
  }
}
