package ru.sipring.campaign;

import java.util.List;
import java.util.Optional;

/**
 * Stores the Project &gt; Task &gt; Assignment hierarchy. Names are unique within their parent (a duplicate
 * is a {@link ru.sipring.core.RejectedException}); an unknown id is a {@link ru.sipring.core.NotFoundException}.
 * Implementations are thread-safe.
 */
public interface CampaignRepository {
  Project createProject(String name);

  Task createTask(long projectId, String name);

  Assignment createAssignment(long taskId, String name, AssignmentSettings settings);

  void renameProject(long id, String name);

  void renameTask(long id, String name);

  void renameAssignment(long id, String name);

  void archiveProject(long id, boolean archived);

  void archiveTask(long id, boolean archived);

  void archiveAssignment(long id, boolean archived);

  void updateSettings(long assignmentId, AssignmentSettings settings);

  List<Project> projects();

  List<Task> tasks(long projectId);

  List<Assignment> assignments(long taskId);

  Optional<Project> project(long id);

  Optional<Task> task(long id);

  Optional<Assignment> assignment(long id);
}
