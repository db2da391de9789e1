package ru.sipring.campaign;

import java.util.Objects;

/** "Задача": a direction of work within a project; names are unique within the project. Immutable. */
public record Task(long id, long projectId, String name, boolean archived) {
  public Task {
    Objects.requireNonNull(name, "name");
  }
}
