package ru.sipring.cli.campaign;

import java.time.ZoneId;
import java.util.Optional;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CampaignRepository;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.core.NotFoundException;

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

  /** The assignment, created with the levels above it when missing. */
  static Assignment findOrCreate(CampaignRepository repo, AssignmentPath path, ZoneId zone) {
    Project p = repo.projects().stream().filter(x -> x.name().equalsIgnoreCase(path.project())).findFirst()
        .orElseGet(() -> repo.createProject(path.project()));
    Task t = repo.tasks(p.id()).stream().filter(x -> x.name().equalsIgnoreCase(path.task())).findFirst()
        .orElseGet(() -> repo.createTask(p.id(), path.task()));
    return repo.assignments(t.id()).stream().filter(x -> x.name().equalsIgnoreCase(path.assignment())).findFirst()
        .orElseGet(() -> repo.createAssignment(t.id(), path.assignment(), AssignmentSettings.defaults(zone)));
  }
}
