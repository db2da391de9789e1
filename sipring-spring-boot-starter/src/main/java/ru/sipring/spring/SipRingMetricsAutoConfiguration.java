package ru.sipring.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.pbx.LiveQueueMonitor;
import ru.sipring.core.pbx.LiveQueueState;

/**
 * Micrometer metrics (with a MeterRegistry): {@code sipring.report.duration} (timer, tag {@code outcome}),
 * {@code sipring.ami.events} (AMI events processed), per queue {@code sipring.queue.waiting} (callers waiting)
 * and {@code sipring.queue.longest.wait} (seconds). Queue gauges appear when the live state first reports a
 * queue. Stateless: Spring calls its bean methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration(after = {SipRingAmiAutoConfiguration.class, SipRingAutoConfiguration.class},
    afterName = {"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class SipRingMetricsAutoConfiguration {

  /**
   * Times every inbound report.
   *
   * @param registry the meter registry
   * @return the listener {@link InboundReports} calls
   */
  @Bean
  public InboundReports.Listener sipringReportTimer(MeterRegistry registry) {
    Timer ok = Timer.builder("sipring.report.duration").tag("outcome", "success")
        .description("time to read the queue_log and compute an inbound report").register(registry);
    Timer failed = Timer.builder("sipring.report.duration").tag("outcome", "error")
        .description("time to read the queue_log and compute an inbound report").register(registry);
    return (took, error) -> (error ? failed : ok).record(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Live queue gauges and the AMI event counter. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(AmiPbxGateway.class)
  @ConditionalOnBean(AmiPbxGateway.class)
  static class Ami {
    @Bean
    QueueGauges sipringQueueGauges(AmiPbxGateway gateway, MeterRegistry registry) {
      FunctionCounter.builder("sipring.ami.events", gateway, AmiPbxGateway::eventsProcessed)
          .description("AMI events processed").register(registry);
      return new QueueGauges(gateway, registry);
    }
  }

  /** Registers the two gauges of each queue the first time the live state reports it. Thread-safe. */
  static final class QueueGauges implements DisposableBean {
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final AutoCloseable subscription;

    QueueGauges(LiveQueueMonitor monitor, MeterRegistry registry) {
      LiveQueueMonitor.Listener l = state -> register(monitor, registry, state.queue());
      this.subscription = monitor.addListener(l);
      for (LiveQueueState s : monitor.snapshot()) {
        register(monitor, registry, s.queue());
      }
    }

    private void register(LiveQueueMonitor monitor, MeterRegistry registry, String queue) {
      if (!known.add(queue)) {
        return;
      }
      Gauge.builder("sipring.queue.waiting", monitor,
              m -> m.snapshot(queue).map(s -> (double) s.callers().size()).orElse(0.0))
          .tag("queue", queue).description("callers waiting in the queue").register(registry);
      Gauge.builder("sipring.queue.longest.wait", monitor,
              m -> m.snapshot(queue).map(s -> s.longestWait().toMillis() / 1000.0).orElse(0.0))
          .tag("queue", queue).baseUnit("seconds").description("longest wait of a caller in the queue")
          .register(registry);
    }

    @Override
    public void destroy() throws Exception {
      subscription.close();
    }
  }
}
