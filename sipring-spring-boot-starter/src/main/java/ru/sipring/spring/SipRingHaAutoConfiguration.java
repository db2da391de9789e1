package ru.sipring.spring;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import ru.sipring.ha.ClusterStatusSource;
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
   * The local pacemaker tools (pcs or crm_mon), unless the host gives its own source.
   *
   * @return the status source
   */
  @Bean
  @ConditionalOnMissingBean
  public ClusterStatusSource sipringClusterStatusSource() {
    return PacemakerTools.local();
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
