package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ru.sipring.cdr.DatabasePool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.ConnectionException;

/** One process at a time has the embedded database; another waits a bounded time, then is refused clearly. */
class EmbeddedDatabaseLockTest {
  @TempDir Path dir;

  @Test
  void aSecondProcessIsRefusedWhileTheFirstHasItAndGetsItAfterwards() throws Exception {
    Process holder = EmbeddedDatabaseHolder.start(dir);
    try {
      assertThatThrownBy(() -> Databases.embedded(dir, Duration.ofMillis(300)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining(dir.resolve("sipring.mv.db").toString())
          .hasMessageContaining("is in use by another process")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (DatabasePool ds = Databases.embedded(dir, Duration.ZERO)) {
      assertThat(SipRingSchema.migrate(ds).applied()).isPositive();
    }
  }

  @Test
  void aWaitingProcessGetsTheDatabaseWhenTheFirstLetsGo() throws Exception {
    Process holder = EmbeddedDatabaseHolder.start(dir);
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(1_000);
        holder.getOutputStream().close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    release.start();
    try (DatabasePool ds = Databases.embedded(dir, Duration.ofMinutes(2))) {
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).as("the holder had to let go first").isTrue();
      SipRingSchema.migrate(ds);
    } finally {
      release.join();
      holder.destroy();
    }
  }
}
