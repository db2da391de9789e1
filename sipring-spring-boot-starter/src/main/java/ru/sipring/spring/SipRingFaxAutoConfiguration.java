package ru.sipring.spring;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.cdr.fax.JdbiFaxStores;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.FaxSessions;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.HylaFaxClient;

/**
 * The HylaFAX server (needs sipring-fax), only when {@code sipring.fax.host} is set. Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration(after = {SipRingDatabaseAutoConfiguration.class, SipRingAdminAutoConfiguration.class},
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(HylaFaxClient.class)
@ConditionalOnProperty(prefix = "sipring.fax", name = "host")
@EnableConfigurationProperties(SipRingProperties.class)
public class SipRingFaxAutoConfiguration {

  /**
   * The server of {@code sipring.fax.*}.
   *
   * @param props the properties
   * @param clocks the host's Clock, if any
   * @return where hfaxd is and who logs in
   */
  @Bean
  @ConditionalOnMissingBean
  public FaxServer sipringFaxServer(SipRingProperties props, ObjectProvider<Clock> clocks) {
    SipRingProperties.Fax f = props.fax();
    return new FaxServer(address(f), FaxCredentials.of(f.user(), f.password()),
        clocks.getIfAvailable(Clock::systemUTC), props.zoneOrDefault());
  }

  // ---- fax pages (web-ops): the fax center with the users of sipring.fax.accounts, and the desk the pages use

  /**
   * The fax center's records in SipRing's tables ({@code sipring_fax_*}) when there is a DataSource and sipring-cdr:
   * users and rights, lines and categories, received faxes with their folder (inbox/archive) and category,
   * contacts and lists survive a restart. A member class, so Spring registers it before the in-memory center of the
   * outer class, which then backs off.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbiFaxStores.class)
  @ConditionalOnBean(DataSource.class)
  static class Database {
    @Bean
    @ConditionalOnMissingBean
    FaxCenter sipringFaxCenter(SipRingProperties props, ObjectProvider<Clock> clocks, DataSource dataSource,
        SipRingSchemaReady schema) {
      JdbiFaxStores stores = JdbiFaxStores.of(dataSource);
      return center(props, clocks, b -> b.users(stores.users()).lines(stores.lines())
          .received(stores.received()).contacts(stores.contacts()));
    }
  }

  /**
   * The fax center: the service account of {@code sipring.fax.user} (with {@code sipring.fax.admin-password}
   * when set) reads the receive queue; each user of {@code sipring.fax.accounts} sends as its own hfaxd login.
   * Without a database, users, lines, received-fax records (folder, category) and contacts are kept in memory
   * (with one they are in SipRing's tables, above); the accounts and lines of the properties are saved to it at
   * start-up.
   *
   * @param props the properties
   * @param clocks the host's Clock, if any
   * @return the fax center
   */
  @Bean
  @ConditionalOnMissingBean
  public FaxCenter sipringFaxCenter(SipRingProperties props, ObjectProvider<Clock> clocks) {
    return center(props, clocks, b -> b);
  }

  private static FaxCenter center(SipRingProperties props, ObjectProvider<Clock> clocks,
      java.util.function.UnaryOperator<FaxCenter.Builder> stores) {
    SipRingProperties.Fax f = props.fax();
    FaxServerAddress address = address(f);
    FaxCredentials service = FaxCredentials.of(f.user(), f.password());
    if (f.adminPassword() != null) {
      service = service.withAdmin(f.adminPassword());
    }
    Map<String, FaxCredentials> perUser = new HashMap<>();
    f.accounts().forEach((login, a) -> perUser.put(login, FaxCredentials.of(login, a.password())));
    FaxCenter center = stores.apply(FaxCenter.builder(FaxSessions.of(address, perUser, service))
        .clock(clocks.getIfAvailable(Clock::systemUTC))).build();
    f.lines().forEach((device, name) -> center.lines().save(new FaxLine(device, name, null)));
    f.accounts().forEach((login, a) -> {
      center.users().save(new FaxUser(login, a.name().isBlank() ? login : a.name(), a.email(), a.admin(),
          a.privileged(), a.canDelete(), a.anyModem(), Set.copyOf(a.modems()), Set.copyOf(a.categories())));
      a.categories().forEach(center.lines()::addCategory);
    });
    return center;
  }

  /**
   * The desk the host's fax screens use: the fax user behind a signed-in person, checked uploads, rows to show.
   *
   * @param center the fax center
   * @param props the properties ({@code sipring.fax.panel-users}, {@code sipring.fax.max-upload}, the zone)
   * @param audits the host's audit log (the starter's: the database's or in memory); sends and job and
   *     received-fax actions are recorded there
   * @param clocks the host's Clock, if any
   * @return the desk
   */
  @Bean
  @ConditionalOnMissingBean
  public FaxDesk sipringFaxDesk(FaxCenter center, SipRingProperties props, ObjectProvider<AuditLog> audits,
      ObjectProvider<Clock> clocks) {
    return new FaxDesk(center, props.fax().panelUsers(), props.fax().maxUpload().toBytes(), props.zoneOrDefault(),
        audits.getIfAvailable(AuditLog::inMemory), clocks.getIfAvailable(Clock::systemUTC));
  }

  private static FaxServerAddress address(SipRingProperties.Fax f) {
    String host = f.host();
    if (host == null) {
      // @ConditionalOnProperty made these beans only because sipring.fax.host is set, so this is not reached
      throw new IllegalStateException("sipring.fax.host is not set");
    }
    return new FaxServerAddress(host, f.port());
  }
}
