package ru.sipring.spring;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import ru.sipring.cdr.CallRecordings;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.Recordings;

/**
 * Call recordings (needs sipring-cdr and {@code sipring.recordings.directory}): a {@link CallRecordings} confined
 * to that directory, asking the CDR table {@code sipring.recordings.cdr-table} of the DataSource first when it is
 * set. Stateless: Spring calls its bean method while the context starts; the bean is thread-safe.
 */
@AutoConfiguration(after = SipRingDatabaseAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(CallRecordings.class)
@ConditionalOnProperty(prefix = "sipring.recordings", name = "directory")
@EnableConfigurationProperties(RecordingProperties.class)
public class SipRingRecordingsAutoConfiguration {
  /** Made by Spring. */
  public SipRingRecordingsAutoConfiguration() {
  }

  /**
   * The recordings of {@code sipring.recordings.directory}.
   *
   * @param props the properties
   * @param dataSources the DataSource, used only with {@code sipring.recordings.cdr-table}
   * @return the finder
   * @throws IllegalStateException when a CDR table is named but there is no DataSource
   */
  @Bean
  @ConditionalOnMissingBean
  public CallRecordings sipringCallRecordings(RecordingProperties props, ObjectProvider<DataSource> dataSources) {
    Path dir = Objects.requireNonNull(props.directory(), "sipring.recordings.directory");
    String table = props.cdrTable();
    if (table == null || table.isBlank()) {
      return CallRecordings.inDirectory(dir);
    }
    DataSource ds = dataSources.getIfAvailable();
    if (ds == null) {
      throw new IllegalStateException("sipring.recordings.cdr-table=" + table + " needs a DataSource "
          + "(sipring.database.url or spring.datasource.url)");
    }
    return CallRecordings.of(dir, Recordings.of(JdbiCdrRepository.of(ds, table), dir));
  }
}
