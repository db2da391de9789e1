package ru.sipring.campaign;

import java.util.Objects;

/** "Задача": a direction of work within a project; names are unique within the project. Immutable. */
public record Task(long id, long projectId, String name, boolean archived) {
  /**
   * Checks the task.
   *
   * @param id the store's id; 0 until stored
   * @param projectId the project it belongs to
   * @param name its name, unique within its parent
   * @param archived whether it is archived (hidden from work lists, kept for reports)
   * @throws NullPointerException when the name is null
   */
  public Task {
    Objects.requireNonNull(name, "name");
  }
}
