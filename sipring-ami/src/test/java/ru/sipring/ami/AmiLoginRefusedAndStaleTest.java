package ru.sipring.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/** A refused login is not retried; a dropped link marks the live state stale until the resync. */
class AmiLoginRefusedAndStaleTest {
  private FakeAsterisk pbx;
  private AmiPbxGateway gw;

  @AfterEach
  void tearDown() {
    if (gw != null) {
      gw.close();
    }
    if (pbx != null) {
      pbx.close();
    }
  }

  @Test
  void aWrongSecretFailsAtOnceWithoutRetrying() throws InterruptedException {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    AmiSettings wrong = AmiSettings.of("127.0.0.1", pbx.port(), "sipring", "not-the-secret")
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThatThrownBy(() -> AmiPbxGateway.connect(wrong, Clock.systemUTC(), Duration.ofSeconds(30)))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("refused the login of 'sipring'")
        .hasMessageContaining("not retried")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    Thread.sleep(500); // with the 50 ms back-off a retrying gateway would have logged in again several times
    assertThat(pbx.loginCount()).as("successful logins").isZero();
  }

  @Test
  void theRefusalIsVisibleOnAGatewayStartedInTheBackground() {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    gw = AmiPbxGateway.start(AmiSettings.of("127.0.0.1", pbx.port(), "nobody", "x")
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100)), Clock.systemUTC());
    assertThat(gw.awaitConnected(Duration.ofSeconds(30))).isFalse();
    assertThat(gw.loginRefused()).isPresent();
    assertThat(gw.loginAttempts()).hasSize(1);
  }

  @Test
  void aDroppedLinkMarksTheStateStaleAndFreezesWaitsUntilTheResync() throws InterruptedException {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx).withBackoff(Duration.ofSeconds(2),
        Duration.ofSeconds(2)), Clock.systemUTC(), Duration.ofSeconds(20));
    assertThat(gw.staleSince()).isEmpty();
    Instant before = Instant.now();
    pbx.stop();
    Eventually.until(Duration.ofSeconds(10), "the drop noticed", () -> gw.staleSince().isPresent());
    Instant since = gw.staleSince().orElseThrow();
    assertThat(since).isAfterOrEqualTo(before.minusSeconds(1));
    LiveQueueState frozen = gw.snapshot("100").orElseThrow();
    Thread.sleep(1100);
    assertThat(gw.snapshot("100").orElseThrow()).as("no wait counts up while stale").isEqualTo(frozen);
    assertThat(gw.staleSince()).contains(since);
    pbx.restart();
    Eventually.until(Duration.ofSeconds(30), "reconnected", gw::isConnected);
    Eventually.until(Duration.ofSeconds(5), "fresh again", () -> gw.staleSince().isEmpty());
  }
}
