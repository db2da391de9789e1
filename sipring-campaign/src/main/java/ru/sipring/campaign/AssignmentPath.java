package ru.sipring.campaign;

import java.util.Objects;
import ru.sipring.core.BadInputException;

/**
 * {@code PROJECT/TASK/ASSIGNMENT} by names, as the CLI spells an assignment. Immutable.
 *
 * @param project the project's name
 * @param task the task's name
 * @param assignment the assignment's name
 */
public record AssignmentPath(String project, String task, String assignment) {
  /**
   * Checks the names.
   *
   * @param project the project's name
   * @param task the task's name
   * @param assignment the assignment's name
   * @throws NullPointerException when a name is null
   */
  public AssignmentPath {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(assignment, "assignment");
  }

  /**
   * Parses {@code P/T/A}; names cannot contain {@code /}.
   *
   * @param path such as {@code Продажи/Январь/Смена 1}
   * @return the path, names trimmed
   * @throws BadInputException naming {@code --assignment} when it is not three non-blank names
   */
  public static AssignmentPath parse(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      throw new BadInputException("--assignment", "expected PROJECT/TASK/ASSIGNMENT, was '" + path + "'");
    }
    return new AssignmentPath(parts[0].trim(), parts[1].trim(), parts[2].trim());
  }

  @Override
  public String toString() {
    return project + "/" + task + "/" + assignment;
  }
}
