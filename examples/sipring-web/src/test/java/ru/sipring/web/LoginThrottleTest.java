package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void locksANameAtAnAddressAfterTheLimitUntilTheFailuresAgeOut() {
    MovingClock clock = new MovingClock();
    LoginThrottle t = new LoginThrottle(3, Duration.ofMinutes(15), clock);
    for (int i = 0; i < 2; i++) {
      t.failed("Admin", "10.0.0.1");
    }
    assertThat(t.locked("admin", "10.0.0.1")).isFalse();
    t.failed("admin", "10.0.0.1");
    assertThat(t.locked("admin", "10.0.0.1")).isTrue();
    assertThat(t.locked("ADMIN", "10.0.0.1")).as("names are case-insensitive").isTrue();
    assertThat(t.locked("admin", "10.0.0.2")).as("another address is not locked").isFalse();
    assertThat(t.locked("other", "10.0.0.1")).as("another name is not locked").isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(14));
    assertThat(t.locked("admin", "10.0.0.1")).isTrue();
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(t.locked("admin", "10.0.0.1")).isFalse();
  }

  @Test
  void aSuccessForgetsTheFailures() {
    LoginThrottle t = new LoginThrottle(2, Duration.ofMinutes(15), new MovingClock());
    t.failed("op", "127.0.0.1");
    t.succeeded("op", "127.0.0.1");
    t.failed("op", "127.0.0.1");
    assertThat(t.locked("op", "127.0.0.1")).isFalse();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1), new MovingClock()))
        .hasMessageContaining("sipring.web.login-attempts");
  }
}
