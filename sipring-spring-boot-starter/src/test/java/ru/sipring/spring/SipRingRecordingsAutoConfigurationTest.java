package ru.sipring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.sipring.cdr.CallRecordings;

class SipRingRecordingsAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SipRingRecordingsAutoConfiguration.class));

  @TempDir
  Path monitor;

  @Test
  void noDirectoryNoBean() {
    runner.run(ctx -> assertThat(ctx).doesNotHaveBean(CallRecordings.class));
  }

  @Test
  void theDirectoryMakesAConfinedFinder() throws Exception {
    Files.write(Files.createDirectories(monitor.resolve("2026/03/02")).resolve("q-1-2-1772431200.12.wav"),
        new byte[] {1});
    runner.withPropertyValues("sipring.recordings.directory=" + monitor).run(ctx -> {
      CallRecordings r = ctx.getBean(CallRecordings.class);
      assertThat(r.root()).isEqualTo(monitor.toAbsolutePath().normalize());
      assertThat(r.find("1772431200.12", LocalDate.parse("2026-03-02")).size()).isEqualTo(1);
    });
  }

  @Test
  void aCdrTableWithoutADataSourceFailsNamingTheProperty() {
    runner.withPropertyValues("sipring.recordings.directory=" + monitor, "sipring.recordings.cdr-table=cdr")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("sipring.recordings.cdr-table=cdr needs a DataSource"));
  }

  @Test
  void aHostsOwnFinderWins() {
    CallRecordings own = CallRecordings.inDirectory(monitor.resolve("own"));
    runner.withPropertyValues("sipring.recordings.directory=" + monitor)
        .withBean(CallRecordings.class, () -> own)
        .run(ctx -> assertThat(ctx.getBean(CallRecordings.class)).isSameAs(own));
  }
}
