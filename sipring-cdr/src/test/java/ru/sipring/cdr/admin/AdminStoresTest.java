package ru.sipring.cdr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.admin.PanelRole;
import ru.sipring.core.admin.PanelUser;
import ru.sipring.core.audit.AuditEntry;

/** The audit log and the panel users in the database, on both engines (migration V3 runs on each). */
class AdminStoresTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00.123456Z");

  private static TestDatabase database(String engine) {
    TestDatabase db = engine.equals("h2") ? TestDatabase.embedded("admin") : TestDatabase.create("admin");
    SipRingSchema.migrate(db.dataSource());
    return db;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "mariadb"})
  void auditEntriesComeBackNewestFirstWithTheirTextAsGiven(String engine) {
    try (TestDatabase db = database(engine)) {
      JdbiAuditLog log = JdbiAuditLog.of(db.dataSource());
      log.record(new AuditEntry(T, "admin", "agent.pause", "6000/PJSIP/501", "обед <script>x</script>"));
      log.record(new AuditEntry(T, "sv", "agent.unpause", "6000/PJSIP/501", ""));
      log.record(new AuditEntry(T.plusSeconds(1), "sv", "user.add", "maria", "x".repeat(2000)));
      assertThat(log.recent(2)).extracting(AuditEntry::action).containsExactly("user.add", "agent.unpause");
      AuditEntry oldest = log.recent(10).get(2);
      assertThat(oldest).isEqualTo(new AuditEntry(T, "admin", "agent.pause", "6000/PJSIP/501",
          "обед <script>x</script>"));
      assertThat(log.recent(1).get(0).detail()).hasSize(1024).endsWith("…");
      assertThat(log.recent(0)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "mariadb"})
  void panelUsersAreStoredChangedAndNeverDuplicated(String engine) {
    try (TestDatabase db = database(engine)) {
      JdbiPanelUserStore store = JdbiPanelUserStore.of(db.dataSource(), Clock.fixed(T, ZoneOffset.UTC));
      PanelUser maria = new PanelUser("maria", PanelRole.SUPERVISOR, "{bcrypt}$2a$10$abc", true, null);
      store.insert(maria);
      store.insert(new PanelUser("ivan", PanelRole.OPERATOR, "{bcrypt}$2a$10$def", true, "501"));
      assertThatThrownBy(() -> store.insert(maria)).isInstanceOf(RejectedException.class)
          .hasMessageContaining("exists already");
      assertThat(store.list()).extracting(PanelUser::name).containsExactly("ivan", "maria");
      store.update(maria.withEnabled(false).withRole(PanelRole.ADMIN, null));
      assertThat(store.find("maria")).contains(new PanelUser("maria", PanelRole.ADMIN, "{bcrypt}$2a$10$abc", false,
          null));
      assertThat(store.find("ivan").orElseThrow().operator()).isEqualTo("501");
      store.update(maria.withPasswordHash("{bcrypt}$2a$10$new"));
      assertThat(store.find("maria").orElseThrow().passwordHash()).isEqualTo("{bcrypt}$2a$10$new");
      assertThatThrownBy(() -> store.update(new PanelUser("nobody", PanelRole.ADMIN, "x", true, null)))
          .isInstanceOf(NotFoundException.class);
      assertThat(store.find("nobody")).isEmpty();
      // API tokens: found by hash, replaced, revoked
      store.setTokenHash("ivan", "a".repeat(64));
      assertThat(store.findByTokenHash("a".repeat(64))).map(PanelUser::name).contains("ivan");
      store.setTokenHash("ivan", "b".repeat(64));
      assertThat(store.findByTokenHash("a".repeat(64))).isEmpty();
      store.setTokenHash("ivan", null);
      assertThat(store.findByTokenHash("b".repeat(64))).isEmpty();
      assertThatThrownBy(() -> store.setTokenHash("nobody", null)).isInstanceOf(NotFoundException.class);
    }
  }
}
