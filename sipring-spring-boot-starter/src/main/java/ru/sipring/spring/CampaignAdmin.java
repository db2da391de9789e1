package ru.sipring.spring;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CampaignRepository;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.csv.ContactExporter;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.DncImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportPreview;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.campaign.dialer.DialerControl;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

/**
 * The outbound call centre's administration as a panel or a CRM needs it (guide §8): the Project &gt; Task &gt;
 * Assignment tree, client base import and export, DNC lists, an assignment's call window and retry rules, its
 * dialer, the operators at work and closing hung sessions. Every change is recorded in the {@link AuditLog} with who
 * made it ({@code campaign.*} actions); reads are not. Bad input is a {@link BadInputException} naming the field.
 * Thread-safe: the store, the tracker, the dialers and the log are.
 */
public final class CampaignAdmin {
  /** The longest name of a project, task or assignment. */
  public static final int MAX_NAME = 255;
  /** Numbers of a DNC list shown at most. */
  public static final int DNC_SHOWN = 1_000;

  private final CampaignStore store;
  private final WorkTracker work;
  private final @Nullable DialerControl dialers;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration hungAfter;

  /**
   * The administration over a store.
   *
   * @param store the campaign store
   * @param work the operators' work sessions
   * @param dialers the running dialers; null when there is no PBX (dialer operations then fail)
   * @param audit where changes are recorded
   * @param clock the time of audit entries
   * @param hungAfter how long a session stays open before it is offered for closing
   */
  public CampaignAdmin(CampaignStore store, WorkTracker work, @Nullable DialerControl dialers, AuditLog audit,
      Clock clock, Duration hungAfter) {
    this.store = Objects.requireNonNull(store, "store");
    this.work = Objects.requireNonNull(work, "work");
    this.dialers = dialers;
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hungAfter = Objects.requireNonNull(hungAfter, "hungAfter");
  }

  /** A level of the tree. */
  public enum Level {
    /** «Проект». */
    PROJECT,
    /** «Задача». */
    TASK,
    /** «Задание». */
    ASSIGNMENT
  }

  /**
   * A project with its tasks.
   *
   * @param project the project
   * @param tasks its tasks, in id order
   */
  public record ProjectNode(Project project, List<TaskNode> tasks) {}

  /**
   * A task with its assignments.
   *
   * @param task the task
   * @param assignments its assignments, in id order
   */
  public record TaskNode(Task task, List<Assignment> assignments) {}

  /**
   * The Project &gt; Task &gt; Assignment tree.
   *
   * @param archived whether to include archived projects, tasks and assignments
   * @return the projects in id order
   */
  public List<ProjectNode> tree(boolean archived) {
    CampaignRepository c = store.campaigns();
    List<ProjectNode> out = new ArrayList<>();
    for (Project p : c.projects()) {
      if (p.archived() && !archived) {
        continue;
      }
      List<TaskNode> tasks = new ArrayList<>();
      for (Task t : c.tasks(p.id())) {
        if (t.archived() && !archived) {
          continue;
        }
        tasks.add(new TaskNode(t, c.assignments(t.id()).stream().filter(a -> archived || !a.archived()).toList()));
      }
      out.add(new ProjectNode(p, tasks));
    }
    return out;
  }

  /**
   * An assignment with its task and project.
   *
   * @param assignment the assignment
   * @param task its task
   * @param project its project
   */
  public record AssignmentView(Assignment assignment, Task task, Project project) {}

  /**
   * An assignment with its parents.
   *
   * @param assignmentId the assignment
   * @return the assignment, its task and project
   * @throws NotFoundException when there is no such assignment
   */
  public AssignmentView assignment(long assignmentId) {
    Assignment a = store.campaigns().assignment(assignmentId)
        .orElseThrow(() -> new NotFoundException("no assignment with id " + assignmentId));
    Task t = store.campaigns().task(a.taskId()).orElseThrow(() -> new NotFoundException("no task " + a.taskId()));
    Project p = store.campaigns().project(t.projectId())
        .orElseThrow(() -> new NotFoundException("no project " + t.projectId()));
    return new AssignmentView(a, t, p);
  }

