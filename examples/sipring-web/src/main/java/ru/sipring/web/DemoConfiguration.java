package ru.sipring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.spring.QueueLogProvider;
import ru.sipring.spring.SipRingProperties;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.SimulatedClock;
import ru.sipring.testkit.traffic.CallCentreDay;
import ru.sipring.testkit.traffic.TrafficModel;

/**
 * {@code sipring.web.demo=true} ({@code bin/sipring web --demo}): a simulated call-centre day of today on the
 * fake Asterisk from sipring-testkit. The night is skipped; from 10:00 the day plays at
 * {@code sipring.web.demo-speed} simulated seconds per real second. The panel's AMI gateway is connected to the
 * fake and its reports read the queue_log the fake writes. Because these beans exist, the starter's own AMI
 * gateway and queue_log source back off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sipring.web", name = "demo", havingValue = "true")
class DemoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

  /** The fake PBX, its queue_log and the thread playing the day. */
  static final class Demo implements AutoCloseable {
    final FakeAsterisk pbx;
    final Path queueLog;
    private final QueueLogWriter writer;
    private final Thread player;

    Demo(ZoneId zone, double speed) {
      try {
        queueLog = Files.createTempFile("sipring-demo-", ".queue_log");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LocalDate day = LocalDate.now(zone);
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant live = day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
      SimulatedClock clock = SimulatedClock.at(start, zone);
      writer = QueueLogWriter.toFile(queueLog);
      pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults().withUser("demo", "demo").withLogMemberNameAsAgent(true)
          .withSeed(day.toEpochDay()), clock, writer);
      CallCentreDay sim = new CallCentreDay(TrafficModel.typicalDay(8, 90), pbx.engine(), clock, day.toEpochDay());
      CallCentreDay.Pacer realTime = CallCentreDay.Pacer.realTime(live, speed);
      player = new Thread(() -> {
        try {
          sim.run(day, zone, at -> {
            if (!at.isBefore(live)) {
              realTime.awaitSimulated(at);
            }
          });
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          LOG.warn("demo day stopped: {}", e.getMessage());
        }
      }, "sipring-demo-day");
      player.setDaemon(true);
      player.start();
      LOG.info("demo: fake Asterisk AMI on 127.0.0.1:{} (demo/demo), queue_log {}", pbx.port(), queueLog);
    }

    @Override
    public void close() throws IOException {
      player.interrupt();
      pbx.close();
      writer.close();
      Files.deleteIfExists(queueLog);
    }
  }

  @Bean(destroyMethod = "close")
  Demo sipringDemo(SipRingProperties props, WebProperties web) {
    return new Demo(props.zoneOrDefault(), web.demoSpeed());
  }

  @Bean(destroyMethod = "close")
  AmiPbxGateway sipringAmiGateway(Demo demo) {
    return AmiPbxGateway.start(AmiSettings.of("127.0.0.1", demo.pbx.port(), "demo", "demo"), Clock.systemUTC());
  }

  @Bean
  QueueLogProvider sipringQueueLog(Demo demo) {
    return new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        return QueueLogInput.paths(List.of(demo.queueLog));
      }

      @Override
      public String description() {
        return "demo " + demo.queueLog;
      }

      @Override
      public Fingerprint fingerprint(ZoneId zone) {
        // the fake writes the file as the simulated day goes on: its size tells the report cache
        return Fingerprint.ofFiles(List.of(demo.queueLog));
      }
    };
  }

  /** The demo registry's service password (the demo is a toy on loopback; a real registry gets its own). */
  static final String DEMO_SERVICE_PASSWORD = "demo-service";

  /**
   * web-admin: the embedded database of the demo (in memory), migrated, its operator registry holding the simulated
   * day's operators 501..510 ("Operator 501"...) without PINs and with the service password
   * {@value #DEMO_SERVICE_PASSWORD}, so the registry, user and agent pages have someone to show.
   */
  @Bean(destroyMethod = "close")
  @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(javax.sql.DataSource.class)
  ru.sipring.cdr.DatabasePool sipringDemoDataSource() {
    String url = "jdbc:h2:mem:sipring-demo-" + java.util.UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
        + ";NON_KEYWORDS=DAY,VALUE";
    ru.sipring.cdr.DatabasePool ds = ru.sipring.cdr.Databases.pooled(url, "sa", "");
    ru.sipring.cdr.SipRingSchema.migrate(ds);
    byte[] secret = new byte[32];
    new java.security.SecureRandom().nextBytes(secret);
    ru.sipring.cdr.JdbiOperatorRegistry seed = ru.sipring.cdr.JdbiOperatorRegistry.of(ds,
        ru.sipring.cdr.PinHasher.ofSecret(secret), Clock.systemUTC());
    seed.setServicePassword("", DEMO_SERVICE_PASSWORD);
    for (int n = 501; n <= 510; n++) {
      seed.add(String.valueOf(n), "Operator " + n, null, DEMO_SERVICE_PASSWORD);
    }
    LOG.info("demo: embedded database in memory; operator registry service password '{}'", DEMO_SERVICE_PASSWORD);
    return ds;
  }
}
