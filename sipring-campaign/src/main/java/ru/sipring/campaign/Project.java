package ru.sipring.campaign;

import java.util.Objects;

/** "Проект": the top of the outbound hierarchy. Names are unique among projects. Immutable. */
public record Project(long id, String name, boolean archived) {
  /**
   * Checks the project.
   *
   * @param id the store's id; 0 until stored
   * @param name its name, unique within its parent
   * @param archived whether it is archived (hidden from work lists, kept for reports)
   * @throws NullPointerException when the name is null
   */
  public Project {
    Objects.requireNonNull(name, "name");
  }
}
