package ru.sipring.survey;

import java.util.List;
import java.util.stream.Collectors;
import ru.sipring.core.BadInputException;

/**
 * Scenario JSON that is well-formed but cannot be turned into a scenario (an unknown question type, an
 * unsupported schema version). Carries one {@link ValidationProblem} per fault, each naming its question.
 * Immutable once built (thread-safe).
 */
public final class ScenarioFormatException extends BadInputException {
  private static final long serialVersionUID = 1L;
  private final transient List<ValidationProblem> problems;

  ScenarioFormatException(String location, List<ValidationProblem> problems) {
    super(location, problems.stream().map(ValidationProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found in the file, not just the first.
   *
   * @return the problems
   */
  public List<ValidationProblem> problems() {
    return problems;
  }
}