  /**
   * Creates a project, a task in a project, or an assignment in a task (with the default settings in {@code zone}).
   *
   * @param actor who does it
   * @param level what to create
   * @param parentId the project of a task, the task of an assignment; ignored for a project
   * @param name its name, unique within the parent (case ignored)
   * @param defaults the settings of a new assignment
   * @return the new item's id
   * @throws BadInputException naming {@code name} when it is blank or too long
   * @throws NotFoundException when the parent does not exist
   * @throws ru.sipring.core.RejectedException when the name is taken
   */
  public long create(String actor, Level level, long parentId, String name, AssignmentSettings defaults) {
    String n = name(name);
    long id = switch (level) {
      case PROJECT -> store.campaigns().createProject(n).id();
      case TASK -> store.campaigns().createTask(parentId, n).id();
      case ASSIGNMENT -> store.campaigns().createAssignment(parentId, n, defaults).id();
    };
    record(actor, "campaign." + key(level) + ".create", key(level) + ":" + id, n);
    return id;
  }

  /**
   * Renames a project, task or assignment.
   *
   * @param actor who does it
   * @param level what it is
   * @param id its id
   * @param name the new name
   * @throws BadInputException naming {@code name} when it is blank or too long
   * @throws NotFoundException when it does not exist
   * @throws ru.sipring.core.RejectedException when the name is taken
   */
  public void rename(String actor, Level level, long id, String name) {
    String n = name(name);
    switch (level) {
      case PROJECT -> store.campaigns().renameProject(id, n);
      case TASK -> store.campaigns().renameTask(id, n);
      case ASSIGNMENT -> store.campaigns().renameAssignment(id, n);
    }
    record(actor, "campaign." + key(level) + ".rename", key(level) + ":" + id, n);
  }

  /**
   * Archives or restores a project, task or assignment. An archived assignment's dialer is stopped first.
   *
   * @param actor who does it
   * @param level what it is
   * @param id its id
   * @param archived true to archive, false to restore
   * @throws NotFoundException when it does not exist
   */
  public void archive(String actor, Level level, long id, boolean archived) {
    switch (level) {
      case PROJECT -> store.campaigns().archiveProject(id, archived);
      case TASK -> store.campaigns().archiveTask(id, archived);
      case ASSIGNMENT -> {
        if (archived && dialers != null) {
          dialers.stop(id);
        }
        store.campaigns().archiveAssignment(id, archived);
      }
    }
    record(actor, "campaign." + key(level) + (archived ? ".archive" : ".restore"), key(level) + ":" + id, "");
  }

  /**
   * Changes an assignment's call window, retry rules and DNC scope.
   *
   * @param actor who does it
   * @param assignmentId the assignment
   * @param settings the new settings
   * @throws NotFoundException when there is no such assignment
   */
  public void updateSettings(String actor, long assignmentId, AssignmentSettings settings) {
    store.campaigns().updateSettings(assignmentId, settings);
    record(actor, "campaign.assignment.settings", "assignment:" + assignmentId, settings.window().start() + "-"
        + settings.window().end() + " " + settings.window().zone() + ", " + settings.dncScope());
  }

  /**
   * What an import of the file would read (nothing is stored).
   *
   * @param source the file's name
   * @param bytes its content
   * @param options encoding, delimiter, mapping
   * @param rows data rows to show
   * @return the preview
   * @throws BadInputException when the file cannot be read as a client base
   */
  public ImportPreview preview(String source, byte[] bytes, ImportOptions options, int rows) {
    return ContactImporter.preview(source, bytes, options, rows);
  }

