package ru.sipring.spring;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.call.ClickToCall;
import ru.sipring.campaign.call.ClickToCallSettings;
import ru.sipring.campaign.cards.CardEditor;
import ru.sipring.campaign.cards.ClientCardStore;
import ru.sipring.campaign.cards.InMemoryClientCards;
import ru.sipring.campaign.cards.Unanswered;
import ru.sipring.campaign.tariff.InMemoryTariffRepository;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.cdr.campaign.JdbiClientCards;
import ru.sipring.cdr.campaign.tariff.JdbiTariffRepository;
import ru.sipring.cdr.reconcile.CdrReconciler;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.pbx.LiveQueueMonitor;
import ru.sipring.core.pbx.PbxGateway;
import ru.sipring.campaign.dialer.DialerControl;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The outbound call centre (needs sipring-campaign): the campaign store, client cards, tariffs, the operators' work
 * time, "return to unanswered", click-to-call and the running dialers ({@link DialerControl}) when there is a
 * {@link PbxGateway}, the audited administration ({@link CampaignAdmin}), and the CDR reconciliation when
 * {@code sipring.campaign.cdr.table} is set. With a DataSource everything is stored in SipRing's tables of it (the
 * schema of {@link SipRingSchemaReady}); without one, in memory for the life of the application. Every bean backs
 * off when the host defines its own. Stateless: Spring calls its bean methods while the context starts.
 */
