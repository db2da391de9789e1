package ru.sipring.campaign;

import ru.sipring.core.text.PhoneNumber;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.campaign.internal.CampaignJson;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/**
 * Every outbound repository in memory, guarded by one lock. It can be saved to and loaded from a JSON file
 * ({@link #save}, {@link #load}): that is the CLI's embedded default store. Thread-safe.
 */
public class InMemoryCampaignStore implements CampaignStore {
  private final Object lock = new Object();
  private long seq;
  private final Map<Long, Project> projects = new TreeMap<>();
  private final Map<Long, Task> tasks = new TreeMap<>();
  private final Map<Long, Assignment> assignments = new TreeMap<>();
  private final Map<Long, Contact> contacts = new LinkedHashMap<>();
  private final Map<Long, CallAttempt> attempts = new TreeMap<>();
  private final Map<Long, WorkSession> sessions = new TreeMap<>();
  private final Map<String, Set<String>> dnc = new TreeMap<>();
  private final Map<String, ColumnMapping> mappings = new TreeMap<>();
  private final Map<Long, DialerState> dialerStates = new TreeMap<>();
  private final Map<Long, DialerSettings> dialerSettings = new TreeMap<>();
  /** normalised phone -> assignment -> cards with it, for duplicate checks without a full scan */
  private final Map<String, Map<Long, Integer>> phoneIndex = new HashMap<>();

  private void index(Contact c) {
    phoneIndex.computeIfAbsent(c.phoneNormalized(), k -> new HashMap<>()).merge(c.assignmentId(), 1, Integer::sum);
  }

  private void unindex(Contact c) {
    Map<Long, Integer> m = phoneIndex.get(c.phoneNormalized());
    if (m != null && m.merge(c.assignmentId(), -1, Integer::sum) <= 0) {
      m.remove(c.assignmentId());
      if (m.isEmpty()) {
        phoneIndex.remove(c.phoneNormalized());
      }
    }
  }

  private final CampaignRepository campaignRepo = new Campaigns();
  private final ContactRepository contactRepo = new Contacts();
  private final CallAttemptRepository attemptRepo = new Attempts();
  private final WorkSessionRepository sessionRepo = new Sessions();
  private final DncRepository dncRepo = new Dnc();
  private final MappingRepository mappingRepo = new Mappings();
  private final DialerStateRepository dialerRepo = new DialerStates();
  private final DialerSettingsRepository dialerSettingsRepo = new DialerSettingsStore();

  @Override
  public CampaignRepository campaigns() {
    return campaignRepo;
  }

  @Override
  public ContactRepository contacts() {
    return contactRepo;
  }

  @Override
  public CallAttemptRepository attempts() {
    return attemptRepo;
  }

  @Override
  public WorkSessionRepository sessions() {
    return sessionRepo;
  }

  @Override
  public DncRepository dnc() {
    return dncRepo;
  }

  @Override
  public MappingRepository mappings() {
    return mappingRepo;
  }

  @Override
  public DialerStateRepository dialerStates() {
    return dialerRepo;
  }

  @Override
  public DialerSettingsRepository dialerSettings() {
    return dialerSettingsRepo;
  }

  // ---- JSON file persistence ---------------------------------------------------------------------------

  /**
   * The whole store as written to JSON. {@code dialerSettings} is null in a file written before the settings were
   * kept.
   */
  record Snapshot(long seq, List<Project> projects, List<Task> tasks, List<Assignment> assignments,
      List<Contact> contacts, List<CallAttempt> attempts, List<WorkSession> sessions,
      Map<String, Set<String>> dnc, Map<String, ColumnMapping> mappings, List<DialerState> dialerStates,
      @Nullable Map<Long, DialerSettings> dialerSettings) {}

  static ObjectMapper json() {
    return CampaignJson.mapper();
  }

  /**
   * Writes the store to {@code file} atomically (a temporary file renamed over it).
   *
   * @param file the JSON file; its directory is created when missing
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public void save(Path file) {
    Snapshot s;
    synchronized (lock) {
      s = new Snapshot(seq, List.copyOf(projects.values()), List.copyOf(tasks.values()),
          List.copyOf(assignments.values()), List.copyOf(contacts.values()), List.copyOf(attempts.values()),
          List.copyOf(sessions.values()), new TreeMap<>(dnc), new TreeMap<>(mappings),
          List.copyOf(dialerStates.values()), new TreeMap<>(dialerSettings));
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      json().writeValue(tmp.toFile(), s);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the campaign store " + file, e);
    }
  }

  /**
   * Every do-not-call list, for copying this store into another ({@code DncRepository} has no listing: the dialer
   * only asks whether a number is on a list).
   *
   * @return scope key to its numbers, a copy
   */
  public Map<String, Set<String>> dncLists() {
    synchronized (lock) {
      Map<String, Set<String>> copy = new TreeMap<>();
      dnc.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
      return copy;
    }
  }

