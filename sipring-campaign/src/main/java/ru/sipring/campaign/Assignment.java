package ru.sipring.campaign;

import java.util.Objects;

/**
 * "Задание": a concrete piece of work (a day, a shift) within a task, with its client base, call window,
 * retry rules and DNC scope. Names are unique within the task. Immutable.
 */
public record Assignment(long id, long taskId, String name, boolean archived, AssignmentSettings settings) {
  /**
   * Checks the assignment.
   *
   * @param id the store's id; 0 until stored
   * @param taskId the task it belongs to
   * @param name its name, unique within its parent
   * @param archived whether it is archived (hidden from work lists, kept for reports)
   * @param settings how its clients are called
   * @throws NullPointerException when the name or settings are null
   */
  public Assignment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * This assignment with other settings.
   *
   * @param s the settings
   * @return the copy
   */
  public Assignment withSettings(AssignmentSettings s) {
    return new Assignment(id, taskId, name, archived, s);
  }
}
