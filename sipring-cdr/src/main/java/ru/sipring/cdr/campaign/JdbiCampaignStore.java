package ru.sipring.cdr.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallAttemptRepository;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.internal.CampaignJson;
import ru.sipring.campaign.CampaignRepository;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactRepository;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.DialerSettingsRepository;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.DialerStateRepository;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.MappingRepository;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.WorkSessionRepository;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;

/**
 * The outbound repositories on MariaDB/MySQL through Jdbi, in the {@code sipring_campaign_*} tables created by
 * {@link SipRingSchema#migrate} (migration V100). Client imports are all or nothing for every reader: an import
 * commits its cards in chunks (H2's commit of one huge transaction cost more than the inserts), each card marked
 * with the import's id, and readers skip the cards of an import that has not finished (V104); the last statement
 * of a successful import makes them all visible at once, a failed one is deleted, and one whose process died is
 * deleted by a later import ({@link #ABANDONED_AFTER}). Thread-safe: every call uses its own pooled connection.
 */
public final class JdbiCampaignStore implements CampaignStore {
  /**
   * An import that has committed no chunk for this long is taken for abandoned (its process died) and its cards,
   * invisible all along, are deleted by the next import or {@link #migrateAndOpen}.
   */
  public static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(15);
  /**
   * The readers' condition on a card row aliased {@code c}: stored by hand, or by an import that has finished. The
   * subquery is not correlated (both engines evaluate it once per statement) and {@code import_id} is in the due-card
   * index, so a count of an assignment's cards stays index-only.
   */
  static final String VISIBLE = "(c.import_id IS NULL OR c.import_id NOT IN (SELECT i.id FROM "
      + "sipring_campaign_import i WHERE i.state <> 'DONE'))";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbiCampaignStore.class);
  private static final int BATCH = 1000;
  /** Retry rules allowing at most this many attempts are read one attempt count at a time (dueForCall). */
  private static final int PER_COUNT_RANGES = 32;
  /**
   * Cards per committed chunk of an import into MariaDB: bigger chunks mean fewer redo-log flushes, and 1,000 was
   * no faster there (docs/performance/campaign.md, fifth round).
   */
  private static final int COMMIT_ROWS = 20_000;
  /**
   * Cards per committed chunk of an import into the embedded H2: one multi-row INSERT per transaction. H2's commit
   * revisits every row it wrote in the table and each index; right after the INSERT those pages are still in the CPU
   * caches and the page cache, and 1,000 rows imported about 30 % faster than 20,000 (fifth round).
   */
  private static final int H2_COMMIT_ROWS = BATCH;
  private static final ObjectMapper JSON = CampaignJson.mapper();
  private static final TypeReference<Map<ContactField, String>> FIELDS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> CUSTOM = new TypeReference<>() {};
  private static final TypeReference<List<WorkSession.Pause>> PAUSES = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final java.time.Clock clock;
  /** Set by tests; otherwise {@link #COMMIT_ROWS} or {@link #H2_COMMIT_ROWS} by the database an import writes to. */
  private int commitRows;

  private JdbiCampaignStore(Jdbi jdbi, java.time.Clock clock) {
    this.jdbi = jdbi;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Tests: commit an import every {@code rows} cards, so that a small import is written in several chunks. */
  JdbiCampaignStore commitEvery(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be 1 or more");
    }
    this.commitRows = rows;
    return this;
  }

  /**
   * A store over {@code dataSource} whose schema is already migrated (by {@link SipRingSchema#migrate} or by
   * whoever manages the database); checks nothing until the first call.
   *
   * @param dataSource MariaDB/MySQL, or the embedded database of {@link ru.sipring.cdr.Databases#embedded}
   * @return the store
   */
  public static JdbiCampaignStore of(DataSource dataSource) {
    return of(dataSource, java.time.Clock.systemUTC());
  }

  /**
   * A store over {@code dataSource} whose schema is already migrated, with the clock that dates imports (their
   * heartbeat, and so when an import without progress counts as abandoned, {@link #ABANDONED_AFTER}).
   *
   * @param dataSource MariaDB/MySQL, or the embedded database of {@link ru.sipring.cdr.Databases#embedded}
   * @param clock the clock
   * @return the store
   */
  public static JdbiCampaignStore of(DataSource dataSource, java.time.Clock clock) {
    return new JdbiCampaignStore(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")), clock);
  }

  /**
   * A store over {@code dataSource}; runs the schema migrations first (idempotent).
   *
   * @param dataSource MariaDB/MySQL, or the embedded database of {@link ru.sipring.cdr.Databases#embedded}
   * @return the store
   * @throws ru.sipring.core.ConnectionException when the database cannot be reached
   */
  public static JdbiCampaignStore migrateAndOpen(DataSource dataSource) {
    return migrateAndOpen(dataSource, java.time.Clock.systemUTC());
  }

  /**
   * A store over {@code dataSource}; runs the schema migrations first (idempotent), then deletes the cards of
   * imports abandoned for longer than {@link #ABANDONED_AFTER} by {@code clock} (a killed process's; never visible).
   *
   * @param dataSource MariaDB/MySQL, or the embedded database of {@link ru.sipring.cdr.Databases#embedded}
   * @param clock the clock that dates imports
   * @return the store
   * @throws ru.sipring.core.ConnectionException when the database cannot be reached
   */
  public static JdbiCampaignStore migrateAndOpen(DataSource dataSource, java.time.Clock clock) {
    SipRingSchema.migrate(dataSource);
    JdbiCampaignStore store = new JdbiCampaignStore(Jdbi.create(dataSource), clock);
    store.removeAbandonedImports();
    return store;
  }

  // ---- imports in chunks ---------------------------------------------------------------------------------

  /**
   * Deletes the cards of every failed import and of every import without a heartbeat for {@link #ABANDONED_AFTER},
   * and their import rows. Best effort: an import that cannot be removed now is left (its cards stay invisible) for
   * the next call.
   */
  void removeAbandonedImports() {
    long cutoff = clock.millis() - ABANDONED_AFTER.toMillis();
    String stale = "(state = 'FAILED' OR (state = 'RUNNING' AND heartbeat_at < :c))";
    List<long[]> found = with("looking for abandoned imports", h -> h.createQuery("SELECT id, assignment_id FROM "
        + "sipring_campaign_import WHERE " + stale).bind("c", cutoff)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
    for (long[] f : found) {
      try {
        // claimed first: a live import's next heartbeat then fails instead of writing under the delete
        int claimed = with("removing an abandoned import", h -> h.createUpdate("UPDATE sipring_campaign_import "
            + "SET state = 'FAILED' WHERE id = :i AND " + stale).bind("i", f[0]).bind("c", cutoff).execute());
        if (claimed > 0) {
          deleteFailedImport(f[1], f[0]);
          LOG.info("removed the cards of abandoned import {} of assignment {}", f[0], f[1]);
        }
      } catch (SipRingException e) {
        LOG.warn("could not remove abandoned import {} (its cards stay invisible; retried later): {}", f[0],
            e.getMessage());
      }
    }
  }

  /** After a failed import: marks it FAILED (it stays invisible) and deletes its cards and its row. */
  private void discardImport(long assignmentId, long importId) {
    with("removing a failed import", h -> h.createUpdate("UPDATE sipring_campaign_import SET state = 'FAILED' "
        + "WHERE id = :i AND state = 'RUNNING'").bind("i", importId).execute());
    deleteFailedImport(assignmentId, importId);
  }

  private void deleteFailedImport(long assignmentId, long importId) {
    with("removing a failed import", h -> {
      // only a FAILED import: a commit that reported an error after it had succeeded must not lose the import
      if (!h.createQuery("SELECT state FROM sipring_campaign_import WHERE id = :i").bind("i", importId)
          .mapTo(String.class).findOne().orElse("").equals("FAILED")) {
        return null;
      }
      // in autocommitted slices: the cards are invisible already, and no transaction grows with the import's size
      while (h.createUpdate("DELETE FROM sipring_campaign_contact WHERE assignment_id = :a AND import_id = :i "
          + "LIMIT 10000").bind("a", assignmentId).bind("i", importId).execute() > 0) {
        // next slice
      }
      h.createUpdate("DELETE FROM sipring_campaign_import WHERE id = :i AND state = 'FAILED'").bind("i", importId)
          .execute();
      return null;
    });
  }

  /** What {@link #copyFrom} copied. Immutable. */
  public record Copied(int projects, int tasks, int assignments, int contacts, int attempts, int sessions,
      int dncNumbers, int mappings, int dialerStates) {}

  /**
   * Copies everything in {@code source} (the JSON store of SipRing before the embedded database, read with
   * {@link InMemoryCampaignStore#load}) into this store, keeping every id, so the DNC scope keys and the call
   * attempts' links stay valid. One transaction: all of it or nothing. This store must hold no campaign yet.
   *
   * @param source the store to copy
   * @return how many records of each kind were copied
   * @throws RejectedException when this store already holds a project
   */
  public Copied copyFrom(InMemoryCampaignStore source) {
    Instant first = Instant.ofEpochMilli(Long.MIN_VALUE / 2);
    Instant last = Instant.ofEpochMilli(Long.MAX_VALUE / 2);
    List<Project> projects = source.campaigns().projects();
    List<Task> tasks = new ArrayList<>();
    projects.forEach(p -> tasks.addAll(source.campaigns().tasks(p.id())));
    List<Assignment> assignments = new ArrayList<>();
    tasks.forEach(t -> assignments.addAll(source.campaigns().assignments(t.id())));
    List<Contact> cards = new ArrayList<>();
    assignments.forEach(a -> cards.addAll(source.contacts().byAssignment(a.id())));
    List<CallAttempt> calls = source.attempts().between(first, last);
    List<WorkSession> work = source.sessions().overlapping(first, last);
    Map<String, Set<String>> dncLists = source.dncLists();
    List<String> mappingNames = List.copyOf(new TreeSet<>(source.mappings().names()));
    List<DialerState> states = new ArrayList<>();
    assignments.forEach(a -> source.dialerStates().find(a.id()).ifPresent(states::add));
    Map<Long, DialerSettings> dialerConfigs = new java.util.TreeMap<>();
    assignments.forEach(a -> source.dialerSettings().find(a.id()).ifPresent(d -> dialerConfigs.put(a.id(), d)));
    return tx("copying the JSON store", h -> {
      if (h.createQuery("SELECT COUNT(*) FROM sipring_campaign_project").mapTo(Long.class).one() > 0) {
        throw new RejectedException("the database already holds campaigns; copy into an empty one");
      }
      // explicit ids: MariaDB and H2 (in its MariaDB mode) both move AUTO_INCREMENT past them
      for (Project p : projects) {
        h.createUpdate("INSERT INTO sipring_campaign_project (id, name, archived) VALUES (:i, :n, :a)")
            .bind("i", p.id()).bind("n", p.name()).bind("a", p.archived()).execute();
      }
      for (Task t : tasks) {
        h.createUpdate("INSERT INTO sipring_campaign_task (id, project_id, name, archived) VALUES (:i, :p, :n, :a)")
            .bind("i", t.id()).bind("p", t.projectId()).bind("n", t.name()).bind("a", t.archived()).execute();
      }
      for (Assignment a : assignments) {
        h.createUpdate("INSERT INTO sipring_campaign_assignment (id, task_id, name, archived, settings_json) "
            + "VALUES (:i, :t, :n, :a, :s)").bind("i", a.id()).bind("t", a.taskId()).bind("n", a.name())
            .bind("a", a.archived()).bind("s", json(a.settings())).execute();
      }
      var contactBatch = h.prepareBatch("INSERT INTO sipring_campaign_contact (id, assignment_id, phone, "
          + "phone_normalized, fields_json, custom_json, status, attempts, last_attempt_at, last_outcome) VALUES "
          + "(:i, :a, :p, :pn, :f, :c, :s, :n, :l, :o)");
      for (Contact c : cards) {
        contactBatch.bind("i", c.id()).bind("a", c.assignmentId()).bind("p", c.phone())
            .bind("pn", c.phoneNormalized()).bind("f", jsonOfStrings(c.fields()))
            .bind("c", jsonOfStrings(c.custom()))
            .bind("s", c.status().name()).bind("n", c.attempts()).bind("l", ms(c.lastAttemptAt()))
            .bind("o", c.lastOutcome() == null ? null : c.lastOutcome().name()).add();
      }
      if (!cards.isEmpty()) {
        contactBatch.execute();
      }
      for (CallAttempt a : calls) {
        ((Attempts) attempts).bind(h.createUpdate("INSERT INTO sipring_campaign_attempt SET id = :id, "
            + Attempts.COLS), a).bind("id", a.id()).execute();
      }
      for (WorkSession w : work) {
        h.createUpdate("INSERT INTO sipring_campaign_session (id, operator, assignment_id, started_at, ended_at, "
            + "pauses_json, closed_by_admin) VALUES (:i, :o, :a, :s, :e, :p, :c)").bind("i", w.id())
            .bind("o", w.operator()).bind("a", w.assignmentId()).bind("s", ms(w.startedAt()))
            .bind("e", ms(w.endedAt())).bind("p", json(w.pauses())).bind("c", w.closedByAdmin()).execute();
      }
      int numbers = 0;
      for (Map.Entry<String, Set<String>> list : dncLists.entrySet()) {
        for (String number : list.getValue()) {
          h.createUpdate("INSERT INTO sipring_campaign_dnc (scope_key, number) VALUES (:k, :n)")
              .bind("k", list.getKey()).bind("n", number).execute();
          numbers++;
        }
      }
      for (String name : mappingNames) {
        h.createUpdate("INSERT INTO sipring_campaign_mapping (name, mapping_json) VALUES (:n, :m)").bind("n", name)
            .bind("m", json(source.mappings().find(name).orElseThrow())).execute();
      }
      for (DialerState d : states) {
        DialerStates.insert(h, d);
      }
      dialerConfigs.forEach((id, d) -> DialerConfigs.insert(h, id, d));
      return new Copied(projects.size(), tasks.size(), assignments.size(), cards.size(), calls.size(), work.size(),
          numbers, mappingNames.size(), states.size());
    });
  }

  private final CampaignRepository campaigns = new Campaigns();
  private final ContactRepository contacts = new Contacts();
  private final CallAttemptRepository attempts = new Attempts();
  private final WorkSessionRepository sessions = new Sessions();
  private final DncRepository dnc = new Dnc();
  private final MappingRepository mappings = new Mappings();
  private final DialerStateRepository dialerStates = new DialerStates();
  private final DialerSettingsRepository dialerSettings = new DialerConfigs();

  @Override
  public CampaignRepository campaigns() {
    return campaigns;
  }

  @Override
  public ContactRepository contacts() {
    return contacts;
  }

  @Override
  public CallAttemptRepository attempts() {
    return attempts;
  }

  @Override
  public WorkSessionRepository sessions() {
    return sessions;
  }

  @Override
  public DncRepository dnc() {
    return dnc;
  }

  @Override
  public MappingRepository mappings() {
    return mappings;
  }

  @Override
  public DialerStateRepository dialerStates() {
    return dialerStates;
  }

  @Override
  public DialerSettingsRepository dialerSettings() {
    return dialerSettings;
  }

  // ---- plumbing ----------------------------------------------------------------------------------------

  private <T> T with(String what, Function<Handle, T> work) {
    try {
      return jdbi.withHandle(work::apply);
    } catch (JdbiException e) {
      throw translate(what, e);
    }
  }

  private <T> T tx(String what, Function<Handle, T> work) {
    try {
      return jdbi.inTransaction(work::apply);
    } catch (JdbiException e) {
      throw translate(what, e);
    }
  }

  static SipRingException translate(String what, Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof SQLException)) {
      t = t.getCause();
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState() == null ? "" : sql.getSQLState();
      if (state.startsWith("08")) {
        return new ConnectionException(what + ": the database is unreachable: " + sql.getMessage(), e);
      }
      if (state.startsWith("23")) {
        return new RejectedException(what + ": " + sql.getMessage(), e);
      }
    }
    return new SipRingException(what + ": " + e.getMessage(), e);
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new SipRingException("cannot write JSON", e);
    }
  }

  /**
   * A card's fields or custom columns as JSON: the very text {@code JSON.writeValueAsString(map)} gives (keys by
   * name, in the map's order, the mapper's own escaping), written through the mapper's streaming generator, which
   * skips the data-binding lookups that cost an import about as much as H2's parameter handling.
   */
  static String jsonOfStrings(Map<?, ? extends @Nullable String> map) {
    if (map.isEmpty()) {
      return "{}";
    }
    java.io.StringWriter out = new java.io.StringWriter(32 * map.size());
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<?, ? extends @Nullable String> e : map.entrySet()) {
        Object k = e.getKey();
        if (k == null) {
          throw new SipRingException("cannot write JSON: a card's map has a null key");
        }
        g.writeStringField(k instanceof Enum<?> en ? en.name() : k.toString(), e.getValue());
      }
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new SipRingException("cannot write JSON", e);
    }
    return out.toString();
  }

  private static <T> T json(String s, TypeReference<T> type) {
    try {
      return JSON.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new SipRingException("cannot read stored JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static <T> T json(String s, Class<T> type) {
    try {
      return JSON.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new SipRingException("cannot read stored JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static @Nullable Long ms(@Nullable Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** A NOT NULL epoch-milliseconds column. */
  private static Instant instantOf(ResultSet rs, String col) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(col));
  }

  private static <E extends Enum<E>> @Nullable E en(Class<E> type, @Nullable String v) {
    return v == null ? null : Enum.valueOf(type, v);
  }

  private static void requireOne(int rows, String what, long id) {
    if (rows == 0) {
      throw new NotFoundException("no " + what + " with id " + id);
    }
  }

  private static void requireName(String name, String what) {
    if (name.isBlank()) {
      throw new RejectedException("a " + what + " needs a name");
    }
  }

  // ---- hierarchy ---------------------------------------------------------------------------------------

  private static Project mapProject(ResultSet rs) throws SQLException {
    return new Project(rs.getLong("id"), rs.getString("name"), rs.getBoolean("archived"));
  }

  private static Task mapTask(ResultSet rs) throws SQLException {
    return new Task(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"), rs.getBoolean("archived"));
  }

  private static Assignment mapAssignment(ResultSet rs) throws SQLException {
    return new Assignment(rs.getLong("id"), rs.getLong("task_id"), rs.getString("name"), rs.getBoolean("archived"),
        json(rs.getString("settings_json"), AssignmentSettings.class));
  }

  private final class Campaigns implements CampaignRepository {
    @Override
    public Project createProject(String name) {
      requireName(name, "project");
      long id = with("creating project " + name, h -> h.createUpdate(
          "INSERT INTO sipring_campaign_project (name) VALUES (:n)").bind("n", name)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      return new Project(id, name, false);
    }

    @Override
    public Task createTask(long projectId, String name) {
      requireName(name, "task");
      project(projectId).orElseThrow(() -> new NotFoundException("no project with id " + projectId));
      long id = with("creating task " + name, h -> h.createUpdate(
          "INSERT INTO sipring_campaign_task (project_id, name) VALUES (:p, :n)").bind("p", projectId)
          .bind("n", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      return new Task(id, projectId, name, false);
    }

    @Override
    public Assignment createAssignment(long taskId, String name, AssignmentSettings settings) {
      requireName(name, "assignment");
      task(taskId).orElseThrow(() -> new NotFoundException("no task with id " + taskId));
      long id = with("creating assignment " + name, h -> h.createUpdate(
          "INSERT INTO sipring_campaign_assignment (task_id, name, settings_json) VALUES (:t, :n, :s)")
          .bind("t", taskId).bind("n", name).bind("s", json(settings))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      return new Assignment(id, taskId, name, false, settings);
    }

    private void update(String sql, String what, long id, Object value) {
      int rows = with(what, h -> h.createUpdate(sql).bind("id", id).bind("v", value).execute());
      requireOne(rows, what.split(" ")[1], id);
    }

    @Override
    public void renameProject(long id, String name) {
      requireName(name, "project");
      update("UPDATE sipring_campaign_project SET name = :v WHERE id = :id", "renaming project", id, name);
    }

    @Override
    public void renameTask(long id, String name) {
      requireName(name, "task");
      update("UPDATE sipring_campaign_task SET name = :v WHERE id = :id", "renaming task", id, name);
    }

    @Override
    public void renameAssignment(long id, String name) {
      requireName(name, "assignment");
      update("UPDATE sipring_campaign_assignment SET name = :v WHERE id = :id", "renaming assignment", id, name);
    }

    @Override
    public void archiveProject(long id, boolean archived) {
      update("UPDATE sipring_campaign_project SET archived = :v WHERE id = :id", "archiving project", id, archived);
    }

    @Override
    public void archiveTask(long id, boolean archived) {
      update("UPDATE sipring_campaign_task SET archived = :v WHERE id = :id", "archiving task", id, archived);
    }

    @Override
    public void archiveAssignment(long id, boolean archived) {
      update("UPDATE sipring_campaign_assignment SET archived = :v WHERE id = :id", "archiving assignment", id,
          archived);
    }

    @Override
    public void updateSettings(long assignmentId, AssignmentSettings settings) {
      update("UPDATE sipring_campaign_assignment SET settings_json = :v WHERE id = :id", "updating assignment",
          assignmentId, json(settings));
    }

    @Override
    public List<Project> projects() {
      return with("listing projects", h -> h.createQuery("SELECT * FROM sipring_campaign_project ORDER BY id")
          .map((rs, ctx) -> mapProject(rs)).list());
    }

    @Override
    public List<Task> tasks(long projectId) {
      return with("listing tasks", h -> h.createQuery(
          "SELECT * FROM sipring_campaign_task WHERE project_id = :p ORDER BY id").bind("p", projectId)
          .map((rs, ctx) -> mapTask(rs)).list());
    }

    @Override
    public List<Assignment> assignments(long taskId) {
      return with("listing assignments", h -> h.createQuery(
          "SELECT * FROM sipring_campaign_assignment WHERE task_id = :t ORDER BY id").bind("t", taskId)
          .map((rs, ctx) -> mapAssignment(rs)).list());
    }

    @Override
    public Optional<Project> project(long id) {
      return with("reading project", h -> h.createQuery("SELECT * FROM sipring_campaign_project WHERE id = :id")
          .bind("id", id).map((rs, ctx) -> mapProject(rs)).findOne());
    }

    @Override
    public Optional<Task> task(long id) {
      return with("reading task", h -> h.createQuery("SELECT * FROM sipring_campaign_task WHERE id = :id")
          .bind("id", id).map((rs, ctx) -> mapTask(rs)).findOne());
    }

    @Override
    public Optional<Assignment> assignment(long id) {
      return with("reading assignment", h -> h.createQuery(
          "SELECT * FROM sipring_campaign_assignment WHERE id = :id").bind("id", id)
          .map((rs, ctx) -> mapAssignment(rs)).findOne());
    }
  }

  // ---- contacts ----------------------------------------------------------------------------------------

  /** One card row as this store writes it; {@link JdbiClientCards} reads the same rows. */
  static Contact contact(ResultSet rs) throws SQLException {
    return new Contact(rs.getLong("id"), rs.getLong("assignment_id"), rs.getString("phone"),
        rs.getString("phone_normalized"), json(rs.getString("fields_json"), FIELDS),
        json(rs.getString("custom_json"), CUSTOM), ContactStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"), instant(rs, "last_attempt_at"), en(CallOutcome.class, rs.getString("last_outcome")));
  }

  private final class Contacts implements ContactRepository {
    @Override
    public int insertChunks(long assignmentId, ru.sipring.campaign.ContactChunks chunks) {
      campaigns.assignment(assignmentId).orElseThrow(() -> new NotFoundException("no assignment with id "
          + assignmentId));
      removeAbandonedImports();
      long now = clock.millis();
      long importId = with("starting an import", h -> h.createUpdate("INSERT INTO sipring_campaign_import "
          + "(assignment_id, state, started_at, heartbeat_at) VALUES (:a, 'RUNNING', :t, :t)").bind("a", assignmentId)
          .bind("t", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      try {
        return jdbi.withHandle(h -> writeImport(h, assignmentId, importId, chunks));
      } catch (RuntimeException | Error e) {
        // the import row is RUNNING and committed before the first card: whatever was committed stays invisible
        // while it is removed, and if removing fails too, the next import removes it (removeAbandonedImports)
        try {
          discardImport(assignmentId, importId);
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        if (e instanceof JdbiException j) {
          throw translate("importing client cards", j);
        }
        throw e;
      }
    }

    /**
     * Writes the cards in transactions of about {@code commitRows} cards, each one starting by moving the import's
     * heartbeat (which also locks its row: a remover of abandoned imports waits for the chunk instead of deleting
     * under it), and ends with the one statement that makes them all visible (state DONE).
     */
    private int writeImport(Handle h, long assignmentId, long importId, ru.sipring.campaign.ContactChunks chunks) {
      // multi-row INSERTs of BATCH rows: one round trip and one parse per chunk, several times faster than
      // JDBC batches of single-row statements
      java.sql.Connection c = h.getConnection();
      String full = multiRowInsert(BATCH);
      int n = 0;
      int uncommitted = 0;
      h.begin();
      try {
        int commitRows = JdbiCampaignStore.this.commitRows > 0
            ? JdbiCampaignStore.this.commitRows : isH2(c) ? H2_COMMIT_ROWS : COMMIT_ROWS;
        heartbeat(h, importId, n);
        for (List<Contact> list = chunks.next(); list != null; list = chunks.next()) {
          for (int from = 0; from < list.size(); from += BATCH) {
            List<Contact> chunk = list.subList(from, Math.min(list.size(), from + BATCH));
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                chunk.size() == BATCH ? full : multiRowInsert(chunk.size()))) {
              int k = 1;
              for (Contact ct : chunk) {
                ru.sipring.campaign.ContactLimits.check(ct);
                ps.setLong(k++, assignmentId);
                ps.setString(k++, ct.phone());
                ps.setString(k++, ct.phoneNormalized());
                ps.setString(k++, jsonOfStrings(ct.fields()));
                ps.setString(k++, jsonOfStrings(ct.custom()));
                ps.setString(k++, ct.status().name());
                ps.setInt(k++, ct.attempts());
                ps.setObject(k++, ms(ct.lastAttemptAt()), java.sql.Types.BIGINT);
                ps.setString(k++, ct.lastOutcome() == null ? null : ct.lastOutcome().name());
                ps.setLong(k++, importId);
              }
              int rows = ps.executeUpdate();
              n += rows;
              uncommitted += rows;
            }
          }
          if (uncommitted >= commitRows) {
            h.commit();
            uncommitted = 0;
            h.begin();
            heartbeat(h, importId, n);
          }
        }
        int done = h.createUpdate("UPDATE sipring_campaign_import SET state = 'DONE', heartbeat_at = :t, "
            + "finished_at = :t, cards = :n WHERE id = :i AND state = 'RUNNING'").bind("t", clock.millis())
            .bind("n", n).bind("i", importId).execute();
        if (done == 0) {
          throw abandoned(importId);
        }
        h.commit();
        return n;
      } catch (SQLException e) {
        rollback(h);
        throw translate("importing client cards", e);
      } catch (RuntimeException | Error e) {
        rollback(h);
        throw e;
      }
    }

    private static boolean isH2(java.sql.Connection c) throws SQLException {
      return c.getMetaData().getDatabaseProductName().equals("H2");
    }

    private void heartbeat(Handle h, long importId, int cards) {
      int rows = h.createUpdate("UPDATE sipring_campaign_import SET heartbeat_at = :t, cards = :n WHERE id = :i "
          + "AND state = 'RUNNING'").bind("t", clock.millis()).bind("n", cards).bind("i", importId).execute();
      if (rows == 0) {
        throw abandoned(importId);
      }
    }

    private SipRingException abandoned(long importId) {
      return new SipRingException("importing client cards: import " + importId + " made no progress for "
          + ABANDONED_AFTER.toMinutes() + " minutes and was removed as abandoned; nothing of it is stored");
    }

    private static void rollback(Handle h) {
      try {
        if (h.isInTransaction()) {
          h.rollback();
        }
      } catch (RuntimeException ignored) {
        // the connection is gone: the database rolls the transaction back itself
      }
    }

    private static String multiRowInsert(int rows) {
      StringBuilder sb = new StringBuilder("INSERT INTO sipring_campaign_contact (assignment_id, phone, "
          + "phone_normalized, fields_json, custom_json, status, attempts, last_attempt_at, last_outcome, import_id) "
          + "VALUES ");
      for (int i = 0; i < rows; i++) {
        sb.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?)");
      }
      return sb.toString();
    }

    @Override
    public List<Contact> byAssignment(long assignmentId) {
      return with("reading client cards", h -> h.createQuery(
          "SELECT c.* FROM sipring_campaign_contact c WHERE c.assignment_id = :a AND " + VISIBLE + " ORDER BY c.id")
          .bind("a", assignmentId)
          .map((rs, ctx) -> contact(rs)).list());
    }

    @Override
    public List<Contact> dueForCall(long assignmentId, ru.sipring.campaign.RetryPolicy retry, List<String> dncKeys,
        java.time.Instant now, Collection<Long> excluding, int limit) {
      if (limit <= 0) {
        return List.of();
      }
      // index range scans (V101) instead of one ORDER BY over a computed next-call time, which sorted every due
      // card: the never-called cards come first, in id order straight from the index, and stop at LIMIT
      String notDnc = dncKeys.isEmpty() ? "" : " AND NOT EXISTS (SELECT 1 FROM sipring_campaign_dnc d "
          + "WHERE d.scope_key IN (<k>) AND d.number = c.phone_normalized)";
      String notIn = (excluding.isEmpty() ? "" : " AND c.id NOT IN (<ex>)") + " AND " + VISIBLE;
      List<Contact> out = new java.util.ArrayList<>(with("reading callable cards", h -> {
        // the ORDER BY names every column of the index, equality-bound ones too, and USE INDEX names the index: MariaDB
        // needs neither (InnoDB appends the id and sees the constants), H2 needs both to read the index in order and
        // stop at LIMIT instead of sorting every never-called card (the H2 index ends with id, V101.1)
        var q = h.createQuery("SELECT c.* FROM sipring_campaign_contact c USE INDEX (ix_sipring_campaign_contact_new) "
            + "WHERE c.assignment_id = :a "
            + "AND c.status = 'NEW' AND c.attempts = 0 AND c.phone_normalized <> ''" + notDnc + notIn
            + " ORDER BY c.assignment_id, c.status, c.attempts, c.id LIMIT :n").bind("a", assignmentId)
            .bind("n", limit);
        bindLists(q, dncKeys, excluding);
        return q.map((rs, ctx) -> contact(rs)).list();
      }));
      if (out.size() >= limit) {
        return out;
      }
      // the others: one index range scan per retry rule, in the order of the last attempt (so of the next call,
      // the rule's delay being the same for all its cards), plus the cards an operator reset (due at once); the
      // few rows each returns are merged here by next-call time
      int need = limit - out.size();
      String common = "SELECT c.* FROM sipring_campaign_contact c WHERE c.assignment_id = :a "
          + "AND c.status IN ('NEW', 'BUSY', 'NO_ANSWER', 'CONGESTION', 'FAILED') AND NOT (c.status = 'NEW' AND "
          + "c.attempts = 0) AND c.phone_normalized <> ''" + notDnc + notIn;
      // cards with no last outcome but not never-called (an operator's reset keeps the attempts), each part from an
      // index range: one statement over the assignment's cards filtered row by row took 3.4 s on a million spent
      // cards. With attempts, from the retry index (V105: outcome NULL, attempts > 0); without, a status other
      // than NEW with 0 attempts (written by a host through update), from the never-called index, status by status.
      StringBuilder reset = new StringBuilder("(").append(common.replace(" c WHERE ",
          " c USE INDEX (ix_sipring_campaign_contact_retry) WHERE ")).append(" AND c.last_outcome IS NULL "
              + "AND c.attempts > 0 ORDER BY c.id LIMIT :n)");
      for (ContactStatus st : ContactStatus.values()) {
        if (!st.callable() || st == ContactStatus.NEW) {
          continue;
        }
        reset.append(" UNION ALL (")
            .append(common.replace(" c WHERE ", " c USE INDEX (ix_sipring_campaign_contact_new) WHERE "))
            .append(" AND c.last_outcome IS NULL AND c.status = '").append(st.name())
            .append("' AND c.attempts = 0 ORDER BY c.id LIMIT :n)");
      }
      List<Contact> later = new java.util.ArrayList<>(with("reading callable cards", h -> {
        var q = h.createQuery(reset.toString())
            .bind("a", assignmentId).bind("n", need);
        bindLists(q, dncKeys, excluding);
        return q.map((rs, ctx) -> contact(rs)).list();
      }));
      long nowMs = now.toEpochMilli();
      String retryScan = common.replace(" c WHERE ", " c USE INDEX (ix_sipring_campaign_contact_retry) WHERE ")
          + " AND c.last_outcome = :o AND c.last_attempt_at <= :t";
      for (var e : retry.rules().entrySet()) {
        int max = e.getValue().maxAttempts();
        // one index range per attempt count below the rule's maximum (V105), each read in the order of the last
        // attempt and stopped at LIMIT: the spent cards (attempts at the maximum, most of the base late in a
        // campaign) are never read. Rules allowing more attempts than PER_COUNT_RANGES use one range, skip the
        // spent cards row by row and sort the due ones.
        StringBuilder sql = new StringBuilder();
        if (max <= PER_COUNT_RANGES) {
          for (int k = 0; k < max; k++) {
            sql.append(k == 0 ? "" : " UNION ALL ").append('(').append(retryScan).append(" AND c.attempts = ")
                .append(k).append(" ORDER BY c.assignment_id, c.last_outcome, c.attempts, c.last_attempt_at, c.id "
                    + "LIMIT :n)");
          }
        } else {
          sql.append(retryScan).append(" AND c.attempts < ").append(max).append(" ORDER BY c.last_attempt_at, c.id "
              + "LIMIT :n");
        }
        later.addAll(with("reading callable cards", h -> {
          var q = h.createQuery(sql.toString()).bind("a", assignmentId).bind("n", need)
              .bind("o", e.getKey().name()).bind("t", nowMs - e.getValue().delay().toMillis());
          bindLists(q, dncKeys, excluding);
          return q.map((rs, ctx) -> contact(rs)).list();
        }));
      }
      later.sort(ContactRepository.DUE_ORDER.apply(retry));
      out.addAll(later.subList(0, Math.min(need, later.size())));
      return out;
    }

    private static void bindLists(org.jdbi.v3.core.statement.Query q, List<String> dncKeys,
        Collection<Long> excluding) {
      if (!dncKeys.isEmpty()) {
        q.bindList("k", List.copyOf(dncKeys));
      }
      if (!excluding.isEmpty()) {
        q.bindList("ex", List.copyOf(excluding));
      }
    }

    @Override
    public Optional<Contact> byId(long id) {
      return with("reading client card", h -> h.createQuery("SELECT c.* FROM sipring_campaign_contact c WHERE "
          + "c.id = :id AND " + VISIBLE)
          .bind("id", id).map((rs, ctx) -> contact(rs)).findOne());
    }

    @Override
    public void update(Contact c) {
      ru.sipring.campaign.ContactLimits.check(c);
      int rows = with("updating client card", h -> h.createUpdate("UPDATE sipring_campaign_contact SET phone = :p, "
          + "phone_normalized = :pn, fields_json = :f, custom_json = :c, status = :s, attempts = :n, "
          + "last_attempt_at = :la, last_outcome = :lo WHERE id = :id")
          .bind("id", c.id()).bind("p", c.phone()).bind("pn", c.phoneNormalized())
          .bind("f", jsonOfStrings(c.fields()))
          .bind("c", jsonOfStrings(c.custom())).bind("s", c.status().name()).bind("n", c.attempts())
          .bind("la", ms(c.lastAttemptAt())).bind("lo", c.lastOutcome() == null ? null : c.lastOutcome().name())
          .execute());
      requireOne(rows, "contact", c.id());
    }

    private String scopeWhere(DuplicateScope scope) {
      return switch (scope) {
        case ASSIGNMENT -> "c.assignment_id = :a";
        case PROJECT -> "c.assignment_id IN (SELECT a2.id FROM sipring_campaign_assignment a2 JOIN "
            + "sipring_campaign_task t2 ON t2.id = a2.task_id WHERE t2.project_id = (SELECT t.project_id FROM "
            + "sipring_campaign_assignment a JOIN sipring_campaign_task t ON t.id = a.task_id WHERE a.id = :a))";
        default -> "1 = 1 OR :a = :a";
      };
    }

    @Override
    public boolean anyInScope(DuplicateScope scope, long assignmentId) {
      if (scope == DuplicateScope.NONE) {
        return false;
      }
      return with("checking for cards", h -> h.createQuery("SELECT 1 FROM sipring_campaign_contact c WHERE ("
          + scopeWhere(scope) + ") AND " + VISIBLE + " LIMIT 1").bind("a", assignmentId).mapTo(Integer.class).findOne().isPresent());
    }

    @Override
    public Set<String> existingPhones(DuplicateScope scope, long assignmentId, Collection<String> phones) {
      if (scope == DuplicateScope.NONE || phones.isEmpty()) {
        return Set.of();
      }
      String where = scopeWhere(scope);
      Set<String> wanted = new HashSet<>(phones);
      Set<String> out = new TreeSet<>();
      with("checking duplicates", h -> {
        if (wanted.size() > 5000) {
          // a large file: one pass over the scope's phones beats thousands of IN lists
          h.createQuery("SELECT c.phone_normalized FROM sipring_campaign_contact c WHERE (" + where + ") AND "
              + VISIBLE)
              .bind("a", assignmentId).setFetchSize(10_000).mapTo(String.class)
              .forEach(p -> {
                if (wanted.contains(p)) {
                  out.add(p);
                }
              });
        } else {
          List<String> all = new ArrayList<>(wanted);
          for (int i = 0; i < all.size(); i += 1000) {
            // USE INDEX, accepted by MariaDB and H2 alike: H2's planner would take the assignment index (equality on
            // its first column) and test each of the scope's cards against the 1,000-value list, seconds per chunk
            // on a large base; a lookup per listed phone is what both engines should do
            out.addAll(h.createQuery("SELECT DISTINCT c.phone_normalized FROM sipring_campaign_contact c "
                + "USE INDEX (ix_sipring_campaign_contact_phone) WHERE "
                + "(" + where + ") AND " + VISIBLE + " AND c.phone_normalized IN (<p>)").bind("a", assignmentId)
                .bindList("p", all.subList(i, Math.min(all.size(), i + 1000))).mapTo(String.class).list());
          }
        }
        return null;
      });
      return out;
    }
  }

  // ---- attempts ----------------------------------------------------------------------------------------

  private static CallAttempt attempt(ResultSet rs) throws SQLException {
    return new CallAttempt(rs.getLong("id"), rs.getLong("contact_id"), rs.getLong("assignment_id"),
        rs.getString("operator"), rs.getString("number"), instantOf(rs, "started_at"), instant(rs, "ended_at"),
        en(CallOutcome.class, rs.getString("outcome")), rs.getLong("duration_seconds"), rs.getLong("billsec"),
        rs.getString("note"), rs.getString("unique_id"), rs.getString("recording"), rs.getBoolean("dialer"),
        rs.getString("tag"));
  }

  private final class Attempts implements CallAttemptRepository {
    private static final String COLS = "contact_id = :contact, assignment_id = :assignment, operator = :operator, "
        + "number = :number, started_at = :started, ended_at = :ended, outcome = :outcome, "
        + "duration_seconds = :duration, billsec = :billsec, note = :note, unique_id = :uid, recording = :rec, "
        + "dialer = :dialer, tag = :tag";

    private org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update u, CallAttempt a) {
      return u.bind("contact", a.contactId()).bind("assignment", a.assignmentId()).bind("operator", a.operator())
          .bind("number", a.number()).bind("started", ms(a.startedAt())).bind("ended", ms(a.endedAt()))
          .bind("outcome", a.outcome() == null ? null : a.outcome().name()).bind("duration", a.durationSeconds())
          .bind("billsec", a.billsec()).bind("note", a.note()).bind("uid", a.uniqueId()).bind("rec", a.recording())
          .bind("dialer", a.dialer()).bind("tag", a.tag());
    }

    @Override
    public CallAttempt insert(CallAttempt a) {
      long id = with("storing a call attempt", h -> bind(h.createUpdate("INSERT INTO sipring_campaign_attempt SET "
          + COLS), a).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      return a.withId(id);
    }

    @Override
    public void update(CallAttempt a) {
      int rows = with("updating a call attempt", h -> bind(h.createUpdate("UPDATE sipring_campaign_attempt SET "
          + COLS + " WHERE id = :id"), a).bind("id", a.id()).execute());
      requireOne(rows, "call attempt", a.id());
    }

    @Override
    public int applyCdr(List<CdrFacts> facts) {
      if (facts.isEmpty()) {
        return 0;
      }
      // only the CDR's columns, in one batch and one transaction: a catch-up of many calls is one round trip per
      // batch, not one per call, and what an operator wrote meanwhile (note, end, tag) is not overwritten
      return with("writing call attempts from the CDR", h -> {
        var batch = h.prepareBatch("UPDATE sipring_campaign_attempt SET outcome = COALESCE(:outcome, outcome), "
            + "duration_seconds = :duration, billsec = :billsec, recording = COALESCE(:rec, recording) WHERE id = :id");
        for (CdrFacts f : facts) {
          batch.bind("outcome", f.outcome() == null ? null : f.outcome().name()).bind("duration", f.durationSeconds())
              .bind("billsec", f.billsec()).bind("rec", f.recording()).bind("id", f.attemptId()).add();
        }
        int written = 0;
        for (int rows : batch.execute()) {
          written += rows == java.sql.Statement.SUCCESS_NO_INFO ? 1 : rows;
        }
        return written;
      });
    }

    @Override
    public List<CallAttempt> between(Instant from, Instant to) {
      return with("reading call attempts", h -> h.createQuery("SELECT * FROM sipring_campaign_attempt WHERE "
          + "started_at >= :f AND started_at < :t ORDER BY started_at, id").bind("f", from.toEpochMilli())
          .bind("t", to.toEpochMilli()).map((rs, ctx) -> attempt(rs)).list());
    }

    @Override
    public DialerCounts dialerCounts(long assignmentId, Instant from, Instant to) {
      // index ix_sipring_campaign_attempt_dialer_day (V103) covers the whole query
      return with("counting dialer calls", h -> h.createQuery("SELECT COUNT(*) AS placed, COALESCE(SUM(CASE WHEN "
          + "outcome = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS answered FROM sipring_campaign_attempt WHERE "
          + "assignment_id = :a AND dialer = TRUE AND started_at >= :f AND started_at < :t").bind("a", assignmentId)
          .bind("f", from.toEpochMilli()).bind("t", to.toEpochMilli())
          .map((rs, ctx) -> new DialerCounts(rs.getLong("placed"), rs.getLong("answered"))).one());
    }

    @Override
    public List<CallAttempt> inProgress(long assignmentId) {
      return with("reading calls in progress", h -> h.createQuery("SELECT * FROM sipring_campaign_attempt WHERE "
          + "assignment_id = :a AND outcome IS NULL ORDER BY id").bind("a", assignmentId)
          .map((rs, ctx) -> attempt(rs)).list());
    }

    @Override
    public List<CallAttempt> byContact(long contactId) {
      return with("reading call attempts", h -> h.createQuery("SELECT * FROM sipring_campaign_attempt WHERE "
          + "contact_id = :c ORDER BY id").bind("c", contactId).map((rs, ctx) -> attempt(rs)).list());
    }

    @Override
    public Optional<CallAttempt> byId(long id) {
      return with("reading a call attempt", h -> h.createQuery("SELECT * FROM sipring_campaign_attempt WHERE id = :id")
          .bind("id", id).map((rs, ctx) -> attempt(rs)).findOne());
    }
  }

  // ---- sessions, DNC, mappings, dialer state -------------------------------------------------------------

  private static WorkSession session(ResultSet rs) throws SQLException {
    return new WorkSession(rs.getLong("id"), rs.getString("operator"), rs.getLong("assignment_id"),
        instantOf(rs, "started_at"), instant(rs, "ended_at"), json(rs.getString("pauses_json"), PAUSES),
        rs.getBoolean("closed_by_admin"));
  }

  private final class Sessions implements WorkSessionRepository {
    @Override
    public WorkSession insert(WorkSession s) {
      long id = with("storing a work session", h -> h.createUpdate("INSERT INTO sipring_campaign_session "
          + "(operator, assignment_id, started_at, ended_at, pauses_json, closed_by_admin) VALUES "
          + "(:o, :a, :s, :e, :p, :c)").bind("o", s.operator()).bind("a", s.assignmentId())
          .bind("s", ms(s.startedAt())).bind("e", ms(s.endedAt())).bind("p", json(s.pauses()))
          .bind("c", s.closedByAdmin()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
      return new WorkSession(id, s.operator(), s.assignmentId(), s.startedAt(), s.endedAt(), s.pauses(),
          s.closedByAdmin());
    }

    @Override
    public void update(WorkSession s) {
      int rows = with("updating a work session", h -> h.createUpdate("UPDATE sipring_campaign_session SET "
          + "operator = :o, assignment_id = :a, started_at = :s, ended_at = :e, pauses_json = :p, "
          + "closed_by_admin = :c WHERE id = :id").bind("id", s.id()).bind("o", s.operator())
          .bind("a", s.assignmentId()).bind("s", ms(s.startedAt())).bind("e", ms(s.endedAt()))
          .bind("p", json(s.pauses())).bind("c", s.closedByAdmin()).execute());
      requireOne(rows, "work session", s.id());
    }

    @Override
    public Optional<WorkSession> byId(long id) {
      return with("reading a work session", h -> h.createQuery("SELECT * FROM sipring_campaign_session WHERE id = :id")
          .bind("id", id).map((rs, ctx) -> session(rs)).findOne());
    }

    @Override
    public List<WorkSession> open() {
      return with("reading open work sessions", h -> h.createQuery("SELECT * FROM sipring_campaign_session WHERE "
          + "ended_at IS NULL ORDER BY started_at, id").map((rs, ctx) -> session(rs)).list());
    }

    @Override
    public List<WorkSession> overlapping(Instant from, Instant to) {
      return with("reading work sessions", h -> h.createQuery("SELECT * FROM sipring_campaign_session WHERE "
          + "started_at < :t AND (ended_at IS NULL OR ended_at >= :f) ORDER BY started_at, id")
          .bind("f", from.toEpochMilli()).bind("t", to.toEpochMilli()).map((rs, ctx) -> session(rs)).list());
    }
  }

  private final class Dnc implements DncRepository {
    @Override
    public void add(String scopeKey, String number) {
      with("adding to the DNC list", h -> h.createUpdate("INSERT IGNORE INTO sipring_campaign_dnc (scope_key, number) "
          + "VALUES (:k, :n)").bind("k", scopeKey).bind("n", number).execute());
    }

    @Override
    public void remove(String scopeKey, String number) {
      with("removing from the DNC list", h -> h.createUpdate("DELETE FROM sipring_campaign_dnc WHERE scope_key = :k "
          + "AND number = :n").bind("k", scopeKey).bind("n", number).execute());
    }

    @Override
    public List<String> numbers(String scopeKey, int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be 1 or more");
      }
      return with("listing the DNC list", h -> h.createQuery("SELECT number FROM sipring_campaign_dnc WHERE "
          + "scope_key = :k ORDER BY number LIMIT :l").bind("k", scopeKey).bind("l", limit)
          .mapTo(String.class).list());
    }

    @Override
    public boolean contains(Collection<String> scopeKeys, String number) {
      if (scopeKeys.isEmpty()) {
        return false;
      }
      return with("checking the DNC list", h -> h.createQuery("SELECT COUNT(*) FROM sipring_campaign_dnc WHERE "
          + "number = :n AND scope_key IN (<k>)").bind("n", number).bindList("k", List.copyOf(scopeKeys))
          .mapTo(Long.class).one() > 0);
    }
  }

  private final class Mappings implements MappingRepository {
    @Override
    public void save(String name, ColumnMapping mapping) {
      with("saving a CSV mapping", h -> h.createUpdate("REPLACE INTO sipring_campaign_mapping (name, mapping_json) "
          + "VALUES (:n, :m)").bind("n", name).bind("m", json(mapping)).execute());
    }

    @Override
    public Optional<ColumnMapping> find(String name) {
      return with("reading a CSV mapping", h -> h.createQuery("SELECT mapping_json FROM sipring_campaign_mapping "
          + "WHERE name = :n").bind("n", name).mapTo(String.class).findOne())
          .map(s -> json(s, ColumnMapping.class));
    }

    @Override
    public Set<String> names() {
      return with("listing CSV mappings", h -> Set.copyOf(h.createQuery("SELECT name FROM sipring_campaign_mapping")
          .mapTo(String.class).list()));
    }
  }

  private final class DialerStates implements DialerStateRepository {
    @Override
    public Optional<DialerState> find(long assignmentId) {
      return with("reading the dialer state", h -> h.createQuery("SELECT * FROM sipring_campaign_dialer_state WHERE "
          + "assignment_id = :a").bind("a", assignmentId).map((rs, ctx) -> new DialerState(rs.getLong("assignment_id"),
              DialerState.Status.valueOf(rs.getString("status")), rs.getDouble("ratio"),
              instant(rs, "last_originate_at"), rs.getString("day"), rs.getLong("answered_today"),
              rs.getLong("abandoned_today"))).findOne());
    }

    @Override
    public void save(DialerState s) {
      with("saving the dialer state", h -> insert(h, s));
    }

    static int insert(Handle h, DialerState s) {
      return h.createUpdate("REPLACE INTO sipring_campaign_dialer_state (assignment_id, "
          + "status, ratio, last_originate_at, day, answered_today, abandoned_today) VALUES (:a, :s, :r, :l, :d, "
          + ":an, :ab)").bind("a", s.assignmentId()).bind("s", s.status().name()).bind("r", s.ratio())
          .bind("l", ms(s.lastOriginateAt())).bind("d", s.day()).bind("an", s.answeredToday())
          .bind("ab", s.abandonedToday()).execute();
    }
  }

  private final class DialerConfigs implements DialerSettingsRepository {
    @Override
    public Optional<DialerSettings> find(long assignmentId) {
      return with("reading the dialer settings", h -> h.createQuery("SELECT settings_json FROM "
          + "sipring_campaign_dialer_settings WHERE assignment_id = :a").bind("a", assignmentId).mapTo(String.class)
          .findOne()).map(j -> json(j, DialerSettings.class));
    }

    @Override
    public void save(long assignmentId, DialerSettings settings) {
      Objects.requireNonNull(settings, "settings");
      with("saving the dialer settings", h -> insert(h, assignmentId, settings));
    }

    static int insert(Handle h, long assignmentId, DialerSettings settings) {
      return h.createUpdate("REPLACE INTO sipring_campaign_dialer_settings (assignment_id, settings_json) "
          + "VALUES (:a, :s)").bind("a", assignmentId).bind("s", json(settings)).execute();
    }
  }
}
