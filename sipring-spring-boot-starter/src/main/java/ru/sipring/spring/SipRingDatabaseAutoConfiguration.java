package ru.sipring.spring;

import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.cdr.PinHasher;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.admin.JdbiAuditLog;
import ru.sipring.cdr.admin.JdbiPanelUserStore;
import ru.sipring.cdr.admin.OperatorAdmin;
import ru.sipring.core.admin.PanelUserStore;
import ru.sipring.core.audit.AuditLog;

/**
 * The database side (needs sipring-cdr): SipRing's own pool from {@code sipring.database.url} when the host has
 * no DataSource (Spring's own {@code spring.datasource.*} pool is used when present), schema migration when
 * asked, and the operator registry on the DataSource.
 * Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbiOperatorRegistry.class)
@EnableConfigurationProperties(SipRingProperties.class)
public class SipRingDatabaseAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SipRingDatabaseAutoConfiguration.class);

  /** A pool of {@code sipring.database.*} when the host defines no DataSource. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "sipring.database", name = "url")
  @ConditionalOnMissingBean(DataSource.class)
  static class Pool {
    @Bean(destroyMethod = "close")
    ru.sipring.cdr.DatabasePool sipringDataSource(SipRingProperties props) {
      SipRingProperties.Database db = props.database();
      String url = db.url();
      if (url == null) {
        // @ConditionalOnProperty made this bean only because sipring.database.url is set, so this is not reached
        throw new IllegalStateException("sipring.database.url is not set");
      }
      return Databases.pooled(url, db.username(), db.password());
    }
  }

  /**
   * The operator registry on the DataSource; its schema is migrated first when {@code sipring.database.migrate}.
   *
   * @param dataSource the database
   * @param props the properties
   * @param clocks the host's Clock, if any
   * @param schema the schema, migrated first when asked
   * @return the registry, which is also the agent directory of reports
   */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(OperatorRegistry.class)
  public JdbiOperatorRegistry sipringOperatorRegistry(DataSource dataSource, SipRingProperties props,
      ObjectProvider<Clock> clocks, SipRingSchemaReady schema) {
    SipRingProperties.Database db = props.database();
    PinHasher pins;
    if (db.pinSecretFile() != null) {
      pins = PinHasher.ofSecretFile(db.pinSecretFile());
    } else {
      // no secret: operators are named in reports, but no stored PIN can match (a random key each start)
      byte[] unused = new byte[32];
      new SecureRandom().nextBytes(unused);
      pins = PinHasher.ofSecret(unused);
    }
    return JdbiOperatorRegistry.of(dataSource, pins, clocks.getIfAvailable(Clock::systemUTC));
  }

  /**
   * SipRing's schema on the DataSource, migrated first when {@code sipring.database.migrate}: every store of the
   * database takes this bean, so none is used before its tables exist.
   *
   * @param dataSource the database
   * @param props the properties
   * @return the marker
   */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(SipRingSchemaReady.class)
  public SipRingSchemaReady sipringSchema(DataSource dataSource, SipRingProperties props) {
    if (props.database().migrate()) {
      SipRingSchema.Result r = SipRingSchema.migrate(dataSource);
      LOG.info("SipRing schema at version {} ({} migrations applied)", r.version(), r.applied());
      return new SipRingSchemaReady(r.version());
    }
    return new SipRingSchemaReady("not migrated by the application");
  }

  /**
   * The audit log in SipRing's table {@code sipring_audit}.
   *
   * @param dataSource the database
   * @param schema the schema, migrated first when asked
   * @return the audit log
   */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(AuditLog.class)
  public JdbiAuditLog sipringAuditLog(DataSource dataSource, SipRingSchemaReady schema) {
    return JdbiAuditLog.of(dataSource);
  }

  /**
   * The panel users in SipRing's table {@code sipring_panel_user}.
   *
   * @param dataSource the database
   * @param clocks the host's Clock, if any
   * @param schema the schema, migrated first when asked
   * @return the store
   */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(PanelUserStore.class)
  public JdbiPanelUserStore sipringPanelUserStore(DataSource dataSource, ObjectProvider<Clock> clocks,
      SipRingSchemaReady schema) {
    return JdbiPanelUserStore.of(dataSource, clocks.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The operator registry's edits, each audited.
   *
   * @param registry the operator registry
   * @param audit the audit log
   * @param clocks the host's Clock, if any
   * @return the edits
   */
  @Bean
  @ConditionalOnBean({OperatorRegistry.class, AuditLog.class})
  @ConditionalOnMissingBean(OperatorAdmin.class)
  public OperatorAdmin sipringOperatorAdmin(OperatorRegistry registry, AuditLog audit, ObjectProvider<Clock> clocks) {
    return new OperatorAdmin(registry, audit, clocks.getIfAvailable(Clock::systemUTC));
  }
}
