package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.ContactLimits;
import ru.sipring.campaign.csv.ContactImporter;
import ru.sipring.campaign.csv.ImportOptions;
import ru.sipring.campaign.csv.ImportResult;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.core.text.PhoneNumber;

/**
 * A database written before the phone normalisers were merged is brought to the one normal form by V102, so the
 * screen pop and DNC match cards imported earlier; and the MariaDB store applies the shared field limits.
 */
class PhoneNormalFormMigrationTest {

  @Test
  void v102BringsStoredNumbersToTheOneNormalForm() throws Exception {
    try (TestDatabase db = TestDatabase.create("phone_form")) {
      Flyway before = Flyway.configure().configuration(SipRingSchema.flyway(db.dataSource()).getConfiguration())
          .target("101").load();
      before.migrate();
      db.execute("INSERT INTO sipring_campaign_contact (assignment_id, phone, phone_normalized, fields_json, "
              + "custom_json, status) VALUES (1, '9161234567', '9161234567', '{}', '{}', 'NEW'), "
              + "(1, '(495) 777-52-25', '4957775225', '{}', '{}', 'NEW'), "
              + "(1, '+7 916 123 45 68', '79161234568', '{}', '{}', 'NEW'), "
              + "(1, '8998884545', '8998884545', '{}', '{}', 'NEW'), (1, '101', '101', '{}', '{}', 'NEW')",
          "INSERT INTO sipring_campaign_dnc (scope_key, number) VALUES ('global', '9160000001'), "
              + "('global', '9160000002'), ('global', '79160000002'), ('global', '101')");
      SipRingSchema.migrate(db.dataSource());
      List<String> contacts = new ArrayList<>();
      List<String> dnc = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT phone, phone_normalized FROM sipring_campaign_contact ORDER BY id")) {
          while (rs.next()) {
            contacts.add(rs.getString(2));
            // what the migration wrote is what the one normaliser makes of the phone as written
            assertThat(rs.getString(2)).isEqualTo(PhoneNumber.normalize(rs.getString(1)));
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT number FROM sipring_campaign_dnc ORDER BY number")) {
          while (rs.next()) {
            dnc.add(rs.getString(1));
          }
        }
      }
      assertThat(contacts).containsExactly("79161234567", "74957775225", "79161234568", "8998884545", "101");
      assertThat(dnc).containsExactly("101", "79160000001", "79160000002");
    }
  }

  @Test
  void theDatabaseStoreRejectsACellBeyondItsColumnWithLineAndFieldAndKeepsTheRest() {
    try (TestDatabase db = TestDatabase.create("limits")) {
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
      var t = store.campaigns().createTask(store.campaigns().createProject("P").id(), "T");
      var a = store.campaigns().createAssignment(t.id(), "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
      String text = "phone;note\n79160000001;a\n79160000002 " + "(mobile) ".repeat(40) + ";b\n79160000003;c\n";
      ImportResult r = new ContactImporter(store.contacts()).importBytes(a.id(), "t.csv",
          text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
      assertThat(r.imported()).isEqualTo(2);
      assertThat(r.rejected()).singleElement().satisfies(x -> {
        assertThat(x.line()).isEqualTo(3);
        assertThat(x.reason()).startsWith("phone: ").contains("at most " + ContactLimits.PHONE_CHARS);
      });
      assertThat(store.contacts().byAssignment(a.id())).hasSize(2);
    }
  }
}
