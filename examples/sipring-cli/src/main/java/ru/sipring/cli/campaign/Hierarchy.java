package ru.sipring.cli.campaign;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CampaignRepository;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/** Finds or creates an assignment by its {@code PROJECT/TASK/ASSIGNMENT} path. */
final class Hierarchy {
  private Hierarchy() {}

  static Optional<Assignment> find(CampaignRepository repo, AssignmentPath path) {
    Optional<Project> p = repo.projects().stream().filter(x -> x.name().equalsIgnoreCase(path.project())).findFirst();
    if (p.isEmpty()) {
      return Optional.empty();
    }
    Optional<Task> t = repo.tasks(p.get().id()).stream().filter(x -> x.name().equalsIgnoreCase(path.task()))
        .findFirst();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    return repo.assignments(t.get().id()).stream().filter(x -> x.name().equalsIgnoreCase(path.assignment()))
        .findFirst();
  }

  static Assignment require(CampaignRepository repo, AssignmentPath path) {
    return find(repo, path).orElseThrow(() -> new NotFoundException("no assignment " + path
        + " (create it with 'sipring campaign create " + path + "')"));
  }

  /**
   * The assignment, created with the levels above it when missing. Another command creating the same level at the
   * same moment (the database's unique key refuses the second) is not an error: the level it created is used.
   */
  static Assignment findOrCreate(CampaignRepository repo, AssignmentPath path, ZoneId zone) {
    Project p = orCreate(() -> repo.projects().stream().filter(x -> x.name().equalsIgnoreCase(path.project()))
        .findFirst(), () -> repo.createProject(path.project()));
    Task t = orCreate(() -> repo.tasks(p.id()).stream().filter(x -> x.name().equalsIgnoreCase(path.task()))
        .findFirst(), () -> repo.createTask(p.id(), path.task()));
    return orCreate(() -> repo.assignments(t.id()).stream()
        .filter(x -> x.name().equalsIgnoreCase(path.assignment())).findFirst(),
        () -> repo.createAssignment(t.id(), path.assignment(), AssignmentSettings.defaults(zone)));
  }

  private static <T> T orCreate(Supplier<Optional<T>> find, Supplier<T> create) {
    Optional<T> found = find.get();
    if (found.isPresent()) {
      return found.get();
    }
    try {
      return create.get();
    } catch (RejectedException raced) {
      return find.get().orElseThrow(() -> raced);
    }
  }
}
