package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.call.ClickToCall;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.campaign.cards.ClientCardStore;
import ru.sipring.campaign.cards.InMemoryClientCards;
import ru.sipring.campaign.cards.Unanswered;
import ru.sipring.campaign.cards.CardEditor;
import ru.sipring.campaign.tariff.InMemoryTariffRepository;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrTables;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.cdr.campaign.JdbiClientCards;
import ru.sipring.cdr.campaign.tariff.JdbiTariffRepository;
import ru.sipring.cdr.reconcile.CdrReconciler;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.Eventually;

class SipRingCampaignAutoConfigurationTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SipRingDatabaseAutoConfiguration.class, SipRingAutoConfiguration.class,
          SipRingCampaignAutoConfiguration.class))
      .withPropertyValues("sipring.zone=Europe/Moscow");

  private static Contact firstCard(CampaignStore store, String phone) {
    long task = store.campaigns().createTask(store.campaigns().createProject("Проект").id(), "Задача").id();
    Assignment a = store.campaigns().createAssignment(task, "Задание", AssignmentSettings.defaults(ZONE));
    store.contacts().insertAll(a.id(), List.of(Contact.of(a.id(), phone, Map.of(), Map.of())));
    return store.contacts().byAssignment(a.id()).get(0);
  }

  @Test
  void withoutADatabaseEverythingIsInMemoryAndThereIsNoClickToCallWithoutAPbx() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(CampaignStore.class)).isInstanceOf(InMemoryCampaignStore.class);
      assertThat(ctx.getBean(ClientCardStore.class)).isInstanceOf(InMemoryClientCards.class);
      assertThat(ctx.getBean(TariffRepository.class)).isInstanceOf(InMemoryTariffRepository.class);
      assertThat(ctx).hasSingleBean(WorkTracker.class).hasSingleBean(Unanswered.class).hasSingleBean(CardEditor.class)
          .doesNotHaveBean(ClickToCall.class).doesNotHaveBean(CdrReconciler.class);
      Contact c = firstCard(ctx.getBean(CampaignStore.class), "89160000001");
      WorkTracker work = ctx.getBean(WorkTracker.class);
      work.start("Иванов", c.assignmentId());
      assertThat(work.live()).singleElement().satisfies(l -> assertThat(l.operator()).isEqualTo("Иванов"));
    });
  }

  @Test
  void aPbxGatewayMakesClickToCallWithTheConfiguredSettings() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of().alwaysOutcome(OriginateOutcome.BUSY);
    runner.withBean(PbxGateway.class, () -> pbx)
        .withPropertyValues("sipring.campaign.click-to-call.context=from-sipring",
            "sipring.campaign.click-to-call.caller-id=74950000000")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          CampaignStore store = ctx.getBean(CampaignStore.class);
          Contact c = firstCard(store, "89160000001");
          CallAttempt open = ctx.getBean(ClickToCall.class).call("Иванов", "501", c.id());
          Eventually.assertWithin(Duration.ofSeconds(10), () -> assertThat(
              store.attempts().byId(open.id()).orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY));
          assertThat(pbx.originated()).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("Local/79160000001@from-sipring");
            assertThat(r.context()).isEqualTo("from-sipring");
            assertThat(r.callerId()).isEqualTo("74950000000");
          });
          // not reached: the guide's "return to unanswered" lists the card without any retry rule allowing it
          assertThat(ctx.getBean(Unanswered.class).list(c.assignmentId(), Unanswered.NOT_REACHED, 0, 20).items())
              .extracting(Contact::id).containsExactly(c.id());
        });
  }

  @Test
  void campaignAdminAuditsChangesAndRunsTheDialerOnThePbxUntilTheContextCloses() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of().alwaysOutcome(OriginateOutcome.ANSWERED);
    ru.sipring.core.audit.AuditLog audit = ru.sipring.core.audit.AuditLog.inMemory();
    runner.withBean(PbxGateway.class, () -> pbx).withBean(ru.sipring.core.audit.AuditLog.class, () -> audit)
        .withPropertyValues("sipring.campaign.dialer-period=10ms", "sipring.campaign.hung-after=0s")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(ru.sipring.campaign.dialer.DialerControl.class);
          CampaignAdmin admin = ctx.getBean(CampaignAdmin.class);
          // always open: the dialer runs on the wall clock here
          AssignmentSettings defaults = new AssignmentSettings(ru.sipring.campaign.CallWindow.always(ZONE),
              ru.sipring.campaign.RetryPolicy.guide(0, Duration.ofMinutes(1)), ru.sipring.campaign.DncScope.ASSIGNMENT);
          long p = admin.create("boss", CampaignAdmin.Level.PROJECT, 0, " Проект ", defaults);
          long t = admin.create("boss", CampaignAdmin.Level.TASK, p, "Задача", defaults);
          long a = admin.create("boss", CampaignAdmin.Level.ASSIGNMENT, t, "Задание", defaults);
          assertThat(admin.tree(false)).singleElement().satisfies(n -> {
            assertThat(n.project().name()).isEqualTo("Проект");
            assertThat(n.tasks()).singleElement().satisfies(tn -> assertThat(tn.assignments()).hasSize(1));
          });
          var r = admin.importContacts("boss", a, "base.csv", "phone;full_name\n89160000001;А\nbad;Б\n"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8), ru.sipring.campaign.csv.ImportOptions.defaults());
          assertThat(r.imported()).isEqualTo(1);
          assertThat(admin.dncAdd("boss", "assignment:" + a, "8 (916) 000-00-09")).isEqualTo("79160000009");
          assertThat(admin.dncNumbers("assignment:" + a)).containsExactly("79160000009");
          assertThatThrownBy(() -> admin.dncAdd("boss", "nowhere:1", "89160000009"))
              .isInstanceOf(ru.sipring.core.BadInputException.class).hasMessageContaining("scope");
          admin.configureDialer("boss", a, ru.sipring.campaign.dialer.DialerSettings.guide("520", "from-internal",
              "1", 0, Duration.ofSeconds(30), Duration.ZERO));
          admin.dialer("boss", a, "start");
          Eventually.until(Duration.ofSeconds(20), "the answered call", () -> admin.progress(a).answeredToday() == 1);
          assertThat(admin.progress(a).placedToday()).isEqualTo(1);
          assertThat(admin.progress(a).dueNow()).isZero();
          WorkTracker work = ctx.getBean(WorkTracker.class);
          var session = work.start("Иванов", a);
          assertThat(admin.live()).singleElement().satisfies(l -> assertThat(l.operator()).isEqualTo("Иванов"));
          Eventually.until(Duration.ofSeconds(20), "a hung session", () -> !admin.hung().isEmpty());
          admin.closeHung("boss", session.id(), null);
          assertThat(admin.live()).isEmpty();
          assertThat(audit.recent(50)).extracting(e -> e.actor() + " " + e.action()).contains(
              "boss campaign.project.create", "boss campaign.import", "boss campaign.dnc.add",
              "boss campaign.dialer.settings", "boss campaign.dialer.start", "boss campaign.session.close");
          CampaignStore store = ctx.getBean(CampaignStore.class);
          ctx.close();
          assertThat(store.dialerStates().find(a))
              .map(ru.sipring.campaign.DialerState::status).contains(ru.sipring.campaign.DialerState.Status.STOPPED);
        });
  }

  @Test
  void aHostsOwnStoreWinsAndItsCardsFollowIt() {
    InMemoryCampaignStore own = new InMemoryCampaignStore();
    runner.withBean(CampaignStore.class, () -> own).run(ctx -> {
      assertThat(ctx.getBean(CampaignStore.class)).isSameAs(own);
      Contact c = firstCard(own, "89160000001");
      assertThat(ctx.getBean(ClientCardStore.class).search(CardQuery.of(c.assignmentId())).total()).isEqualTo(1);
    });
  }

  @Test
  void onADatabaseTheStoresAreSipRingsTablesAndTheCdrReconciliationFillsDialledCalls() {
    try (TestDatabase db = TestDatabase.create("campaign_starter")) {
      createCdrTable(db);
      InMemoryPbxGateway pbx = InMemoryPbxGateway.of().alwaysOutcome(OriginateOutcome.ANSWERED);
      runner.withBean(PbxGateway.class, () -> pbx)
          .withPropertyValues("sipring.database.url=" + db.jdbcUrl(), "sipring.database.username=" + TestDatabase.user(),
              "sipring.database.password=" + TestDatabase.password(), "sipring.database.migrate=true",
              "sipring.campaign.cdr.table=cdr", "sipring.campaign.cdr.period=100ms")
          .run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(CampaignStore.class)).isInstanceOf(JdbiCampaignStore.class);
            assertThat(ctx.getBean(ClientCardStore.class)).isInstanceOf(JdbiClientCards.class);
            assertThat(ctx.getBean(TariffRepository.class)).isInstanceOf(JdbiTariffRepository.class);
            assertThat(ctx.getBean(SipRingCampaignAutoConfiguration.CdrReconcilerRunner.class).isRunning()).isTrue();
            CampaignStore store = ctx.getBean(CampaignStore.class);
            Contact c = firstCard(store, "89160000001");
            CallAttempt open = ctx.getBean(ClickToCall.class).call("Иванов", "501", c.id());
            ctx.getBean(ClickToCall.class).finish(open.id(), ContactStatus.ANSWERED, "перезвонить завтра");
            // Asterisk writes the call's row when it ends: the reconciliation brings its talk time and recording back
            CdrTables.insert(ctx.getBean(DataSource.class), "cdr", List.of(new CdrRecord(
                LocalDateTime.ofInstant(open.startedAt(), ZONE), "\"SipRing\" <74950000000>", "74950000000",
                open.number(), "from-internal", "Local/" + open.number() + "@from-internal-00000001;2",
                "SIP/trunk-00000002", "Dial", "SIP/trunk/" + open.number(), Duration.ofSeconds(75),
                Duration.ofSeconds(61), "ANSWERED", 3, "", "1772442000.12", "", "",
                "out-" + open.number() + ".wav", "", "", "", "", "", "1772442000.11", "", 1)));
            Eventually.assertWithin(Duration.ofSeconds(20), () -> {
              CallAttempt got = store.attempts().byId(open.id()).orElseThrow();
              assertThat(got.billsec()).isEqualTo(61);
              assertThat(got.recording()).isEqualTo("out-" + open.number() + ".wav");
              assertThat(got.note()).isEqualTo("перезвонить завтра");
            });
          });
    }
  }

  private static void createCdrTable(TestDatabase db) {
    if (db.isEmbedded()) {
      // H2 takes the FreePBX columns but not MariaDB's inline KEY clauses, prefix index and table options
      String ddl = CdrTables.FREEPBX_DDL.replaceAll(",\\s*KEY calldate[\\s\\S]*?\\(191\\)\\)", "")
          .replaceAll("\\) ENGINE[^\\n]*$", ")");
      db.execute(String.format(ddl, "cdr"));
    } else {
      CdrTables.createFreePbxTable(db.dataSource(), "cdr");
    }
  }
}
