package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;
import ru.sipring.testkit.time.Eventually;

class SipRingAutoConfigurationTest {
  /** The sample week that ships with the project (examples/data), relative to this module. */
  static final Path DATA = Path.of("..", "examples", "data").toAbsolutePath().normalize();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SipRingDatabaseAutoConfiguration.class, SipRingAutoConfiguration.class,
          SipRingAmiAutoConfiguration.class, SipRingFaxAutoConfiguration.class, SipRingHaAutoConfiguration.class,
          SipRingHealthAutoConfiguration.class, SipRingMetricsAutoConfiguration.class,
          SipRingAdminAutoConfiguration.class));

  @Test
  void propertiesAreBoundAndTheReportReadsTheConfiguredFiles() {
    runner.withPropertyValues("sipring.zone=Europe/Moscow",
            "sipring.queue-log.paths=" + DATA.resolve("queue_log"),
            "sipring.report.agents=" + DATA.resolve("agents.csv"),
            "sipring.report.queues=" + DATA.resolve("queues.csv"),
            "sipring.report.service-level-buckets=10,20,30",
            "sipring.report.short-abandon=5s",
            "sipring.report.service-level-threshold=30s")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          SipRingProperties p = ctx.getBean(SipRingProperties.class);
          assertThat(p.zoneOrDefault()).isEqualTo(ZoneId.of("Europe/Moscow"));
          assertThat(p.report().serviceLevelBuckets()).containsExactly(10, 20, 30);
          assertThat(p.report().shortAbandon()).isEqualTo(Duration.ofSeconds(5));
          assertThat(p.report().todayMaxAge()).isEqualTo(Duration.ofSeconds(5));
          assertThat(ctx.getBean(QueueDayFigures.class).threshold()).isEqualTo(Duration.ofSeconds(30));
          assertThat(p.ami().port()).isEqualTo(5038);
          assertThat(p.queueLog().table()).isEqualTo("queue_log");
          InboundReports reports = ctx.getBean(InboundReports.class);
          InboundReport r = reports.compute(InboundReports.Query.all(p.zoneOrDefault()));
          assertThat(r.summary().answered()).isPositive();
          assertThat(r.serviceLevel().answered()).hasSize(4); // 3 bounds + overflow
          // names came from the CSV files
          assertThat(r.queues()).anySatisfy(q -> assertThat(q.name()).isEqualTo("Отдел продаж"));
          assertThat(reports.source()).contains("queue_log");
          // nothing optional without its property
          assertThat(ctx).doesNotHaveBean(AmiPbxGateway.class).doesNotHaveBean(FaxServer.class)
              .doesNotHaveBean(ClusterView.class).doesNotHaveBean(DataSource.class)
              .doesNotHaveBean(OperatorRegistry.class);
        });
  }

  @Test
  void backsOffWhenTheHostDefinesItsOwnBeans() {
    QueueLogProvider own = new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        return QueueLogInput.path(DATA.resolve("queue_log"));
      }

      @Override
      public String description() {
        return "the host's own";
      }
    };
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of();
    runner.withBean(QueueLogProvider.class, () -> own)
        .withBean(PbxGateway.class, () -> pbx)
        .withPropertyValues("sipring.queue-log.paths=/nonexistent", "sipring.ami.host=127.0.0.1",
            "sipring.ami.secret=x")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(QueueLogProvider.class)).isSameAs(own);
          assertThat(ctx.getBean(InboundReports.class).source()).isEqualTo("the host's own");
          assertThat(ctx).doesNotHaveBean(AmiPbxGateway.class);
          assertThat(ctx.getBean(PbxGateway.class)).isSameAs(pbx);
        });
  }

  @Test
  void noQueueLogConfiguredIsAClearErrorOnUseNotAtStartup() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      InboundReports reports = ctx.getBean(InboundReports.class);
      assertThat(reports.source()).isEqualTo("none");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.compute(InboundReports.Query.all(ZoneId.of("UTC"))))
          .hasMessageContaining("sipring.queue-log.paths");
    });
  }

  @Test
  void amiGatewayWithHealthAndMetricsWhenTheHostIsSet() {
    try (FakeAsterisk pbx = FakeAsterisk.start()) {
      pbx.engine().createQueue("6000", ru.sipring.testkit.queue.QueueEngine.Strategy.RINGALL);
      pbx.engine().join("6000", "70001234567", "caller");
      runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withPropertyValues("sipring.ami.host=127.0.0.1", "sipring.ami.port=" + pbx.port(),
              "sipring.ami.username=sipring", "sipring.ami.secret=sipring-secret")
          .run(ctx -> {
            assertThat(ctx).hasNotFailed();
            AmiPbxGateway gateway = ctx.getBean(AmiPbxGateway.class);
            assertThat(gateway.awaitConnected(Duration.ofSeconds(10))).isTrue();
            // the wallboard's member actions exist with the gateway, audited in memory without a database
            assertThat(ctx).hasSingleBean(ru.sipring.core.admin.QueueMemberActions.class);
            // the fake Asterisk refuses a pause of a non-member as Asterisk does; the attempt is audited
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.getBean(
                ru.sipring.core.admin.QueueMemberActions.class).pause("sv", "6000", "PJSIP/501", "lunch"))
                .isInstanceOf(ru.sipring.core.RejectedException.class);
            assertThat(ctx.getBean(ru.sipring.core.audit.AuditLog.class).recent(1).get(0))
                .satisfies(e -> assertThat(e.action() + " " + e.detail()).startsWith("agent.pause lunch; failed:"));
            HealthIndicator health = ctx.getBean("sipringAmiHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            Eventually.assertWithin(Duration.ofSeconds(10), () -> {
              assertThat(registry.find("sipring.queue.waiting").tag("queue", "6000").gauge()).isNotNull();
              assertThat(registry.get("sipring.queue.waiting").tag("queue", "6000").gauge().value()).isEqualTo(1.0);
            });
            assertThat(registry.get("sipring.queue.longest.wait").tag("queue", "6000").gauge().value()).isNotNegative();
            assertThat(registry.get("sipring.ami.events").functionCounter().count()).isPositive();
          });
    }
  }

  @Test
  void reportDurationsAreTimedIncludingFailures() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("sipring.queue-log.paths=" + DATA.resolve("queue_log"))
        .run(ctx -> {
          ctx.getBean(InboundReports.class).compute(InboundReports.Query.all(ZoneId.of("Europe/Moscow")));
          MeterRegistry registry = ctx.getBean(MeterRegistry.class);
          assertThat(registry.get("sipring.report.duration").tag("outcome", "success").timer().count()).isEqualTo(1);
          assertThat(registry.get("sipring.report.duration").tag("outcome", "error").timer().count()).isZero();
        });
  }

  @Test
  void faxServerAndItsHealthWhenTheHostIsSet() {
    // port 1 on loopback: nothing listens, the indicator must say DOWN with the address
    runner.withPropertyValues("sipring.fax.host=127.0.0.1", "sipring.fax.port=1", "sipring.fax.user=u")
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(FaxServer.class);
          var h = ctx.getBean("sipringFaxHealthIndicator", HealthIndicator.class).health();
          assertThat(h.getStatus()).isEqualTo(Status.DOWN);
          assertThat(h.getDetails().get("server")).hasToString("127.0.0.1:1");
        });
  }

  @Test
  void clusterViewOnlyWhenEnabled() {
    runner.withPropertyValues("sipring.ha.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(ClusterView.class));
    ru.sipring.ha.ClusterStatusSource failing = () -> {
      throw new ru.sipring.core.ConnectionException("pcs: not here");
    };
    runner.withBean(ru.sipring.ha.ClusterStatusSource.class, () -> failing)
        .withPropertyValues("sipring.ha.enabled=true", "sipring.ha.interval=50ms")
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(ClusterView.class);
          HealthIndicator h = ctx.getBean("sipringClusterHealthIndicator", HealthIndicator.class);
          Eventually.assertWithin(Duration.ofSeconds(10), () ->
              assertThat(h.health().getDetails().get("error")).hasToString("pcs: not here"));
          assertThat(h.health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
  }

  @Test
  void databasePoolRegistryTableSourceAndHealth() {
    try (TestDatabase db = TestDatabase.create("starter")) {
      db.execute("CREATE TABLE queue_log (time DATETIME(6), callid VARCHAR(80), queuename VARCHAR(64),"
          + " agent VARCHAR(64), event VARCHAR(32), data1 VARCHAR(100), data2 VARCHAR(100), data3 VARCHAR(100),"
          + " data4 VARCHAR(100), data5 VARCHAR(100))");
      db.execute("INSERT INTO queue_log VALUES ('2026-03-02 09:00:00','1.1','6000','NONE','ENTERQUEUE','','7000123','1','','')",
          "INSERT INTO queue_log VALUES ('2026-03-02 09:00:05','1.1','6000','PJSIP/501','CONNECT','5','1.2','3','','')",
          "INSERT INTO queue_log VALUES ('2026-03-02 09:01:05','1.1','6000','PJSIP/501','COMPLETECALLER','5','60','1','','')");
      runner.withPropertyValues("sipring.database.url=" + db.jdbcUrl(), "sipring.database.username=" + TestDatabase.user(),
              "sipring.database.password=" + TestDatabase.password(), "sipring.database.migrate=true",
              "sipring.zone=Europe/Moscow")
          .run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(DataSource.class).hasSingleBean(OperatorRegistry.class);
            assertThat(ctx.getBean(OperatorRegistry.class).list()).isEmpty();
            // the panel's stores are SipRing's tables (migration V3), and registry edits are audited there
            assertThat(ctx).hasSingleBean(ru.sipring.cdr.admin.JdbiAuditLog.class)
                .hasSingleBean(ru.sipring.cdr.admin.JdbiPanelUserStore.class)
                .hasSingleBean(ru.sipring.cdr.admin.OperatorAdmin.class);
            ctx.getBean(ru.sipring.cdr.admin.OperatorAdmin.class).setServicePassword("admin", null, "svc-pass-1");
            assertThat(ctx.getBean(ru.sipring.core.audit.AuditLog.class).recent(1).get(0).action())
                .isEqualTo("operator.service-password");
            InboundReports reports = ctx.getBean(InboundReports.class);
            assertThat(reports.source()).isEqualTo("table queue_log");
            assertThat(reports.compute(InboundReports.Query.all(ZoneId.of("Europe/Moscow"))).summary().answered())
                .isEqualTo(1);
            assertThat(ctx.getBean("sipringDatabaseHealthIndicator", HealthIndicator.class).health().getStatus())
                .isEqualTo(Status.UP);
            assertThat(ctx.getBean(SipRingProperties.class).database().toString())
                .doesNotContain("password=" + TestDatabase.password()).contains("password=***");
          });
    }
  }

  @Test
  void withoutADatabaseThePanelStoresAreInMemoryAndThereAreNoMemberActionsWithoutAPbx() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(ru.sipring.core.audit.AuditLog.class)
          .hasSingleBean(ru.sipring.core.admin.PanelUserStore.class)
          .doesNotHaveBean(ru.sipring.core.admin.QueueMemberActions.class)
          .doesNotHaveBean(ru.sipring.cdr.admin.OperatorAdmin.class);
      assertThat(ctx.getBean(ru.sipring.core.audit.AuditLog.class).recent(5)).isEmpty();
    });
    ru.sipring.core.audit.AuditLog own = ru.sipring.core.audit.AuditLog.inMemory();
    runner.withBean(ru.sipring.core.audit.AuditLog.class, () -> own)
        .run(ctx -> assertThat(ctx.getBean(ru.sipring.core.audit.AuditLog.class)).isSameAs(own));
  }
}