  /**
   * Deletes a client card; its call attempts stay (see {@link ru.sipring.campaign.cards.ClientCardStore}).
   *
   * @param contactId the card
   * @throws NotFoundException when there is no such card
   */
  public void deleteContact(long contactId) {
    synchronized (lock) {
      Contact c = found(contacts.remove(contactId), "client card", contactId);
      unindex(c);
    }
  }

  /**
   * A store read from {@code file}, or an empty one when the file does not exist.
   *
   * @param file the JSON file {@link #save} wrote
   * @return the store
   * @throws java.io.UncheckedIOException when the file cannot be read or is not such a store
   */
  public static InMemoryCampaignStore load(Path file) {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    if (!Files.exists(file)) {
      return store;
    }
    Snapshot s;
    try {
      s = json().readValue(file.toFile(), Snapshot.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the campaign store " + file, e);
    }
    store.seq = s.seq();
    s.projects().forEach(p -> store.projects.put(p.id(), p));
    s.tasks().forEach(t -> store.tasks.put(t.id(), t));
    s.assignments().forEach(a -> store.assignments.put(a.id(), a));
    // a file written before the normalisers were merged may hold a ten-digit 9XXXXXXXXX or an extension glued
    // onto the number: the normal form is re-derived from the phone as written (idempotent for current files)
    s.contacts().forEach(stored -> {
      String normal = PhoneNumber.normalize(stored.phone());
      Contact c = stored.phone().isEmpty() || normal.equals(stored.phoneNormalized()) ? stored
          : new Contact(stored.id(), stored.assignmentId(), stored.phone(), normal, stored.fields(),
              stored.custom(), stored.status(), stored.attempts(), stored.lastAttemptAt(), stored.lastOutcome());
      store.contacts.put(c.id(), c);
      store.index(c);
    });
    s.attempts().forEach(a -> store.attempts.put(a.id(), a));
    s.sessions().forEach(w -> store.sessions.put(w.id(), w));
    s.dnc().forEach((k, v) -> {
      Set<String> numbers = new HashSet<>();
      v.forEach(n -> numbers.add(PhoneNumber.normalize(n)));
      store.dnc.put(k, numbers);
    });
    store.mappings.putAll(s.mappings());
    s.dialerStates().forEach(d -> store.dialerStates.put(d.assignmentId(), d));
    Map<Long, DialerSettings> settings = s.dialerSettings();
    if (settings != null) {
      store.dialerSettings.putAll(settings);
    }
    return store;
  }

  // ---- repositories ------------------------------------------------------------------------------------

  private static <T> T found(@Nullable T value, String what, long id) {
    if (value == null) {
      throw new NotFoundException("no " + what + " with id " + id);
    }
    return value;
  }

  private final class Campaigns implements CampaignRepository {
    @Override
    public Project createProject(String name) {
      synchronized (lock) {
        checkUnique(projects.values().stream().map(Project::name), name, "project");
        Project p = new Project(++seq, name, false);
        projects.put(p.id(), p);
        return p;
      }
    }

    @Override
    public Task createTask(long projectId, String name) {
      synchronized (lock) {
        found(projects.get(projectId), "project", projectId);
        checkUnique(tasks.values().stream().filter(t -> t.projectId() == projectId).map(Task::name), name, "task");
        Task t = new Task(++seq, projectId, name, false);
        tasks.put(t.id(), t);
        return t;
      }
    }

    @Override
    public Assignment createAssignment(long taskId, String name, AssignmentSettings settings) {
      synchronized (lock) {
        found(tasks.get(taskId), "task", taskId);
        checkUnique(assignments.values().stream().filter(a -> a.taskId() == taskId).map(Assignment::name), name,
            "assignment");
        Assignment a = new Assignment(++seq, taskId, name, false, settings);
        assignments.put(a.id(), a);
        return a;
      }
    }

    private void checkUnique(java.util.stream.Stream<String> names, String name, String what) {
      if (name.isBlank()) {
        throw new RejectedException("a " + what + " needs a name");
      }
      if (names.anyMatch(n -> n.equalsIgnoreCase(name))) {
        throw new RejectedException("a " + what + " named '" + name + "' already exists there");
      }
    }

    @Override
    public void renameProject(long id, String name) {
      synchronized (lock) {
        Project p = found(projects.get(id), "project", id);
        checkUnique(projects.values().stream().filter(x -> x.id() != id).map(Project::name), name, "project");
        projects.put(id, new Project(id, name, p.archived()));
      }
    }

    @Override
    public void renameTask(long id, String name) {
      synchronized (lock) {
        Task t = found(tasks.get(id), "task", id);
        checkUnique(tasks.values().stream().filter(x -> x.projectId() == t.projectId() && x.id() != id)
            .map(Task::name), name, "task");
        tasks.put(id, new Task(id, t.projectId(), name, t.archived()));
      }
    }

    @Override
    public void renameAssignment(long id, String name) {
      synchronized (lock) {
        Assignment a = found(assignments.get(id), "assignment", id);
        checkUnique(assignments.values().stream().filter(x -> x.taskId() == a.taskId() && x.id() != id)
            .map(Assignment::name), name, "assignment");
        assignments.put(id, new Assignment(id, a.taskId(), name, a.archived(), a.settings()));
      }
    }

    @Override
    public void archiveProject(long id, boolean archived) {
      synchronized (lock) {
        Project p = found(projects.get(id), "project", id);
        projects.put(id, new Project(id, p.name(), archived));
      }
    }

    @Override
    public void archiveTask(long id, boolean archived) {
      synchronized (lock) {
        Task t = found(tasks.get(id), "task", id);
        tasks.put(id, new Task(id, t.projectId(), t.name(), archived));
      }
    }

    @Override
    public void archiveAssignment(long id, boolean archived) {
      synchronized (lock) {
        Assignment a = found(assignments.get(id), "assignment", id);
        assignments.put(id, new Assignment(id, a.taskId(), a.name(), archived, a.settings()));
      }
    }

    @Override
    public void updateSettings(long assignmentId, AssignmentSettings settings) {
      synchronized (lock) {
        Assignment a = found(assignments.get(assignmentId), "assignment", assignmentId);
        assignments.put(assignmentId, a.withSettings(settings));
      }
    }

    @Override
    public List<Project> projects() {
      synchronized (lock) {
        return List.copyOf(projects.values());
      }
    }

    @Override
    public List<Task> tasks(long projectId) {
      synchronized (lock) {
        return tasks.values().stream().filter(t -> t.projectId() == projectId).toList();
      }
    }

    @Override
    public List<Assignment> assignments(long taskId) {
      synchronized (lock) {
        return assignments.values().stream().filter(a -> a.taskId() == taskId).toList();
      }
    }

    @Override
    public Optional<Project> project(long id) {
      synchronized (lock) {
        return Optional.ofNullable(projects.get(id));
      }
    }

    @Override
    public Optional<Task> task(long id) {
      synchronized (lock) {
        return Optional.ofNullable(tasks.get(id));
      }
    }

    @Override
    public Optional<Assignment> assignment(long id) {
      synchronized (lock) {
        return Optional.ofNullable(assignments.get(id));
      }
    }
  }

  private final class Contacts implements ContactRepository {
    @Override
    public int insertChunks(long assignmentId, ContactChunks chunks) {
      synchronized (lock) {
        found(assignments.get(assignmentId), "assignment", assignmentId);
      }
      // pulled before anything is stored, so a failing chunk leaves the store untouched
      List<Contact> all = new java.util.ArrayList<>();
      for (List<Contact> chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
        chunk.forEach(ContactLimits::check);
        all.addAll(chunk);
      }
      synchronized (lock) {
        found(assignments.get(assignmentId), "assignment", assignmentId);
        for (Contact c : all) {
          long id = ++seq;
          Contact stored = c.withId(id, assignmentId);
          contacts.put(id, stored);
          index(stored);
        }
        return all.size();
      }
    }

    @Override
    public List<Contact> byAssignment(long assignmentId) {
      synchronized (lock) {
        return contacts.values().stream().filter(c -> c.assignmentId() == assignmentId).toList();
      }
    }

    @Override
    public List<Contact> dueForCall(long assignmentId, RetryPolicy retry, List<String> dncKeys, Instant now,
        Collection<Long> excluding, int limit) {
      synchronized (lock) {
        return ContactRepository.dueForCall(
            () -> contacts.values().stream().filter(c -> c.assignmentId() == assignmentId).iterator(),
            retry, dncKeys, now, Set.copyOf(excluding), limit, dncRepo);
      }
    }

    @Override
    public Optional<Contact> byId(long id) {
      synchronized (lock) {
        return Optional.ofNullable(contacts.get(id));
      }
    }

    @Override
    public void update(Contact contact) {
      ContactLimits.check(contact);
      synchronized (lock) {
        Contact old = found(contacts.get(contact.id()), "contact", contact.id());
        unindex(old);
        contacts.put(contact.id(), contact);
        index(contact);
      }
    }

    @Override
    public Set<String> existingPhones(DuplicateScope scope, long assignmentId, Collection<String> phones) {
      synchronized (lock) {
        if (scope == DuplicateScope.NONE) {
          return Set.of();
        }
        Set<Long> inScope = scopeAssignments(scope, assignmentId);
        Set<String> out = new TreeSet<>();
        for (String p : phones) {
          Map<Long, Integer> where = phoneIndex.get(p);
          if (where == null) {
            continue;
          }
          if (inScope == null) {
            out.add(p);
          } else {
            for (Long a : where.keySet()) {
              if (inScope.contains(a)) {
                out.add(p);
                break;
              }
            }
          }
        }
        return out;
      }
    }

    @Override
    public boolean anyInScope(DuplicateScope scope, long assignmentId) {
      synchronized (lock) {
        if (scope == DuplicateScope.NONE) {
          return false;
        }
        Set<Long> inScope = scopeAssignments(scope, assignmentId);
        for (Contact c : contacts.values()) {
          if (inScope == null || inScope.contains(c.assignmentId())) {
            return true;
          }
        }
        return false;
      }
    }

    /** The assignments of {@code scope} around {@code assignmentId}; null for every assignment. */
    private @Nullable Set<Long> scopeAssignments(DuplicateScope scope, long assignmentId) {
      if (scope == DuplicateScope.EVERYWHERE) {
        return null;
      }
      if (scope == DuplicateScope.ASSIGNMENT) {
        return Set.of(assignmentId);
      }
      Assignment a = found(assignments.get(assignmentId), "assignment", assignmentId);
      long projectId = found(tasks.get(a.taskId()), "task", a.taskId()).projectId();
      Set<Long> out = new HashSet<>();
      for (Assignment x : assignments.values()) {
        Task t = tasks.get(x.taskId());
        if (t != null && t.projectId() == projectId) {
          out.add(x.id());
        }
      }
      return out;
    }
  }

  private final class Attempts implements CallAttemptRepository {
    @Override
    public CallAttempt insert(CallAttempt attempt) {
      synchronized (lock) {
        CallAttempt a = attempt.withId(++seq);
        attempts.put(a.id(), a);
        return a;
      }
    }

    @Override
    public void update(CallAttempt attempt) {
      synchronized (lock) {
        found(attempts.get(attempt.id()), "call attempt", attempt.id());
        attempts.put(attempt.id(), attempt);
      }
    }

    @Override
    public int applyCdr(List<CdrFacts> facts) {
      synchronized (lock) { // one step: nothing written between reading an attempt and writing it back
        int written = 0;
        for (CdrFacts f : facts) {
          CallAttempt a = attempts.get(f.attemptId());
          if (a != null) {
            attempts.put(a.id(), f.applyTo(a));
            written++;
          }
        }
        return written;
      }
    }

    @Override
    public List<CallAttempt> between(Instant from, Instant to) {
      synchronized (lock) {
        return attempts.values().stream()
            .filter(a -> !a.startedAt().isBefore(from) && a.startedAt().isBefore(to))
            .sorted(Comparator.comparing(CallAttempt::startedAt).thenComparingLong(CallAttempt::id)).toList();
      }
    }

    @Override
    public DialerCounts dialerCounts(long assignmentId, Instant from, Instant to) {
      long placed = 0;
      long answered = 0;
      synchronized (lock) {
        for (CallAttempt a : attempts.values()) {
          if (a.dialer() && a.assignmentId() == assignmentId && !a.startedAt().isBefore(from)
              && a.startedAt().isBefore(to)) {
            placed++;
            if (a.answered()) {
              answered++;
            }
          }
        }
      }
      return new DialerCounts(placed, answered);
    }

    @Override
    public List<CallAttempt> inProgress(long assignmentId) {
      synchronized (lock) {
        return attempts.values().stream().filter(a -> a.assignmentId() == assignmentId && a.inProgress()).toList();
      }
    }

    @Override
    public Optional<CallAttempt> byId(long id) {
      synchronized (lock) {
        return Optional.ofNullable(attempts.get(id));
      }
    }

    @Override
    public List<CallAttempt> byContact(long contactId) {
      synchronized (lock) {
        return attempts.values().stream().filter(a -> a.contactId() == contactId).toList();
      }
    }
  }

  private final class Sessions implements WorkSessionRepository {
    @Override
    public WorkSession insert(WorkSession session) {
      synchronized (lock) {
        WorkSession s = session.withId(++seq);
        sessions.put(s.id(), s);
        return s;
      }
    }

    @Override
    public void update(WorkSession session) {
      synchronized (lock) {
        found(sessions.get(session.id()), "work session", session.id());
        sessions.put(session.id(), session);
      }
    }

    @Override
    public Optional<WorkSession> byId(long id) {
      synchronized (lock) {
        return Optional.ofNullable(sessions.get(id));
      }
    }

    @Override
    public List<WorkSession> open() {
      synchronized (lock) {
        return sessions.values().stream().filter(WorkSession::open)
            .sorted(Comparator.comparing(WorkSession::startedAt)).toList();
      }
    }

    @Override
    public List<WorkSession> overlapping(Instant from, Instant to) {
      synchronized (lock) {
        return sessions.values().stream()
            .filter(s -> s.startedAt().isBefore(to) && (s.endedAt() == null || !s.endedAt().isBefore(from)))
            .toList();
      }
    }
  }

  private final class Dnc implements DncRepository {
    @Override
    public void add(String scopeKey, String normalizedNumber) {
      synchronized (lock) {
        dnc.computeIfAbsent(scopeKey, k -> new HashSet<>()).add(normalizedNumber);
      }
    }

    @Override
    public void remove(String scopeKey, String normalizedNumber) {
      synchronized (lock) {
        Set<String> s = dnc.get(scopeKey);
        if (s != null) {
          s.remove(normalizedNumber);
        }
      }
    }

    @Override
    public List<String> numbers(String scopeKey, int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be 1 or more");
      }
      synchronized (lock) {
        Set<String> s = dnc.get(scopeKey);
        return s == null ? List.of() : s.stream().sorted().limit(limit).toList();
      }
    }

    @Override
    public boolean contains(Collection<String> scopeKeys, String normalizedNumber) {
      synchronized (lock) {
        for (String k : scopeKeys) {
          Set<String> s = dnc.get(k);
          if (s != null && s.contains(normalizedNumber)) {
            return true;
          }
        }
        return false;
      }
    }
  }

