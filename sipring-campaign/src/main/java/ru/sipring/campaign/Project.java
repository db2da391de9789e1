package ru.sipring.campaign;

import java.util.Objects;

/** "Проект": the top of the outbound hierarchy. Names are unique among projects. Immutable. */
public record Project(long id, String name, boolean archived) {
  public Project {
    Objects.requireNonNull(name, "name");
  }
}
