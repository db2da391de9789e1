package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactChunks;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.cdr.DatabasePool;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.core.NotFoundException;

/**
 * An import commits its cards in chunks (JdbiCampaignStore): the operator workspace's card search and bulk status
 * change skip an unfinished import, and the cards an import left when its process was killed stay invisible and are
 * deleted once the import counts as abandoned — on the embedded database and on MariaDB, the kill a real
 * {@code destroyForcibly} of a second JVM.
 */
class ImportInChunksTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

  @TempDir Path dir;

  private static Assignment assignment(JdbiCampaignStore store) {
    var p = store.campaigns().createProject("Проект");
    var t = store.campaigns().createTask(p.id(), "Задача");
    return store.campaigns().createAssignment(t.id(), "База", AssignmentSettings.defaults(MSK));
  }

  private static long rows(DataSource ds, String sql) {
    return Jdbi.create(ds).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static ContactChunks chunks(long assignmentId, int count, Runnable beforeChunk4) {
    int[] next = {0};
    return () -> {
      if (next[0] == count) {
        return null;
      }
      if (next[0] == 3) {
        beforeChunk4.run();
      }
      List<Contact> chunk = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        chunk.add(Contact.of(assignmentId, String.format("7916%07d", next[0] * 300 + i),
            Map.of(ContactField.CITY, "Тверь"), Map.of()));
      }
      next[0]++;
      return chunk;
    };
  }

  private static void searchAndStatusSkipARunningImport(DataSource ds) {
    JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(ds).commitEvery(500);
    JdbiClientCards cards = JdbiClientCards.of(ds);
    Assignment a = assignment(store);
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "79990000001", Map.of(ContactField.CITY,
        "Тверь"), Map.of())));
    long visible = store.contacts().byAssignment(a.id()).get(0).id();
    boolean[] checked = {false};
    store.contacts().insertChunks(a.id(), chunks(a.id(), 5, () -> {
      long pending = rows(ds, "SELECT MIN(c.id) FROM sipring_campaign_contact c JOIN sipring_campaign_import i "
          + "ON i.id = c.import_id WHERE i.state = 'RUNNING'");
      assertThat(pending).isPositive();
      assertThat(cards.search(CardQuery.of(a.id())).total()).isEqualTo(1);
      assertThat(cards.search(CardQuery.of(a.id())).items()).extracting(Contact::id).containsExactly(visible);
      assertThat(cards.search(CardQuery.of(a.id()).withText("тверь")).total()).isEqualTo(1);
      assertThat(cards.search(CardQuery.of(a.id()).withStatuses(Set.of(ContactStatus.NEW))).total()).isEqualTo(1);
      assertThatThrownBy(() -> cards.setStatus(List.of(visible, pending), ContactStatus.DONE))
          .isInstanceOf(NotFoundException.class).hasMessageContaining(String.valueOf(pending));
      checked[0] = true;
    }));
    assertThat(checked[0]).isTrue();
    assertThat(cards.search(CardQuery.of(a.id())).total()).isEqualTo(1 + 5 * 300);
    assertThat(cards.search(CardQuery.of(a.id()).withText("тверь")).total()).isEqualTo(1 + 5 * 300);
  }

  @Test
  void searchAndStatusSkipARunningImportOnTheEmbeddedDatabase() {
    try (DatabasePool db = Databases.embedded(dir)) {
      searchAndStatusSkipARunningImport(db);
    }
  }

  @Test
  void searchAndStatusSkipARunningImportOnMariaDb() {
    try (TestDatabase db = TestDatabase.create("import_search")) {
      searchAndStatusSkipARunningImport(db.dataSource());
    }
  }

  /** Starts {@link KilledImport} on {@code args}, waits until it has committed chunks, and kills it. */
  private static void importAndKill(long assignmentId, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), KilledImport.class.getName(), String.valueOf(assignmentId)));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> seen = new ArrayList<>();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        seen.add(line);
        if (line.equals(KilledImport.READY)) {
          break;
        }
      }
      assertThat(seen).as("output of the importing process").contains(KilledImport.READY);
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void leftoversAreInvisibleUntilRemoved(DataSource ds, long assignmentId, boolean byOpen) {
    assertThat(rows(ds, "SELECT COUNT(*) FROM sipring_campaign_contact")).as("committed chunks of the killed import")
        .isGreaterThanOrEqualTo(600);
    JdbiCampaignStore now = JdbiCampaignStore.migrateAndOpen(ds);
    assertThat(now.contacts().byAssignment(assignmentId)).isEmpty();
    assertThat(now.contacts().anyInScope(ru.sipring.campaign.DuplicateScope.EVERYWHERE, assignmentId)).isFalse();
    assertThat(JdbiClientCards.of(ds).search(CardQuery.of(assignmentId)).total()).isZero();
    // an import meanwhile neither sees them as duplicates nor removes them (the killed one is not yet abandoned)
    now.contacts().insertAll(assignmentId, List.of(Contact.of(assignmentId, "79160000000", Map.of(), Map.of())));
    assertThat(now.contacts().byAssignment(assignmentId)).hasSize(1);
    assertThat(rows(ds, "SELECT COUNT(*) FROM sipring_campaign_contact")).isGreaterThanOrEqualTo(601);

    Clock later = Clock.offset(Clock.systemUTC(), JdbiCampaignStore.ABANDONED_AFTER.plus(Duration.ofMinutes(1)));
    if (byOpen) {
      JdbiCampaignStore.migrateAndOpen(ds, later);
    } else {
      JdbiCampaignStore.of(ds, later).contacts().insertAll(assignmentId,
          List.of(Contact.of(assignmentId, "79160000009", Map.of(), Map.of())));
    }
    assertThat(rows(ds, "SELECT COUNT(*) FROM sipring_campaign_contact")).isEqualTo(byOpen ? 1 : 2);
    assertThat(rows(ds, "SELECT COUNT(*) FROM sipring_campaign_import WHERE state <> 'DONE'")).isZero();
    assertThat(now.contacts().byAssignment(assignmentId)).hasSize(byOpen ? 1 : 2);
  }

  @Test
  void aKilledImportOnTheEmbeddedDatabaseStaysInvisibleAndIsRemovedWhenAbandoned() throws Exception {
    for (boolean byOpen : new boolean[] {true, false}) {
      Path base = dir.resolve(byOpen ? "open" : "import");
      long assignmentId;
      // the embedded database is one process's at a time: this one lets go while the other imports
      try (DatabasePool db = Databases.embedded(base)) {
        assignmentId = assignment(JdbiCampaignStore.migrateAndOpen(db)).id();
      }
      importAndKill(assignmentId, "h2", base.toString());
      try (DatabasePool db = Databases.embedded(base)) {
        leftoversAreInvisibleUntilRemoved(db, assignmentId, byOpen);
      }
    }
  }

  @Test
  void aKilledImportOnMariaDbStaysInvisibleAndIsRemovedWhenAbandoned() throws Exception {
    for (boolean byOpen : new boolean[] {true, false}) {
      try (TestDatabase db = TestDatabase.create("import_killed")) {
        long assignmentId = assignment(JdbiCampaignStore.migrateAndOpen(db.dataSource())).id();
        importAndKill(assignmentId, "mariadb", db.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
        leftoversAreInvisibleUntilRemoved(db.dataSource(), assignmentId, byOpen);
      }
    }
  }

  /** The importing process of the kill tests: commits chunks, says so, then waits to be killed. */
  static final class KilledImport {
    static final String READY = "chunks committed";

    public static void main(String[] args) throws Exception {
      long assignmentId = Long.parseLong(args[0]);
      DatabasePool db = args[1].equals("h2") ? Databases.embedded(Path.of(args[2]))
          : Databases.pooled(args[2], args[3], args[4]);
      JdbiCampaignStore store = JdbiCampaignStore.of(db).commitEvery(500);
      store.contacts().insertChunks(assignmentId, chunks(assignmentId, Integer.MAX_VALUE, () -> {
        if (args[1].equals("h2")) {
          // H2 writes committed chunks to the file in the background: on disk before the kill
          Jdbi.create(db).useHandle(h -> h.execute("CHECKPOINT"));
        }
        System.out.println(READY);
        System.out.flush();
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
  }
}
