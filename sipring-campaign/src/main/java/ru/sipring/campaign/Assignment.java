package ru.sipring.campaign;

import java.util.Objects;

/**
 * "Задание": a concrete piece of work (a day, a shift) within a task, with its client base, call window,
 * retry rules and DNC scope. Names are unique within the task. Immutable.
 */
public record Assignment(long id, long taskId, String name, boolean archived, AssignmentSettings settings) {
  public Assignment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
  }

  public Assignment withSettings(AssignmentSettings s) {
    return new Assignment(id, taskId, name, archived, s);
  }
}
