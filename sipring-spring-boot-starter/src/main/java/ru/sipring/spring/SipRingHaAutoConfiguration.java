package ru.sipring.spring;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.ha.ClusterControl;
import ru.sipring.ha.ClusterManager;
import ru.sipring.ha.ClusterStatusSource;
import ru.sipring.ha.CommandRunner;
import ru.sipring.ha.ClusterWatcher;
import ru.sipring.ha.HealthChecker;
import ru.sipring.ha.PacemakerTools;

/**
 * The cluster view (needs sipring-ha), only when {@code sipring.ha.enabled=true}. Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration
@ConditionalOnClass(ClusterWatcher.class)
@ConditionalOnProperty(prefix = "sipring.ha", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SipRingProperties.class)
public class SipRingHaAutoConfiguration {

  /**
   * The local pacemaker tools (crm_mon for status, pcs for actions), unless the host gives its own source.
   *
   * @param runner runs the tools
   * @return the status source
   */
  @Bean
  @ConditionalOnMissingBean
  public ClusterStatusSource sipringClusterStatusSource(CommandRunner runner) {
    return PacemakerTools.of(runner, PacemakerTools.Tool.PCS, Duration.ofSeconds(60));
  }

  // ---- cluster pages (web-ops): the command runner and the console the pages use

  /**
   * Runs pacemaker's tools as real processes, unless the host gives its own runner (a test, a remote shell).
   *
   * @return the runner
   */
  @Bean
  @ConditionalOnMissingBean
  public CommandRunner sipringCommandRunner() {
    return CommandRunner.processes();
  }

  /**
   * The console of the host's cluster screens: overview and audited actions that wait up to
   * {@code sipring.ha.settle-timeout} for the cluster to settle. Actions are recorded in the host's
   * {@link AuditLog} bean, or in an in-memory log when the host has none.
   *
   * @param source the status source
   * @param controls the host's {@link ClusterControl} (a {@code PcsdClient}), if any; else the status source when
   *     it is the pacemaker tools, else pcs through the runner
   * @param runner the command runner (daemons, DRBD)
   * @param watcher the watcher (availability)
   * @param audit the host's audit log, if any
   * @param clocks the host's Clock, if any
   * @param props the properties
   * @return the console
   */
  @Bean
  @ConditionalOnMissingBean
  public ClusterConsole sipringClusterConsole(ClusterStatusSource source, ObjectProvider<ClusterControl> controls,
      CommandRunner runner, ClusterWatcher watcher, ObjectProvider<AuditLog> audit, ObjectProvider<Clock> clocks,
      SipRingProperties props) {
    Clock clock = clocks.getIfAvailable(Clock::systemUTC);
    ClusterControl control = controls.getIfAvailable(() -> source instanceof ClusterControl c ? c
        : PacemakerTools.of(runner, PacemakerTools.Tool.PCS, Duration.ofSeconds(60)));
    HealthChecker checker = HealthChecker.withDefaults();
    ClusterManager manager = ClusterManager.builder(source, control).checker(checker)
        .settleTimeout(props.ha().settleTimeout()).clock(clock).build();
    return new ClusterConsole(manager, runner, checker, audit.getIfAvailable(AuditLog::inMemory), clock,
        watcher::availability);
  }

  /**
   * A watcher polling every {@code sipring.ha.interval}.
   *
   * @param source the status source
   * @param clocks the host's Clock, if any
   * @return the watcher, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ClusterWatcher sipringClusterWatcher(ClusterStatusSource source, ObjectProvider<Clock> clocks) {
    return ClusterWatcher.builder(source).clock(clocks.getIfAvailable(Clock::systemUTC)).build();
  }

  /**
   * The newest verdict; starts the watcher once it listens, so the first poll is not missed.
   *
   * @param watcher the watcher
   * @param props the properties
   * @return the view
   */
  @Bean
  @ConditionalOnMissingBean
  public ClusterView sipringClusterView(ClusterWatcher watcher, SipRingProperties props) {
    ClusterView view = new ClusterView(watcher);
    watcher.start(props.ha().interval());
    return view;
  }
}
