package ru.sipring.spring;

import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.ha.HealthReport;
import ru.sipring.ha.Verdict;

/**
 * Health indicators (with spring-boot-actuator): {@code sipringAmi} (the AMI link), {@code sipringDatabase}
 * (a connection of the DataSource is valid), {@code sipringFax} (hfaxd accepts the login),
 * {@code sipringCluster} (the cluster verdict: OK up, DEGRADED up with the reasons, CRITICAL down). Each exists
 * only when the thing it checks does; {@code management.health.sipring.enabled=false} turns them all off.
 * Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration(after = {SipRingAutoConfiguration.class, SipRingDatabaseAutoConfiguration.class,
    SipRingAmiAutoConfiguration.class, SipRingFaxAutoConfiguration.class, SipRingHaAutoConfiguration.class},
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("sipring")
public class SipRingHealthAutoConfiguration {

  /** The AMI link. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(AmiPbxGateway.class)
  @ConditionalOnBean(AmiPbxGateway.class)
  static class Ami {
    @Bean
    @ConditionalOnMissingBean(name = "sipringAmiHealthIndicator")
    HealthIndicator sipringAmiHealthIndicator(AmiPbxGateway gateway) {
      return () -> (gateway.isConnected() ? Health.up() : Health.down().withDetail("error", "not connected to AMI"))
          .withDetail("eventsProcessed", gateway.eventsProcessed())
          .withDetail("resyncs", gateway.resyncCount())
          .build();
    }
  }

  /** The database. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  static class Database {
    @Bean
    @ConditionalOnMissingBean(name = "sipringDatabaseHealthIndicator")
    HealthIndicator sipringDatabaseHealthIndicator(DataSource dataSource) {
      return () -> {
        try (Connection c = dataSource.getConnection()) {
          return c.isValid(5) ? Health.up().withDetail("database", c.getMetaData().getDatabaseProductName()).build()
              : Health.down().withDetail("error", "connection not valid").build();
        } catch (Exception e) {
          return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
      };
    }
  }

  /** hfaxd. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HylaFaxClient.class)
  @ConditionalOnBean(FaxServer.class)
  static class Fax {
    @Bean
    @ConditionalOnMissingBean(name = "sipringFaxHealthIndicator")
    HealthIndicator sipringFaxHealthIndicator(FaxServer server) {
      return () -> {
        try (HylaFaxClient c = server.connect(Duration.ofSeconds(5))) {
          return Health.up().withDetail("server", server.address().toString()).build();
        } catch (RuntimeException e) {
          return Health.down().withDetail("server", server.address().toString())
              .withDetail("error", String.valueOf(e.getMessage())).build();
        }
      };
    }
  }

  /** The cluster verdict. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthReport.class)
  @ConditionalOnBean(ClusterView.class)
  static class Cluster {
    @Bean
    @ConditionalOnMissingBean(name = "sipringClusterHealthIndicator")
    HealthIndicator sipringClusterHealthIndicator(ClusterView view) {
      return () -> {
        HealthReport h = view.health().orElse(null);
        if (h == null) {
          return Health.unknown().withDetail("error", view.lastError().orElse("not polled yet")).build();
        }
        Health.Builder b = h.verdict() == Verdict.CRITICAL ? Health.down() : Health.up();
        b.withDetail("verdict", h.verdict().name())
            .withDetail("reasons", h.reasons().stream().map(String::valueOf).toList());
        view.lastError().ifPresent(e -> b.withDetail("lastPollError", e));
        return b.build();
      };
    }
  }
}
