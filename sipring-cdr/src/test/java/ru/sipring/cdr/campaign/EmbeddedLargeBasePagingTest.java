package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.cards.CardPage;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.cdr.DatabasePool;
import ru.sipring.cdr.Databases;

/**
 * Paging a base larger than {@code JdbiClientCards}' sort limit on the embedded database, where a page is read on
 * the primary key from the first matching card (the contract's 23 cards never take that path): offset and keyset
 * pages of an assignment whose cards are interleaved with another one's, with and without a status filter.
 */
class EmbeddedLargeBasePagingTest {
  @TempDir Path dir;
  private DatabasePool db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void offsetAndKeysetPagesMatchTheBaseOrder() {
    db = Databases.embedded(dir);
    JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db);
    JdbiClientCards cards = JdbiClientCards.migrateAndOpen(db);
    long task = store.campaigns().createTask(store.campaigns().createProject("П").id(), "З").id();
    Assignment other = store.campaigns().createAssignment(task, "Другое", AssignmentSettings.defaults(ZoneId.of("UTC")));
    Assignment a = store.campaigns().createAssignment(task, "Большое", AssignmentSettings.defaults(ZoneId.of("UTC")));
    store.contacts().insertAll(other.id(), cards(other.id(), 0, 2_000));
    store.contacts().insertAll(a.id(), cards(a.id(), 0, 10_500));
    store.contacts().insertAll(other.id(), cards(other.id(), 2_000, 3_000));
    store.contacts().insertAll(a.id(), cards(a.id(), 10_500, 21_000));
    List<Long> all = store.contacts().byAssignment(a.id()).stream().map(Contact::id).toList();
    List<Long> fresh = store.contacts().byAssignment(a.id()).stream().filter(c -> c.status() == ContactStatus.NEW)
        .map(Contact::id).toList();
    List<Long> done = store.contacts().byAssignment(a.id()).stream().filter(c -> c.status() == ContactStatus.DONE)
        .map(Contact::id).toList();
    assertThat(all).hasSize(21_000);
    assertThat(fresh).hasSize(14_000); // above the sort limit: read on the primary key
    assertThat(done).hasSize(7_000); // below it: read on the assignment's index and sorted

    CardQuery q = CardQuery.of(a.id()).withPage(0, 500);
    assertThat(ids(cards.search(q))).isEqualTo(all.subList(0, 500));
    CardPage across = cards.search(q.withPage(20, 500)); // 10,000..10,499 and past the other assignment's cards
    assertThat(ids(across)).isEqualTo(all.subList(10_000, 10_500));
    assertThat(across.total()).isEqualTo(21_000);
    assertThat(ids(cards.search(q.withPage(41, 500)))).isEqualTo(all.subList(20_500, 21_000));
    assertThat(walk(cards, q)).isEqualTo(all);

    for (var status : List.of(Map.entry(ContactStatus.NEW, fresh), Map.entry(ContactStatus.DONE, done))) {
      CardQuery s = q.withStatuses(Set.of(status.getKey()));
      List<Long> expected = status.getValue();
      CardPage p3 = cards.search(s.withPage(3, 500));
      assertThat(ids(p3)).as(status.getKey().name()).isEqualTo(expected.subList(1_500, 2_000));
      assertThat(p3.total()).isEqualTo(expected.size());
      assertThat(walk(cards, s)).as(status.getKey().name()).isEqualTo(expected);
    }
  }

  /** Every page by key from the first one. */
  private static List<Long> walk(JdbiClientCards cards, CardQuery q) {
    List<Long> seen = new ArrayList<>();
    for (CardPage p = cards.search(q); !p.items().isEmpty(); p = cards.search(q.withAfter(seen.get(seen.size() - 1)))) {
      seen.addAll(ids(p));
    }
    return seen;
  }

  private static List<Long> ids(CardPage p) {
    return p.items().stream().map(Contact::id).toList();
  }

  private static List<Contact> cards(long assignmentId, int from, int to) {
    List<Contact> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String phone = "7916" + String.format("%07d", i + assignmentId * 1_000_000);
      out.add(new Contact(0, assignmentId, phone, phone, Map.of(ContactField.FULL_NAME, "Клиент " + i), Map.of(),
          i % 3 == 0 ? ContactStatus.DONE : ContactStatus.NEW, 0, null, null));
    }
    return out;
  }
}
