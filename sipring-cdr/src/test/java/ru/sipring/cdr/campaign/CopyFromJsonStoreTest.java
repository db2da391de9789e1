package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.csv.ColumnMapping;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.core.RejectedException;

/** The JSON store of an older SipRing copied into the embedded database: every record, every id, all or nothing. */
class CopyFromJsonStoreTest {
  private static final Instant T = Instant.parse("2026-03-02T07:00:00Z");
  @TempDir Path dir;
  private TestDatabase db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void everyRecordArrivesWithItsIdAndNewIdsFollowThem() {
    InMemoryCampaignStore old = new InMemoryCampaignStore();
    Project skipped = old.campaigns().createProject("Пустой");
    Project p = old.campaigns().createProject("Привлечение");
    Task t = old.campaigns().createTask(p.id(), "Опт");
    Assignment a = old.campaigns().createAssignment(t.id(), "Магазины", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    old.campaigns().archiveProject(skipped.id(), true);
    old.contacts().insertAll(a.id(), List.of(
        Contact.of(a.id(), "8 916 000-00-01", Map.of(ContactField.FULL_NAME, "Иванов"), Map.of("Сегмент", "VIP")),
        Contact.of(a.id(), "8 916 000-00-02", Map.of(), Map.of())));
    Contact first = old.contacts().byAssignment(a.id()).get(0);
    CallAttempt call = old.attempts().insert(CallAttempt.operatorCall(first.id(), a.id(), "Петрова", first.phone(), T,
        CallOutcome.ANSWERED, 60, 50, "перезвонить"));
    old.contacts().update(first.afterAttempt(CallOutcome.ANSWERED, T));
    WorkSession open = old.sessions().insert(new WorkSession(0, "Петрова", a.id(), T, null,
        List.of(new WorkSession.Pause(T.plusSeconds(60), T.plusSeconds(120), "обед")), false));
    old.dnc().add(DncRepository.projectKey(p.id()), "79160000002");
    old.dnc().add(DncRepository.GLOBAL, "79160000003");
    old.mappings().save("crm", ColumnMapping.VICIDIAL_STANDARD);
    old.dialerStates().save(DialerState.initial(a.id(), 1.5));
    old.dialerSettings().save(a.id(), DialerSettings.guide("600", "from-internal", "74950000000", 2,
        Duration.ofMinutes(5), Duration.ofSeconds(2)));
    Path json = dir.resolve("campaign.json");
    old.save(json);
    InMemoryCampaignStore read = InMemoryCampaignStore.load(json);

    db = TestDatabase.embedded("copy");
    JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
    JdbiCampaignStore.Copied copied = store.copyFrom(read);

    assertThat(copied).isEqualTo(new JdbiCampaignStore.Copied(2, 1, 1, 2, 1, 1, 2, 1, 1));
    assertThat(store.campaigns().projects()).isEqualTo(old.campaigns().projects());
    assertThat(store.campaigns().tasks(p.id())).isEqualTo(old.campaigns().tasks(p.id()));
    assertThat(store.campaigns().assignments(t.id())).isEqualTo(old.campaigns().assignments(t.id()));
    assertThat(store.contacts().byAssignment(a.id())).isEqualTo(old.contacts().byAssignment(a.id()));
    assertThat(store.attempts().byContact(first.id())).containsExactly(call);
    assertThat(store.sessions().open()).containsExactly(open);
    assertThat(store.dnc().contains(List.of(DncRepository.projectKey(p.id())), "79160000002")).isTrue();
    assertThat(store.dnc().contains(List.of(DncRepository.GLOBAL), "79160000003")).isTrue();
    assertThat(store.mappings().find("crm")).contains(ColumnMapping.VICIDIAL_STANDARD);
    assertThat(store.dialerStates().find(a.id())).isEqualTo(old.dialerStates().find(a.id()));
    assertThat(read.dialerSettings().find(a.id())).isPresent();
    assertThat(store.dialerSettings().find(a.id())).isEqualTo(old.dialerSettings().find(a.id()));
    // the database's counters moved past the copied ids
    assertThat(store.campaigns().createProject("Новый").id()).isGreaterThan(p.id());
    assertThat(store.attempts().insert(call.withId(0)).id()).isGreaterThan(call.id());
  }

  @Test
  void aDatabaseWithCampaignsIsNotMergedInto() {
    db = TestDatabase.embedded("copy");
    JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(db.dataSource());
    store.campaigns().createProject("Уже есть");
    InMemoryCampaignStore old = new InMemoryCampaignStore();
    old.campaigns().createProject("Старый");

    assertThatThrownBy(() -> store.copyFrom(old)).isInstanceOf(RejectedException.class)
        .hasMessageContaining("already holds campaigns");
    assertThat(store.campaigns().projects()).extracting(Project::name).containsExactly("Уже есть");
  }
}
