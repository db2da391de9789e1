package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.DuplicateScope;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.TestDatabase;

/**
 * V104 on a database that already holds cards (MariaDB and the embedded H2): the cards stored before it have no
 * import id and stay visible to every reader, and an import after it works beside them.
 */
class ImportMarkerMigrationTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void cardsStoredBeforeV104StayVisible(boolean embedded) {
    try (TestDatabase db = embedded ? TestDatabase.embedded("marker") : TestDatabase.create("marker")) {
      Flyway.configure().configuration(SipRingSchema.flyway(db.dataSource()).getConfiguration()).target("103").load()
          .migrate();
      JdbiCampaignStore old = JdbiCampaignStore.of(db.dataSource());
      // the hierarchy through the store (unchanged by V104), the cards as the store before V104 wrote them
      var t = old.campaigns().createTask(old.campaigns().createProject("P").id(), "T");
      var a = old.campaigns().createAssignment(t.id(), "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
      db.execute("INSERT INTO sipring_campaign_contact (assignment_id, phone, phone_normalized, fields_json, "
          + "custom_json, status) VALUES (" + a.id() + ", '79160000001', '79160000001', '{}', '{}', 'NEW'), ("
          + a.id() + ", '79160000002', '79160000002', '{}', '{}', 'NEW')");

      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
      long unmarked = Jdbi.create(db.dataSource()).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM "
          + "sipring_campaign_contact WHERE import_id IS NULL").mapTo(Long.class).one());
      assertThat(unmarked).isEqualTo(2);
      assertThat(store.contacts().byAssignment(a.id())).extracting(Contact::phoneNormalized)
          .containsExactly("79160000001", "79160000002");
      assertThat(store.contacts().dueForCall(a.id(), RetryPolicy.guide(2, java.time.Duration.ofSeconds(30)),
          List.of(), java.time.Instant.now(), List.of(), 10)).hasSize(2);
      assertThat(JdbiClientCards.of(db.dataSource()).search(CardQuery.of(a.id())).total()).isEqualTo(2);
      store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), "79160000003", Map.of(), Map.of())));
      assertThat(store.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a.id(),
          List.of("79160000001", "79160000003", "79160000009"))).containsExactly("79160000001", "79160000003");
      assertThat(JdbiClientCards.of(db.dataSource()).search(CardQuery.of(a.id())).total()).isEqualTo(3);
    }
  }
}
