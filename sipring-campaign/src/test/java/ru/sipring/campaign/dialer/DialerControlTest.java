package ru.sipring.campaign.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.DialerState;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.MutableClock;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.Task;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.OriginateOutcome;

class DialerControlTest {
  private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
  private static final Instant T0 = Instant.parse("2026-01-14T07:00:00Z");

  private InMemoryCampaignStore store;
  private MutableClock clock;
  private ScriptedPbx pbx;
  private Assignment a;
  private DialerControl control;

  @BeforeEach
  void setUp() {
    store = new InMemoryCampaignStore();
    clock = new MutableClock(T0);
    pbx = new ScriptedPbx();
    Project p = store.campaigns().createProject("P");
    Task t = store.campaigns().createTask(p.id(), "T");
    a = store.campaigns().createAssignment(t.id(), "A", new AssignmentSettings(
        CallWindow.daily(MSK, LocalTime.of(9, 0), LocalTime.of(21, 0)), RetryPolicy.guide(0, Duration.ofSeconds(30)),
        DncScope.ASSIGNMENT));
    store.contacts().insertAll(a.id(), java.util.stream.Stream.of("89160000001", "89160000002", "89160000003")
        .map(n -> Contact.of(a.id(), n, Map.of(), Map.of())).toList());
    control = new DialerControl(store, pbx, clock, Duration.ofMillis(5), q -> () -> 0);
  }

  @AfterEach
  void tearDown() {
    control.close();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 2_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(5);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  @Test
  void aDialerNeedsSettingsAndAnAssignment() {
    assertThatThrownBy(() -> control.start(a.id())).isInstanceOf(RejectedException.class)
        .hasMessageContaining("settings");
    assertThatThrownBy(() -> control.start(999)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> control.pause(a.id())).isInstanceOf(RejectedException.class);
    DialerControl.Progress p = control.progress(a.id());
    assertThat(p.status()).isEqualTo(DialerState.Status.STOPPED);
    assertThat(p.configured()).isFalse();
    assertThat(p.dueNow()).isEqualTo(3);
    assertThat(p.placedToday()).isZero();
  }

  @Test
  void startPausesAndStopsWithProgress() throws Exception {
    control.configure(a.id(), DialerSettings.guide("520", "from-internal", "12345678", 0, Duration.ofSeconds(30),
        Duration.ZERO));
    assertThat(control.settings(a.id())).map(DialerSettings::answerExtension).contains("520");
    DialerControl.Progress started = control.start(a.id());
    assertThat(started.status()).isEqualTo(DialerState.Status.RUNNING);
    await(() -> pbx.pending() == 1, "one call placed (fixed mode, one at a time)");
    assertThat(control.progress(a.id()).inProgress()).isEqualTo(1);
    assertThatThrownBy(() -> control.configure(a.id(), DialerSettings.guide("521", "c", "1", 0, Duration.ZERO,
        Duration.ZERO))).isInstanceOf(RejectedException.class);

    pbx.complete("79160000001", OriginateOutcome.ANSWERED, clock.instant());
    await(() -> pbx.requests.size() == 2, "the next client called after the first answered");
    DialerControl.Progress p = control.progress(a.id());
    assertThat(p.placedToday()).isEqualTo(2);
    assertThat(p.answeredToday()).isEqualTo(1);
    assertThat(p.dueNow()).isEqualTo(1); // one answered, one ringing (excluded), one left

    assertThat(control.pause(a.id()).status()).isEqualTo(DialerState.Status.PAUSED);
    pbx.complete("79160000002", OriginateOutcome.BUSY, clock.instant());
    await(() -> control.progress(a.id()).inProgress() == 0, "the call in progress finished while paused");
    assertThat(pbx.requests).hasSize(2); // paused: nobody else called
    assertThat(control.stop(a.id()).status()).isEqualTo(DialerState.Status.STOPPED);
    assertThat(store.dialerStates().find(a.id())).map(DialerState::status).contains(DialerState.Status.STOPPED);

    control.configure(a.id(), DialerSettings.guide("521", "from-internal", "1", 0, Duration.ZERO, Duration.ZERO));
    control.start(a.id());
    await(() -> pbx.requests.size() == 3, "restarted with the new settings");
    assertThat(java.util.Objects.requireNonNull(pbx.last()).extension()).isEqualTo("521");
    control.close();
    assertThat(store.dialerStates().find(a.id())).map(DialerState::status).contains(DialerState.Status.STOPPED);
    assertThatThrownBy(() -> control.start(a.id())).isInstanceOf(RejectedException.class);
  }

  @Test
  void anArchivedAssignmentIsNotDialled() {
    control.configure(a.id(), DialerSettings.guide("520", "c", "1", 0, Duration.ZERO, Duration.ZERO));
    store.campaigns().archiveAssignment(a.id(), true);
    assertThatThrownBy(() -> control.start(a.id())).isInstanceOf(RejectedException.class)
        .hasMessageContaining("archived");
  }

  @Test
  void settingsSurviveARestartOfTheApplication(@TempDir Path dir) throws Exception {
    DialerSettings given = DialerSettings.guide("520", "from-internal", "12345678", 2, Duration.ofSeconds(45),
        Duration.ofSeconds(3));
    control.configure(a.id(), given);
    assertThat(store.dialerSettings().find(a.id())).contains(given);
    control.start(a.id());
    await(() -> pbx.pending() == 1, "one call placed");
    // refused while running: neither this control nor the store takes the new settings
    assertThatThrownBy(() -> control.configure(a.id(), DialerSettings.guide("521", "c", "1", 0, Duration.ZERO,
        Duration.ZERO))).isInstanceOf(RejectedException.class);
    assertThat(store.dialerSettings().find(a.id())).contains(given);
    control.close();
    Path file = dir.resolve("campaign.json");
    store.save(file);

    InMemoryCampaignStore reloaded = InMemoryCampaignStore.load(file);
    clock.advance(Duration.ofSeconds(4)); // past the stored pause between numbers since the last call
    ScriptedPbx pbx2 = new ScriptedPbx();
    try (DialerControl after = new DialerControl(reloaded, pbx2, clock, Duration.ofMillis(5), q -> () -> 0)) {
      assertThat(after.settings(a.id())).contains(given);
      assertThat(after.progress(a.id()).configured()).isTrue();
      after.start(a.id()); // no configure needed after the restart
      await(() -> pbx2.pending() == 1, "the restarted control dials with the stored settings");
      assertThat(java.util.Objects.requireNonNull(pbx2.last()).extension()).isEqualTo("520");
    }
  }
}
