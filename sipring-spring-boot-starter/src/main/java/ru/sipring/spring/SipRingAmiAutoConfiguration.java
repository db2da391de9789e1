package ru.sipring.spring;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.pbx.PbxGateway;

/**
 * The AMI gateway (needs sipring-ami), only when {@code sipring.ami.host} is set. The gateway is the PBX gateway
 * and the live queue state at once; it connects in the background and reconnects by itself, so the application
 * starts even when Asterisk is down (the health indicator says so).
 * Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration
@ConditionalOnClass(AmiPbxGateway.class)
@ConditionalOnProperty(prefix = "sipring.ami", name = "host")
@EnableConfigurationProperties(SipRingProperties.class)
public class SipRingAmiAutoConfiguration {

  /**
   * The gateway of {@code sipring.ami.*}.
   *
   * @param props the properties
   * @param clocks the host's Clock, if any
   * @return the gateway, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(PbxGateway.class)
  public AmiPbxGateway sipringAmiGateway(SipRingProperties props, ObjectProvider<Clock> clocks) {
    SipRingProperties.Ami a = props.ami();
    String host = a.host();
    String secret = a.secret();
    if (host == null) {
      // unreachable while @ConditionalOnProperty guards the class; checked so the settings never get a null host
      throw new IllegalStateException("sipring.ami.host is required");
    }
    if (secret == null) {
      throw new IllegalStateException("sipring.ami.secret is required with sipring.ami.host");
    }
    AmiSettings defaults = AmiSettings.of(host, a.port(), a.username(), secret);
    AmiSettings settings = new AmiSettings(host, a.port(), a.username(), secret, a.connectTimeout(),
        defaults.responseTimeout(), defaults.pingInterval(), defaults.readTimeout(), defaults.initialBackoff(),
        defaults.maxBackoff());
    return AmiPbxGateway.start(settings, clocks.getIfAvailable(Clock::systemUTC));
  }
}
