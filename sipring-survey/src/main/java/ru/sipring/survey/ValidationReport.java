package ru.sipring.survey;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link ScenarioValidator#validate}: every problem found, errors first in the order the
 * checks ran. Immutable.
 */
public record ValidationReport(String scenarioId, List<ValidationProblem> problems) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param scenarioId the scenario id
   * @param problems the problems
   */
  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /**
   * Valid means no errors; warnings are allowed.
   *
   * @return true when there are no errors (warnings are allowed)
   */
  public boolean isValid() {
    return errors().isEmpty();
  }

  /**
   * The errors: problems that stop publishing.
   *
   * @return the errors
   */
  public List<ValidationProblem> errors() {
    return problems.stream().filter(ValidationProblem::isError).collect(Collectors.toList());
  }

  /**
   * The warnings: problems that do not stop publishing.
   *
   * @return the warnings
   */
  public List<ValidationProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).collect(Collectors.toList());
  }

  /**
   * Whether some problem of this kind concerns this question.
   *
   * @param subject the subject
   * @param code the code
   * @return true when some problem of this kind concerns this question
   */
  public boolean has(String subject, ValidationProblem.Code code) {
    return problems.stream().anyMatch(p -> p.subject().equals(subject) && p.code() == code);
  }

  /**
   * The errors, one per line, as {@code bin/sipring survey validate} prints them.
   *
   * @return the errors, one per line, as {@code bin/sipring survey validate} prints them
   */
  public String errorLines() {
    return errors().stream().map(ValidationProblem::toString).collect(Collectors.joining("\n"));
  }
}
