package ru.sipring.campaign;

import java.util.Objects;
import ru.sipring.core.BadInputException;

/** {@code PROJECT/TASK/ASSIGNMENT} by names, as the CLI spells an assignment. Immutable. */
public record AssignmentPath(String project, String task, String assignment) {
  public AssignmentPath {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(assignment, "assignment");
  }

  /** Parses {@code P/T/A}; names cannot contain {@code /}. */
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