@AutoConfiguration(after = {SipRingDatabaseAutoConfiguration.class, SipRingAmiAutoConfiguration.class,
    SipRingAdminAutoConfiguration.class},
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(CampaignStore.class)
@EnableConfigurationProperties(CampaignProperties.class)
public class SipRingCampaignAutoConfiguration {
  /** Made by Spring. */
  public SipRingCampaignAutoConfiguration() {
  }

  /**
   * The campaign store in SipRing's tables of the DataSource.
   *
   * @param dataSource the database
   * @param schema the schema, migrated first when asked
   * @return the store
   */
  @Bean
  @ConditionalOnClass(JdbiCampaignStore.class)
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(CampaignStore.class)
  public CampaignStore sipringCampaignStore(DataSource dataSource, SipRingSchemaReady schema) {
    return JdbiCampaignStore.of(dataSource);
  }

  /**
   * The campaign store in memory, when there is no DataSource: kept only while the application runs.
   *
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean({CampaignStore.class, DataSource.class})
  public CampaignStore sipringInMemoryCampaignStore() {
    return new InMemoryCampaignStore();
  }

  /**
   * Client cards (search, bulk status, delete) over the same storage as the campaign store.
   *
   * @param store the campaign store
   * @param dataSources the DataSource, used when the store is not in memory
   * @return the card store
   * @throws IllegalStateException when the host's own campaign store is neither in memory nor on a DataSource:
   *     the host then defines its {@link ClientCardStore} too
   */
  @Bean
  @ConditionalOnMissingBean(ClientCardStore.class)
  public ClientCardStore sipringClientCards(CampaignStore store, ObjectProvider<DataSource> dataSources) {
    if (store instanceof InMemoryCampaignStore memory) {
      return new InMemoryClientCards(memory);
    }
    DataSource ds = dataSources.getIfAvailable();
    if (ds == null) {
      throw new IllegalStateException("the campaign store " + store.getClass().getName()
          + " is not SipRing's: define a ClientCardStore bean beside it");
    }
    return JdbiClientCards.of(ds);
  }

  /**
   * The tariff tables (versioned rate tables with validity dates), in the DataSource when there is one.
   *
   * @param dataSources the DataSource
   * @param schemas the schema marker, present with the DataSource
   * @param clocks the host's Clock, if any
   * @return the repository
   */
  @Bean
  @ConditionalOnMissingBean(TariffRepository.class)
  public TariffRepository sipringTariffRepository(ObjectProvider<DataSource> dataSources,
      ObjectProvider<SipRingSchemaReady> schemas, ObjectProvider<Clock> clocks) {
    Clock clock = clocks.getIfAvailable(Clock::systemUTC);
    DataSource ds = dataSources.getIfAvailable();
    if (ds == null) {
      return new InMemoryTariffRepository(clock);
    }
    schemas.getIfAvailable();
    return JdbiTariffRepository.of(ds, clock);
  }

  /**
   * The operators' work time and pauses (the work form's «Начать работу», «Пауза», «Закончить»).
   *
   * @param store the campaign store
   * @param clocks the host's Clock, if any
   * @return the tracker
   */
  @Bean
  @ConditionalOnMissingBean
  public WorkTracker sipringWorkTracker(CampaignStore store, ObjectProvider<Clock> clocks) {
    return new WorkTracker(store.sessions(), clocks.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The guide's "return to unanswered" list.
   *
   * @param cards the client cards
   * @return the list
   */
  @Bean
  @ConditionalOnMissingBean
  public Unanswered sipringUnanswered(ClientCardStore cards) {
    return new Unanswered(cards);
  }

  /**
   * The work form's card editing (add, edit) and its list of assignments not archived.
   *
   * @param store the campaign store
   * @param cards the client cards on the same storage
   * @return the editor
   */
  @Bean
  @ConditionalOnMissingBean
  public CardEditor sipringCardEditor(CampaignStore store, ClientCardStore cards) {
    return new CardEditor(store, cards);
  }

  /**
   * Click-to-call through the PBX, with the settings of {@code sipring.campaign.click-to-call.*}.
   *
   * @param store the campaign store
   * @param pbx the PBX gateway
   * @param props the properties
   * @param clocks the host's Clock, if any
   * @return the click-to-call operation
   */
  @Bean
  @ConditionalOnBean(PbxGateway.class)
  @ConditionalOnMissingBean
  public ClickToCall sipringClickToCall(CampaignStore store, PbxGateway pbx, CampaignProperties props,
      ObjectProvider<Clock> clocks) {
    CampaignProperties.ClickToCall c = props.clickToCall();
    String template = c.channelTemplate() != null ? c.channelTemplate() : "Local/{number}@" + c.context();
    return new ClickToCall(store, pbx, clocks.getIfAvailable(Clock::systemUTC),
        new ClickToCallSettings(c.context(), c.callerId(), c.ringTimeout(), template));
  }

  /**
   * The running dialers, one per assignment, placing calls through the PBX; stopped when the context closes.
   *
   * @param store the campaign store
   * @param pbx the PBX gateway; when it is also a {@link LiveQueueMonitor}, the progressive and predictive modes
   *     count the free members of the answer extension's queue
   * @param props the properties ({@code sipring.campaign.dialer-period})
   * @param clocks the host's Clock, if any
   * @return the control
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnBean(PbxGateway.class)
  @ConditionalOnMissingBean
  public DialerControl sipringDialerControl(CampaignStore store, PbxGateway pbx, CampaignProperties props,
      ObjectProvider<Clock> clocks) {
    Function<String, IntSupplier> free = pbx instanceof LiveQueueMonitor m ? q -> () -> m.freeMembers(q)
        : q -> () -> 0;
    return new DialerControl(store, pbx, clocks.getIfAvailable(Clock::systemUTC), props.dialerPeriod(), free);
  }

  /**
   * The audited administration of the outbound call centre (the panel's and the API's campaign screens).
   *
   * @param store the campaign store
   * @param work the work sessions
   * @param dialers the running dialers, absent without a PBX
   * @param audits the audit log, in memory when the host has none
   * @param props the properties ({@code sipring.campaign.hung-after})
   * @param clocks the host's Clock, if any
   * @return the administration
   */
  @Bean
  @ConditionalOnMissingBean
  public CampaignAdmin sipringCampaignAdmin(CampaignStore store, WorkTracker work,
      ObjectProvider<DialerControl> dialers, ObjectProvider<AuditLog> audits, CampaignProperties props,
      ObjectProvider<Clock> clocks) {
    return new CampaignAdmin(store, work, dialers.getIfAvailable(), audits.getIfAvailable(AuditLog::inMemory),
        clocks.getIfAvailable(Clock::systemUTC), props.hungAfter());
  }

  /**
   * The CDR reconciliation of {@code sipring.campaign.cdr.table}: polled every {@code period} on its own thread
   * while the application runs, after a first catch-up over {@code catch-up}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(CdrReconciler.class)
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnProperty(prefix = "sipring.campaign.cdr", name = "table")
  public static class Reconciliation {
    /** Made by Spring. */
    public Reconciliation() {
    }

    /**
     * The reconciler of dialled calls against the CDR table.
     *
     * @param store the campaign store
     * @param dataSource the database holding the CDR table
     * @param campaign the campaign properties
     * @param sipring the general properties (the default zone)
     * @param clocks the host's Clock, if any
     * @return the reconciler
     */
    @Bean
    @ConditionalOnMissingBean
    public CdrReconciler sipringCdrReconciler(CampaignStore store, DataSource dataSource, CampaignProperties campaign,
        SipRingProperties sipring, ObjectProvider<Clock> clocks) {
      CampaignProperties.Cdr c = campaign.cdr();
      Clock clock = clocks.getIfAvailable(Clock::systemUTC);
      ZoneId zone = c.zone() != null ? c.zone() : sipring.zoneOrDefault();
      return new CdrReconciler(store, JdbiCdrRepository.of(dataSource, Objects.requireNonNull(c.table())), zone,
          clock, c.tolerance(), c.lookback(), clock.instant().minus(c.catchUp()));
    }

    /**
     * Runs the reconciler every {@code sipring.campaign.cdr.period} while the context runs.
     *
     * @param reconciler the reconciler
     * @param campaign the properties
     * @return the runner
     */
    @Bean
    @ConditionalOnMissingBean
    public CdrReconcilerRunner sipringCdrReconcilerRunner(CdrReconciler reconciler, CampaignProperties campaign) {
      return new CdrReconcilerRunner(reconciler, campaign.cdr().period());
    }
  }

  /**
   * Starts and stops the periodic reconciliation with the application context. Thread-safe.
   */
  public static final class CdrReconcilerRunner implements SmartLifecycle {
    private final CdrReconciler reconciler;
    private final java.time.Duration period;
    private @Nullable ScheduledExecutorService executor;
    private @Nullable ScheduledFuture<?> task;

    CdrReconcilerRunner(CdrReconciler reconciler, java.time.Duration period) {
      this.reconciler = reconciler;
      this.period = period;
    }

    @Override
    public synchronized void start() {
      if (executor != null) {
        return;
      }
      ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sipring-cdr-reconcile");
        t.setDaemon(true);
        return t;
      });
      executor = e;
      task = reconciler.schedule(e, period);
    }

    @Override
    public synchronized void stop() {
      ScheduledFuture<?> t = task;
      if (t != null) {
        t.cancel(false);
      }
      ScheduledExecutorService e = executor;
      if (e != null) {
        e.shutdownNow();
      }
      task = null;
      executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
      return executor != null;
    }
  }
}