  /**
   * Imports a client base into an assignment; every rejected line is in the result.
   *
   * @param actor who does it
   * @param assignmentId the assignment
   * @param source the file's name
   * @param bytes its content
   * @param options encoding, delimiter, mapping, duplicate scope, strictness
   * @return what was imported and rejected
   * @throws BadInputException when the file cannot be read as a client base
   * @throws NotFoundException when there is no such assignment
   */
  public ImportResult importContacts(String actor, long assignmentId, String source, byte[] bytes,
      ImportOptions options) {
    assignment(assignmentId);
    ImportResult r = new ContactImporter(store.contacts()).importBytes(assignmentId, source, bytes, options);
    record(actor, "campaign.import", "assignment:" + assignmentId, source + ": " + r.imported() + " imported, "
        + r.rejected().size() + " rejected, " + r.duplicates() + " duplicates");
    return r;
  }

  /**
   * Writes an assignment's base as CSV for Excel ({@link ContactExporter#excel()}: {@code ;}, UTF-8 with a BOM,
   * every cell guarded against formula injection).
   *
   * @param assignmentId the assignment
   * @param russianHeaders Russian column labels instead of field keys
   * @param out where to write; not closed
   * @throws NotFoundException when there is no such assignment
   */
  public void export(long assignmentId, boolean russianHeaders, OutputStream out) {
    assignment(assignmentId);
    ContactExporter e = russianHeaders
        ? ContactExporter.of(';', java.nio.charset.StandardCharsets.UTF_8, true, true) : ContactExporter.excel();
    e.write(store.contacts().byAssignment(assignmentId), out);
  }

  /**
   * The numbers of a DNC list.
   *
   * @param scopeKey the list
   * @return the first {@link #DNC_SHOWN} numbers in order
   */
  public List<String> dncNumbers(String scopeKey) {
    return store.dnc().numbers(scope(scopeKey), DNC_SHOWN);
  }

  /**
   * Puts a number on a DNC list.
   *
   * @param actor who does it
   * @param scopeKey the list ({@code global}, {@code project:<id>}, {@code assignment:<id>})
   * @param number the number as typed
   * @return the number's normal form, as stored
   * @throws BadInputException naming {@code number} or {@code scope}
   */
  public String dncAdd(String actor, String scopeKey, String number) {
    String n = DncImporter.number(number);
    store.dnc().add(scope(scopeKey), n);
    record(actor, "campaign.dnc.add", scopeKey, n);
    return n;
  }

  /**
   * Takes a number off a DNC list.
   *
   * @param actor who does it
   * @param scopeKey the list
   * @param number the number as typed or stored
   * @throws BadInputException naming {@code number} or {@code scope}
   */
  public void dncRemove(String actor, String scopeKey, String number) {
    String n = DncImporter.number(number);
    store.dnc().remove(scope(scopeKey), n);
    record(actor, "campaign.dnc.remove", scopeKey, n);
  }

  /**
   * Puts the numbers of a file on a DNC list.
   *
   * @param actor who does it
   * @param scopeKey the list
   * @param source the file's name
   * @param bytes its content
   * @return numbers added and lines rejected
   * @throws BadInputException naming {@code scope}, or when the file is not text in an accepted encoding
   */
  public DncImporter.Result dncImport(String actor, String scopeKey, String source, byte[] bytes) {
    DncImporter.Result r = DncImporter.importBytes(store.dnc(), scope(scopeKey), source, bytes);
    record(actor, "campaign.dnc.import", scopeKey, source + ": " + r.added() + " added, " + r.rejected().size()
        + " rejected");
    return r;
  }

  /**
   * An assignment's dialer settings.
   *
   * @param assignmentId the assignment
   * @return the settings, empty before they were set
   */
  public Optional<DialerSettings> dialerSettings(long assignmentId) {
    return dialers().settings(assignmentId);
  }

