package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.admin.JdbiAuditLog;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxSessions;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.InboxFax;

/**
 * Fax actions of a person are audited under the person's name, done or refused, and the fax center's records are
 * kept in SipRing's tables when the application has a database. hfaxd itself is {@code FaxBrowserTest}'s (web).
 */
class FaxDeskAuditTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  /** hfaxd is down: every session fails as the real client does when it cannot connect. */
  private static final FaxSessions DOWN = new FaxSessions() {
    @Override
    public HylaFaxClient openAs(FaxUser user) {
      throw new ConnectionException("hfaxd at fax.example:4559 unreachable");
    }

    @Override
    public HylaFaxClient openService() {
      throw new ConnectionException("hfaxd at fax.example:4559 unreachable");
    }
  };

  private static InboxFax received(String file, String device) {
    return new InboxFax(file, "ACME <script>", "5550100", "", NOW, 1, device, device, null, InboxFax.Folder.INBOX,
        "000000001");
  }

  private final FaxCenter center = FaxCenter.builder(DOWN).build();
  private final AuditLog audit = AuditLog.inMemory();
  private final FaxDesk desk = new FaxDesk(center, Map.of("anna.k", "anna"), 1 << 20, ZoneId.of("Europe/Moscow"),
      audit, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void receivedFaxActionsAreAuditedUnderThePersonsNameDoneOrRefused() {
    center.users().save(FaxUser.regular("anna", "", Set.of("ttyIAX0"), Set.of()));
    center.receivedFaxes().save(received("fax000000001.tif", "ttyIAX0"));
    center.receivedFaxes().save(received("fax000000002.tif", "ttyIAX1")); // another modem: not anna's

    desk.receivedAction("anna.k", "fax000000001.tif", "archive");
    assertThat(center.receivedFaxes().find("fax000000001.tif")).map(InboxFax::folder).contains(InboxFax.Folder.ARCHIVE);
    assertThat(audit.recent(1)).containsExactly(
        new AuditEntry(NOW, "anna.k", "fax.received.archive", "fax000000001.tif", "as anna"));
    desk.receivedAction("anna.k", "fax000000001.tif", "inbox");
    assertThat(audit.recent(1).get(0).action()).isEqualTo("fax.received.inbox");

    assertThatThrownBy(() -> desk.receivedAction("anna.k", "fax000000002.tif", "archive"))
        .isInstanceOf(NotFoundException.class);
    assertThat(audit.recent(1).get(0)).satisfies(e -> {
      assertThat(e.actor()).isEqualTo("anna.k");
      assertThat(e.action()).isEqualTo("fax.received.archive");
      assertThat(e.target()).isEqualTo("fax000000002.tif");
      assertThat(e.detail()).startsWith("refused: ");
    });
    assertThat(center.receivedFaxes().find("fax000000002.tif")).map(InboxFax::folder).contains(InboxFax.Folder.INBOX);
    // anna may not delete: refused before hfaxd is asked, and audited
    assertThatThrownBy(() -> desk.receivedAction("anna.k", "fax000000001.tif", "delete"))
        .isInstanceOf(RejectedException.class).hasMessageContaining("may not delete");
    assertThat(audit.recent(1).get(0).action()).isEqualTo("fax.received.delete");
    assertThat(audit.recent(1).get(0).detail()).isEqualTo("refused: user anna may not delete faxes");
    assertThat(center.receivedFaxes().find("fax000000001.tif")).isPresent();
    assertThat(audit.recent(10)).hasSize(4);
  }

  @Test
  void jobActionsAndSendsAreAuditedAndUnknownActionsOrPeopleWithoutAFaxAccountAreNot() {
    center.users().save(FaxUser.administrator("anna", ""));
    for (String action : List.of("cancel", "suspend", "resubmit", "delete")) {
      assertThatThrownBy(() -> desk.jobAction("anna.k", "17", action)).isInstanceOf(ConnectionException.class);
      assertThat(audit.recent(1)).containsExactly(new AuditEntry(NOW, "anna.k", "fax.job." + action, "job 17",
          "refused: hfaxd at fax.example:4559 unreachable"));
    }
    FaxDesk.Outgoing outgoing = new FaxDesk.Outgoing(List.of("5550100", "5550101"),
        List.of(desk.document("a.txt", "hello".getBytes(StandardCharsets.UTF_8))), null, "");
    assertThatThrownBy(() -> desk.send("anna.k", outgoing)).isInstanceOf(ConnectionException.class);
    assertThat(audit.recent(1).get(0)).satisfies(e -> {
      assertThat(e.action()).isEqualTo("fax.send");
      assertThat(e.target()).isEqualTo("5550100, 5550101");
      assertThat(e.detail()).startsWith("refused: ");
    });
    int before = audit.recent(100).size();
    assertThatThrownBy(() -> desk.jobAction("anna.k", "17", "explode")).isInstanceOf(NotFoundException.class)
        .hasMessage("no job action explode");
    assertThatThrownBy(() -> desk.receivedAction("anna.k", "x.tif", "burn\u001b[2J"))
        .isInstanceOf(NotFoundException.class).hasMessage("no fax action burn\\x1b[2J");
    assertThatThrownBy(() -> desk.jobAction("op", "17", "cancel")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has no fax account");
    assertThat(audit.recent(100)).hasSize(before);
  }

  @Test
  void withADatabaseTheFaxRecordsAndTheAuditAreInSipRingsTablesAcrossRestarts() {
    try (TestDatabase db = TestDatabase.embedded("starter_fax")) {
      // the database outlives each context (a context closes an AutoCloseable DataSource bean): a proxy has no close
      DataSource unclosable = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.invoke(db.dataSource(), args));
      ApplicationContextRunner runner = new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SipRingDatabaseAutoConfiguration.class,
              SipRingAdminAutoConfiguration.class, SipRingFaxAutoConfiguration.class))
          .withBean(DataSource.class, () -> unclosable)
          .withPropertyValues("sipring.database.migrate=true", "sipring.fax.host=fax.example",
              "sipring.fax.password=x", "sipring.fax.accounts.anna.password=y", "sipring.fax.accounts.anna.modems=ttyIAX0",
              "sipring.fax.lines.ttyIAX0=Приёмная");
      runner.run(ctx -> {
        assertThat(ctx).hasNotFailed().hasSingleBean(FaxCenter.class).hasSingleBean(JdbiAuditLog.class);
        FaxCenter c = ctx.getBean(FaxCenter.class);
        c.receivedFaxes().save(received("fax000000009.tif", "ttyIAX0"));
        ctx.getBean(FaxDesk.class).receivedAction("anna", "fax000000009.tif", "archive");
      });
      runner.run(ctx -> {
        FaxCenter c = ctx.getBean(FaxCenter.class);
        assertThat(c.users().find("anna")).map(FaxUser::modems).contains(Set.of("ttyIAX0"));
        assertThat(c.lines().list()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("Приёмная"));
        assertThat(c.receivedFaxes().find("fax000000009.tif")).map(InboxFax::folder)
            .contains(InboxFax.Folder.ARCHIVE);
        assertThat(ctx.getBean(AuditLog.class).recent(5)).singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("anna");
          assertThat(e.action()).isEqualTo("fax.received.archive");
        });
      });
    }
    // without a database the center keeps them in memory, and the desk audits in the starter's AuditLog
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SipRingAdminAutoConfiguration.class, SipRingFaxAutoConfiguration.class))
        .withPropertyValues("sipring.fax.host=fax.example", "sipring.fax.accounts.anna.password=y")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().doesNotHaveBean(DataSource.class);
          FaxCenter c = ctx.getBean(FaxCenter.class);
          c.receivedFaxes().save(received("fax000000010.tif", "ttyIAX0"));
          FaxDesk d = ctx.getBean(FaxDesk.class);
          c.users().save(FaxUser.administrator("anna", ""));
          d.receivedAction("anna", "fax000000010.tif", "archive");
          assertThat(ctx.getBean(AuditLog.class).recent(1).get(0).action()).isEqualTo("fax.received.archive");
        });
  }
}
