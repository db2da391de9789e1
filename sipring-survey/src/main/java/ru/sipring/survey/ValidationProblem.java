package ru.sipring.survey;

import java.util.Objects;

/**
 * One thing wrong with a scenario. {@link #toString()} is the line {@code bin/sipring survey validate}
 * prints: the id of the question it concerns, a colon, the message. Problems that concern no single question
 * use {@link #SCENARIO} as their subject; a question without an id is named {@code (question #n)} by its
 * 1-based position. Immutable.
 *
 * @param subject the question id the problem concerns, or {@link #SCENARIO}
 * @param severity an error blocks publishing and running; a warning does not
 * @param code a stable machine-readable kind
 * @param message what is wrong, for a person
 */
public record ValidationProblem(String subject, Severity severity, Code code, String message) {
  /** Subject of problems that belong to the scenario as a whole (no start, no title, ...). */
  public static final String SCENARIO = "(scenario)";

  /**
   * Checks the components.
   *
   * @param subject the question id the problem concerns, or {@link #SCENARIO}
   * @param severity an error blocks publishing and running; a warning does not
   * @param code a stable machine-readable kind
   * @param message what is wrong, for a person
   */
  public ValidationProblem {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  static ValidationProblem error(String subject, Code code, String message) {
    return new ValidationProblem(subject, Severity.ERROR, code, message);
  }

  static ValidationProblem warning(String subject, Code code, String message) {
    return new ValidationProblem(subject, Severity.WARNING, code, message);
  }

  /**
   * Whether this problem is an error (which stops publishing), not a warning.
   *
   * @return true for an error
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return subject + ": " + message;
  }

  /** How bad a problem is. Immutable (thread-safe). */
  public enum Severity {
    /** Stops publishing. */
    ERROR,
    /** Allowed; shown to the author. */
    WARNING
  }

  /** The kinds of problem the validator finds. Immutable (thread-safe). */
  public enum Code {
    /** Scenario id or title is blank, or the schema version is not supported. */
    SCENARIO_FIELD,
    /** The scenario has no questions. */
    EMPTY_SCENARIO,
    /** No start question, or the start names a question that does not exist. */
    BAD_START,
    /** A question or option id is blank, too long, or uses reserved characters. */
    BAD_ID,
    /** Two questions share an id, or two options of one question do. */
    DUPLICATE_ID,
    /** Question text is blank. */
    BLANK_TEXT,
    /** A next-reference names a question that does not exist. */
    DANGLING_REFERENCE,
    /** A question's next action is the question itself. */
    SELF_LOOP,
    /** Questions lead back to each other. */
    CYCLE,
    /** No path from the question reaches the end of the survey. */
    NEVER_ENDS,
    /** No path from the start reaches the question. */
    UNREACHABLE,
    /** A single/multiple question has no options. */
    NO_OPTIONS,
    /** A single/multiple question has only one option. */
    ONE_OPTION,
    /** An option label is blank. */
    BLANK_LABEL,
    /** Two options of one question have the same label (ignoring case and spaces). */
    DUPLICATE_LABEL,
    /** Options on a text question, or branching on a multiple-choice option. */
    TYPE_RULE
  }
}
