package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactChunks;
import ru.sipring.campaign.ContactRepository;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.Task;

/** The importer parses on a second thread, ahead of the store: order, failures and the parser's end. */
class ContactImporterPipelineTest {
  private InMemoryCampaignStore store;
  private Assignment a;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    Task t = store.campaigns().createTask(store.campaigns().createProject("P").id(), "T");
    a = store.campaigns().createAssignment(t.id(), "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
  }

  /** {@code rows} data rows, every 1000th + 7th with no phone, so rejections fall in several chunks. */
  private static byte[] file(int rows) {
    StringBuilder sb = new StringBuilder("ФИО;Телефон\n");
    for (int i = 0; i < rows; i++) {
      sb.append("Клиент ").append(i).append(';').append(i % 1000 == 7 ? "" : "8916" + String.format("%07d", i))
          .append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cardsArriveInFileOrderAcrossManyChunks() {
    ImportResult r = new ContactImporter(store.contacts()).importBytes(a.id(), "t.csv", file(5500),
        ImportOptions.defaults());
    assertThat(r.imported()).isEqualTo(5500 - 6);
    assertThat(r.rejected()).extracting(ImportResult.Rejection::line)
        .containsExactly(9L, 1009L, 2009L, 3009L, 4009L, 5009L);
    List<Contact> stored = store.contacts().byAssignment(a.id());
    assertThat(stored).extracting(c -> c.get(ru.sipring.campaign.ContactField.FULL_NAME))
        .startsWith("Клиент 0", "Клиент 1").endsWith("Клиент 5499");
    assertThat(parserThreads()).isEmpty();
  }

  @Test
  void strictImportStoresNothingAndStillReportsEveryRejectedRow() {
    ImportResult r = new ContactImporter(store.contacts()).importBytes(a.id(), "t.csv", file(5500),
        ImportOptions.defaults().withStrict(true));
    assertThat(r.imported()).isZero();
    assertThat(r.rejected()).hasSize(6);
    assertThat(store.contacts().byAssignment(a.id())).isEmpty();
    assertThat(parserThreads()).isEmpty();
  }

  @Test
  void aFailingStoreStopsTheParserAndTheFailureReachesTheCaller() {
    ContactRepository failing = withInsert(store.contacts(), chunks -> {
      chunks.next();
      throw new IllegalStateException("disk full");
    });
    assertThatThrownBy(() -> new ContactImporter(failing).importBytes(a.id(), "t.csv", file(50_000),
        ImportOptions.defaults())).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    assertThat(parserThreads()).isEmpty();
  }

  private static List<Thread> parserThreads() {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("sipring-import-parser") && t.isAlive()) {
        out.add(t);
      }
    }
    return out;
  }

  /** {@code real} with insertChunks replaced (a proxy, so new repository methods need no change here). */
  private static ContactRepository withInsert(ContactRepository real,
      java.util.function.ToIntFunction<ContactChunks> insert) {
    return (ContactRepository) java.lang.reflect.Proxy.newProxyInstance(ContactRepository.class.getClassLoader(),
        new Class<?>[] {ContactRepository.class}, (proxy, m, args) -> {
          if (m.getName().equals("insertChunks")) {
            return insert.applyAsInt((ContactChunks) args[1]);
          }
          try {
            return m.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