  /**
   * Sets an assignment's dialer settings.
   *
   * @param actor who does it
   * @param assignmentId the assignment
   * @param settings the settings
   * @throws ru.sipring.core.RejectedException while the dialer runs or has calls in progress
   */
  public void configureDialer(String actor, long assignmentId, DialerSettings settings) {
    dialers().configure(assignmentId, settings);
    record(actor, "campaign.dialer.settings", "assignment:" + assignmentId, settings.mode() + ", extension "
        + settings.answerExtension() + "@" + settings.context() + ", at most " + settings.maxConcurrent());
  }

  /**
   * Starts, pauses or stops an assignment's dialer.
   *
   * @param actor who does it
   * @param assignmentId the assignment
   * @param action {@code start}, {@code pause} or {@code stop}
   * @return the progress after it
   * @throws BadInputException naming {@code action} for another word
   * @throws ru.sipring.core.RejectedException when the dialer cannot do it now (no settings, not running)
   */
  public DialerControl.Progress dialer(String actor, long assignmentId, String action) {
    DialerControl d = dialers();
    DialerControl.Progress p = switch (action) {
      case "start" -> d.start(assignmentId);
      case "pause" -> d.pause(assignmentId);
      case "stop" -> d.stop(assignmentId);
      default -> throw new BadInputException("action", "start, pause or stop");
    };
    record(actor, "campaign.dialer." + action, "assignment:" + assignmentId, "");
    return p;
  }

  /**
   * An assignment's dialer progress.
   *
   * @param assignmentId the assignment
   * @return the progress
   */
  public DialerControl.Progress progress(long assignmentId) {
    return dialers().progress(assignmentId);
  }

  /**
   * Whether the dialer can run here (there is a PBX).
   *
   * @return true when dialer operations are available
   */
  public boolean dialerAvailable() {
    return dialers != null;
  }

  /**
   * Who is at work now («ИКЦ-on-line»).
   *
   * @return the open sessions
   */
  public List<WorkTracker.LiveOperator> live() {
    return work.live();
  }

  /**
   * Sessions open longer than {@code sipring.campaign.hung-after}.
   *
   * @return the hung sessions
   */
  public List<WorkSession> hung() {
    return work.hung(hungAfter);
  }

  /**
   * How long a session stays open before it is offered for closing.
   *
   * @return the duration
   */
  public Duration hungAfter() {
    return hungAfter;
  }

  /**
   * Ends a hung session («Завершение зависших задач»).
   *
   * @param actor who does it
   * @param sessionId the session
   * @param at when it ended; null for now
   * @return the closed session
   * @throws NotFoundException when there is no such session
   * @throws ru.sipring.core.RejectedException when it is closed already
   */
  public WorkSession closeHung(String actor, long sessionId, @Nullable Instant at) {
    WorkSession s = work.closeHung(sessionId, at);
    record(actor, "campaign.session.close", "session:" + sessionId, s.operator() + " at " + s.endedAt());
    return s;
  }

  private DialerControl dialers() {
    DialerControl d = dialers;
    if (d == null) {
      throw new ConnectionException("no PBX: the panel is not connected to Asterisk (sipring.ami.host), so no dialer");
    }
    return d;
  }

  private String scope(String scopeKey) {
    if (scopeKey.equals(DncRepository.GLOBAL)) {
      return scopeKey;
    }
    int colon = scopeKey.indexOf(':');
    String kind = colon < 0 ? "" : scopeKey.substring(0, colon);
    long id;
    try {
      id = Long.parseLong(scopeKey.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new BadInputException("scope", "global, project:<id> or assignment:<id>");
    }
    switch (kind) {
      case "project" -> store.campaigns().project(id).orElseThrow(() -> new NotFoundException("no project " + id));
      case "assignment" -> assignment(id);
      default -> throw new BadInputException("scope", "global, project:<id> or assignment:<id>");
    }
    return scopeKey;
  }

  private static String name(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME) {
      throw new BadInputException("name", "1 to " + MAX_NAME + " characters");
    }
    return n;
  }

  private static String key(Level level) {
    return level.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void record(String actor, String action, String target, String detail) {
    audit.record(new AuditEntry(clock.instant(), actor, action, target, detail));
  }
}