  private final class Mappings implements MappingRepository {
    @Override
    public void save(String name, ColumnMapping mapping) {
      synchronized (lock) {
        mappings.put(name, mapping);
      }
    }

    @Override
    public Optional<ColumnMapping> find(String name) {
      synchronized (lock) {
        return Optional.ofNullable(mappings.get(name));
      }
    }

    @Override
    public Set<String> names() {
      synchronized (lock) {
        return Set.copyOf(mappings.keySet());
      }
    }
  }

  private final class DialerStates implements DialerStateRepository {
    @Override
    public Optional<DialerState> find(long assignmentId) {
      synchronized (lock) {
        return Optional.ofNullable(dialerStates.get(assignmentId));
      }
    }

    @Override
    public void save(DialerState state) {
      synchronized (lock) {
        dialerStates.put(state.assignmentId(), state);
      }
    }
  }

  private final class DialerSettingsStore implements DialerSettingsRepository {
    @Override
    public Optional<DialerSettings> find(long assignmentId) {
      synchronized (lock) {
        return Optional.ofNullable(dialerSettings.get(assignmentId));
      }
    }

    @Override
    public void save(long assignmentId, DialerSettings settings) {
      java.util.Objects.requireNonNull(settings, "settings");
      synchronized (lock) {
        dialerSettings.put(assignmentId, settings);
      }
    }
  }


}
