package ru.sipring.spring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.core.directory.CsvQueueDirectory;
import ru.sipring.core.directory.QueueDirectory;
import ru.sipring.core.queuelog.QueueLogInput;

/**
 * The inbound side every host gets: the queue_log source and {@link InboundReports}. The source is the files
 * of {@code sipring.queue-log.paths}, or the realtime table of the DataSource (see
 * {@link SipRingDatabaseAutoConfiguration}, which runs first). Not thread-related: configuration only.
 */
@AutoConfiguration(after = SipRingDatabaseAutoConfiguration.class)
@EnableConfigurationProperties({SipRingProperties.class, ReportCacheProperties.class})
public class SipRingAutoConfiguration {

  /**
   * The queue_log source of {@code sipring.queue-log.*}.
   *
   * @param props the properties
   * @param dataSources the DataSource, when there is one
   * @return the provider
   */
  @Bean
  @ConditionalOnMissingBean
  public QueueLogProvider sipringQueueLog(SipRingProperties props, ObjectProvider<DataSource> dataSources) {
    SipRingProperties.QueueLog q = props.queueLog();
    SipRingProperties.QueueLogSourceKind kind = q.source();
    if (kind == SipRingProperties.QueueLogSourceKind.AUTO) {
      kind = !q.paths().isEmpty() || dataSources.getIfAvailable() == null
          ? SipRingProperties.QueueLogSourceKind.FILES : SipRingProperties.QueueLogSourceKind.DATABASE;
    }
    if (kind == SipRingProperties.QueueLogSourceKind.DATABASE) {
      DataSource ds = dataSources.getIfAvailable();
      if (ds == null) {
        throw new IllegalStateException("sipring.queue-log.source=database needs a DataSource: set "
            + "sipring.database.url or spring.datasource.url");
      }
      return DatabaseGlue.queueLogTable(ds, q.table());
    }
    return new FileQueueLog(q.paths());
  }

  /**
   * Inbound reports over the configured queue_log, with the cache of {@code sipring.report.cache.*}.
   *
   * @param props the properties
   * @param cache the report cache's properties
   * @param queueLog the source
   * @param directories operator names (the registry, when the database is configured)
   * @param listeners told of each report's duration
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  public InboundReports sipringInboundReports(SipRingProperties props, ReportCacheProperties cache,
      QueueLogProvider queueLog, ObjectProvider<AgentDirectory> directories,
      ObjectProvider<InboundReports.Listener> listeners) {
    SipRingProperties.Report r = props.report();
    AgentDirectory bean = r.agents() != null ? null : directories.getIfUnique();
    // a CSV is read once; a directory bean (the operator registry) may change names while the panel runs
    AgentDirectory agents = r.agents() != null ? CsvAgentDirectory.load(r.agents())
        : bean != null ? bean : AgentDirectory.empty();
    QueueDirectory queues = r.queues() != null ? CsvQueueDirectory.load(r.queues()) : QueueDirectory.empty();
    // the report's as-of instant stays the system clock's, as the CLI's: a host's Clock bean may be a demo's
    return InboundReports.builder(queueLog).agents(agents, bean != null).queues(queues).options(r)
        .listeners(listeners.orderedStream().toList()).cache(cache).build();
  }

  /**
   * Today's answered, lost and service level per queue (wallboard), from the inbound reports.
   *
   * @param props the properties (zone, {@code sipring.report.service-level-threshold}, {@code .today-max-age})
   * @param reports the inbound reports
   * @param clocks the host's Clock, if any
   * @return the figures
   */
  @Bean
  @ConditionalOnMissingBean
  public QueueDayFigures sipringQueueDayFigures(SipRingProperties props, InboundReports reports,
      ObjectProvider<Clock> clocks) {
    return QueueDayFigures.of(reports, props.zoneOrDefault(), props.report().serviceLevelThreshold(),
        props.report().todayMaxAge(), clocks.getIfAvailable(Clock::systemUTC));
  }

  /** queue_log files and directories. */
  static final class FileQueueLog implements QueueLogProvider {
    private final List<Path> paths;

    FileQueueLog(List<Path> paths) {
      this.paths = List.copyOf(paths);
    }

    @Override
    public QueueLogInput input(ZoneId zone) {
      if (paths.isEmpty()) {
        throw new IllegalStateException("no queue_log configured: set sipring.queue-log.paths (files or "
            + "directories) or a database (sipring.database.url)");
      }
      return QueueLogInput.paths(paths);
    }

    @Override
    public String description() {
      return paths.isEmpty() ? "none" : paths.toString();
    }

    @Override
    public @Nullable Fingerprint fingerprint(ZoneId zone) {
      return paths.isEmpty() ? null : Fingerprint.ofFiles(paths);
    }
  }
}
