package ru.sipring.campaign;

import java.util.List;
import java.util.Optional;

/**
 * Stores the Project &gt; Task &gt; Assignment hierarchy. Names are unique within their parent (a duplicate
 * is a {@link ru.sipring.core.RejectedException}); an unknown id is a {@link ru.sipring.core.NotFoundException}.
 * Implementations are thread-safe.
 */
public interface CampaignRepository {
  /**
   * Creates a project.
   *
   * @param name its name, unique among projects
   * @return the stored project
   * @throws ru.sipring.core.RejectedException when the name is blank or taken
   */
  Project createProject(String name);

  /**
   * Creates a task in a project.
   *
   * @param projectId the project
   * @param name its name, unique in the project
   * @return the stored task
   * @throws ru.sipring.core.NotFoundException when the project does not exist
   * @throws ru.sipring.core.RejectedException when the name is blank or taken
   */
  Task createTask(long projectId, String name);

  /**
   * Creates an assignment (a client base with its calling settings) in a task.
   *
   * @param taskId the task
   * @param name its name, unique in the task
   * @param settings how its clients are called
   * @return the stored assignment
   * @throws ru.sipring.core.NotFoundException when the task does not exist
   * @throws ru.sipring.core.RejectedException when the name is blank or taken
   */
  Assignment createAssignment(long taskId, String name, AssignmentSettings settings);

  /**
   * Renames a project.
   *
   * @param id the project
   * @param name the new name
   * @throws ru.sipring.core.NotFoundException when the project does not exist
   * @throws ru.sipring.core.RejectedException when the name is blank or taken
   */
  void renameProject(long id, String name);

  /**
   * Renames a task.
   *
   * @param id the task
   * @param name the new name
   * @throws ru.sipring.core.NotFoundException when the task does not exist
   * @throws ru.sipring.core.RejectedException when the name is blank or taken
   */
  void renameTask(long id, String name);

  /**
   * Renames an assignment.
   *
   * @param id the assignment
   * @param name the new name
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   * @throws ru.sipring.core.RejectedException when the name is blank or taken
   */
  void renameAssignment(long id, String name);

  /**
   * Archives a project (hidden from work lists, kept for reports) or brings it back.
   *
   * @param id the project
   * @param archived true to archive, false to restore
   * @throws ru.sipring.core.NotFoundException when the project does not exist
   */
  void archiveProject(long id, boolean archived);

  /**
   * Archives a task or brings it back.
   *
   * @param id the task
   * @param archived true to archive, false to restore
   * @throws ru.sipring.core.NotFoundException when the task does not exist
   */
  void archiveTask(long id, boolean archived);

  /**
   * Archives an assignment or brings it back.
   *
   * @param id the assignment
   * @param archived true to archive, false to restore
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  void archiveAssignment(long id, boolean archived);

  /**
   * Replaces an assignment's calling settings.
   *
   * @param assignmentId the assignment
   * @param settings the new settings
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  void updateSettings(long assignmentId, AssignmentSettings settings);

  /**
   * Every project, archived ones included.
   *
   * @return the projects in id order
   */
  List<Project> projects();

  /**
   * The tasks of a project, archived ones included.
   *
   * @param projectId the project
   * @return its tasks in id order; empty for an unknown project
   */
  List<Task> tasks(long projectId);

  /**
   * The assignments of a task, archived ones included.
   *
   * @param taskId the task
   * @return its assignments in id order; empty for an unknown task
   */
  List<Assignment> assignments(long taskId);

  /**
   * One project.
   *
   * @param id the project's id
   * @return the project, or empty
   */
  Optional<Project> project(long id);

  /**
   * One task.
   *
   * @param id the task's id
   * @return the task, or empty
   */
  Optional<Task> task(long id);

  /**
   * One assignment.
   *
   * @param id the assignment's id
   * @return the assignment, or empty
   */
  Optional<Assignment> assignment(long id);
}
