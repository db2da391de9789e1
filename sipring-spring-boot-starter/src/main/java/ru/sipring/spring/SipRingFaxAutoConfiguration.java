package ru.sipring.spring;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.HylaFaxClient;

/**
 * The HylaFAX server (needs sipring-fax), only when {@code sipring.fax.host} is set. Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration
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
    String host = f.host();
    if (host == null) {
      // @ConditionalOnProperty made this bean only because sipring.fax.host is set, so this is not reached
      throw new IllegalStateException("sipring.fax.host is not set");
    }
    return new FaxServer(new FaxServerAddress(host, f.port()), FaxCredentials.of(f.user(), f.password()),
        clocks.getIfAvailable(Clock::systemUTC), props.zoneOrDefault());
  }
}
