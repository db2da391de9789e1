package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.cdr.TestDatabase;

/** The corpus and a large file imported into MariaDB, all or nothing. */
class JdbiCampaignImportTest {
  private TestDatabase db;
  private JdbiCampaignStore store;
  private Assignment a;

  @BeforeEach
  void setUp() {
    db = newDatabase();
    store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
    long p = store.campaigns().createProject("P").id();
    long t = store.campaigns().createTask(p, "T").id();
    a = store.campaigns().createAssignment(t, "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
  }

  /** A private, empty database; {@link EmbeddedCampaignImportTest} gives the embedded one. */
  TestDatabase newDatabase() {
    return TestDatabase.create("import");
  }

  @AfterEach
  void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  static Path corpus() {
    String prop = System.getProperty("sipring.corpus");
    Path p = prop == null ? null : Path.of(prop);
    return p != null && Files.isDirectory(p) ? p : Path.of("/work/shared/corpus");
  }

  @Test
  void everyCorpusLeadFileImportsIntoMariaDb() throws Exception {
    ContactImporter importer = new ContactImporter(store.contacts());
    int total = 0;
    try (Stream<Path> files = Files.list(corpus().resolve("leads"))) {
      for (Path f : files.filter(x -> !x.toString().endsWith(".md")).sorted().toList()) {
        ImportResult r = importer.importFile(a.id(), f, ImportOptions.defaults().withDuplicates(DuplicateScope.NONE));
        assertThat(r.imported()).as(f.toString()).isPositive();
        assertThat(r.rejected()).as(f.toString()).isEmpty();
        total += r.imported();
      }
    }
    List<Contact> stored = store.contacts().byAssignment(a.id());
    assertThat(stored).hasSize(total);
    assertThat(stored).extracting(c -> c.get(ContactField.LAST_NAME)).contains("языки", "Ενεργές");
  }

  @Test
  void fiftyThousandRowsWithDuplicateCheckAgainstTheDatabase() {
    StringBuilder sb = new StringBuilder("ФИО;Номер телефона\n");
    for (int i = 0; i < 50_000; i++) {
      sb.append("Клиент ").append(i).append(";8916").append(String.format("%07d", i)).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    ContactImporter importer = new ContactImporter(store.contacts());
    assertThat(importer.importBytes(a.id(), "big.csv", bytes, ImportOptions.defaults()).imported()).isEqualTo(50_000);
    ImportResult again = importer.importBytes(a.id(), "big.csv", bytes, ImportOptions.defaults());
    assertThat(again.imported()).isZero();
    assertThat(again.duplicates()).isEqualTo(50_000);
  }

  @Test
  void aFailingBatchLeavesNothingBehind() {
    Contact ok = Contact.of(a.id(), "79160000001", Map.of(), Map.of());
    Contact tooLong = Contact.of(a.id(), "7".repeat(40), Map.of(), Map.of()); // phone_normalized is VARCHAR(32)
    List<Contact> list = new java.util.ArrayList<>();
    for (int i = 0; i < 4999; i++) {
      list.add(ok);
    }
    list.add(tooLong);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.contacts().insertAll(a.id(), list))
        .isInstanceOf(ru.sipring.core.SipRingException.class);
    assertThat(store.contacts().byAssignment(a.id())).isEmpty();
  }
}
