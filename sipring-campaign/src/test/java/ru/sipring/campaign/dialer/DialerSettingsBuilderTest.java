package ru.sipring.campaign.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.RetryPolicy;

class DialerSettingsBuilderTest {
  @Test
  void unsetOptionsAreTheGuideDefaults() {
    DialerSettings built = DialerSettings.builder("520", "from-internal", "1").build();
    DialerSettings guide = DialerSettings.guide("520", "from-internal", "1", 0, Duration.ofSeconds(30),
        Duration.ZERO);
    assertThat(built).usingRecursiveComparison().ignoringFields("retry").isEqualTo(guide);
    assertThat(built.retry()).as("the assignment's own rules").isNull();
  }

  @Test
  void everyOptionReachesTheSettings() {
    RetryPolicy retry = RetryPolicy.guide(2, Duration.ofMinutes(5));
    DialerSettings s = DialerSettings.builder("6000", "ctx", "74950000000").retry(retry)
        .pauseBetweenNumbers(Duration.ofSeconds(3)).pacing(DialerSettings.Mode.PREDICTIVE, 8, 1.5, 3.0, 0.05)
        .ringTimeout(Duration.ofSeconds(25)).channelTemplate("PJSIP/{number}@trunk").build();
    assertThat(s.retry()).isEqualTo(retry);
    assertThat(s.pauseBetweenNumbers()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.mode()).isEqualTo(DialerSettings.Mode.PREDICTIVE);
    assertThat(s.maxConcurrent()).isEqualTo(8);
    assertThat(s.ratio()).isEqualTo(1.5);
    assertThat(s.maxRatio()).isEqualTo(3.0);
    assertThat(s.abandonCap()).isEqualTo(0.05);
    assertThat(s.ringTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(s.channelTemplate()).isEqualTo("PJSIP/{number}@trunk");
  }

  @Test
  void badPacingIsRefusedAtBuild() {
    assertThatThrownBy(() -> DialerSettings.builder("520", "c", "1")
        .pacing(DialerSettings.Mode.PROGRESSIVE, 0, 1, 1, 0.03).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBuiltDialerNeedsSettings() {
    assertThatThrownBy(() -> Dialer.builder(new ru.sipring.campaign.InMemoryCampaignStore(),
        new ScriptedPbx(), 1).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("settings");
  }
}
