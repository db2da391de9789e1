package ru.sipring.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.testkit.ami.AmiMessage;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.Eventually;

/** Connection faults, slow listeners and event bursts, with the real asterisk-java client. */
class AmiResilienceTest {
  private FakeAsterisk pbx;
  private AmiPbxGateway gw;

  private void startPbx(FakeAsterisk.Config config) {
    pbx = FakeAsterisk.start(config, Clock.systemUTC(), QueueLogWriter.inMemory());
    pbx.engine().createQueue("100", QueueEngine.Strategy.RRMEMORY);
  }

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
  void reconnectsAndResyncsAfterTheServerDropsTheConnection() {
    startPbx(FakeAsterisk.Config.defaults());
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));

    pbx.dropConnections();
    // while disconnected the PBX state changes; the resync after reconnect must pick it up
    pbx.engine().addMember("100", "PJSIP/502", "Sidorov", 0, false, null, null, "MANAGER");

    Eventually.until(Duration.ofSeconds(20), "re-logged in", () -> pbx.loginCount() >= 2 && gw.isConnected());
    Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(gw.snapshot("100").orElseThrow().members())
        .extracting(LiveQueueState.Member::memberInterface).containsExactly("PJSIP/501", "PJSIP/502"));
    assertThat(gw.resyncCount()).isGreaterThanOrEqualTo(2);
    gw.removeMember("100", "PJSIP/502");
  }

  @Test
  void reconnectsWhenAsteriskRestartsOnTheSamePortAfterAnOutage() throws InterruptedException {
    startPbx(FakeAsterisk.Config.defaults());
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
    pbx.stop();
    Eventually.until(Duration.ofSeconds(5), "disconnect noticed", () -> !gw.isConnected());
    assertThatThrownBy(() -> gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false)))
        .isInstanceOf(ConnectionException.class);
    Thread.sleep(1500); // longer than asterisk-java's ten quick retries: it is now on its 5 s schedule
    pbx.restart();
    Eventually.until(Duration.ofSeconds(20), "reconnected after restart", gw::isConnected);
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
  }

  @Test
  void afterAnOutageReconnectsOnACappedExponentialBackOffNotAsteriskJavasFixedSchedule() throws Exception {
    startPbx(FakeAsterisk.Config.defaults());
    Duration initial = Duration.ofMillis(200);
    Duration max = Duration.ofMillis(800);
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx).withBackoff(initial, max), Clock.systemUTC(),
        Duration.ofSeconds(20));
    int before = gw.loginAttempts().size();
    Instant dropped = Instant.now();
    pbx.stop();
    Thread.sleep(4000); // asterisk-java alone would have tried ten times in the first 0.5 s, then every 5 s
    pbx.restart();
    Eventually.until(Duration.ofSeconds(20), "reconnected after the outage", gw::isConnected);
    Thread.sleep(300); // a second session (asterisk-java's own reconnect) would show up here

    List<Instant> attempts = gw.loginAttempts().subList(before, gw.loginAttempts().size());
    assertThat(attempts).as("attempts during a 4 s outage with back-off %s..%s", initial, max).hasSizeBetween(4, 12);
    Backoff b = new Backoff(initial, max);
    long first = Duration.between(dropped, attempts.get(0)).toMillis();
    assertThat(first).as("first reconnect after the drop").isBetween(b.ceiling(0).toMillis() / 2 - 20,
        b.ceiling(0).toMillis() + 1000);
    for (int k = 1; k < attempts.size(); k++) {
      long gap = Duration.between(attempts.get(k - 1), attempts.get(k)).toMillis();
      // attempt k failed at once (connection refused) and waited delay(k): half to all of min(max, initial·2^k)
      assertThat(gap).as("gap before attempt %d in %s", k + 1, attempts)
          .isBetween(b.ceiling(k).toMillis() / 2 - 20, b.ceiling(k).toMillis() + 1000);
    }
    assertThat(pbx.loginCount()).as("one session after the restart, not one per reconnect mechanism").isEqualTo(2);
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
  }

  @Test
  void aDroppedConnectionIsReloggedByTheGatewayAfterTheFirstBackOffStep() {
    startPbx(FakeAsterisk.Config.defaults());
    Duration initial = Duration.ofMillis(400);
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx).withBackoff(initial, Duration.ofSeconds(2)),
        Clock.systemUTC(), Duration.ofSeconds(20));
    int before = gw.loginAttempts().size();
    Instant dropped = Instant.now();
    pbx.dropConnections();
    Eventually.until(Duration.ofSeconds(20), "re-logged in", () -> pbx.loginCount() >= 2 && gw.isConnected());
    List<Instant> attempts = gw.loginAttempts();
    assertThat(attempts).hasSizeGreaterThan(before);
    // asterisk-java's own first retry comes after 50 ms; the gateway's after 200..400 ms
    assertThat(Duration.between(dropped, attempts.get(before)).toMillis()).isGreaterThanOrEqualTo(180);
  }

  @Test
  void backOffDoublesToTheCapWithJitterBetweenHalfAndAll() {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThat(java.util.stream.IntStream.range(0, 9).mapToObj(b::ceiling).map(Duration::toMillis))
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    assertThat(b.ceiling(1000)).isEqualTo(Duration.ofSeconds(30)); // no overflow
    assertThat(b.delay(3, 0.0)).isEqualTo(Duration.ofMillis(2000));
    assertThat(b.delay(3, 0.999999)).isEqualTo(Duration.ofMillis(3999));
    assertThat(b.delay(20, 0.5)).isEqualTo(Duration.ofMillis(22500));
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void detectsAHalfOpenConnectionByPingAndReadTimeout() {
    startPbx(FakeAsterisk.Config.defaults());
    AmiSettings s = AmiPbxGatewayTest.settings(pbx).withKeepAlive(Duration.ofMillis(200), Duration.ofMillis(700));
    gw = AmiPbxGateway.connect(s, Clock.systemUTC(), Duration.ofSeconds(20));
    pbx.freezeConnections(); // socket stays open, nothing flows: only the read timeout can notice

    Eventually.until(Duration.ofSeconds(20), "reconnected after read timeout",
        () -> pbx.loginCount() >= 2 && gw.isConnected());
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
  }

  @Test
  void keepsTryingTheFirstLoginUntilAsteriskComesUp() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    gw = AmiPbxGateway.start(AmiSettings.of("127.0.0.1", port, "sipring", "sipring-secret")
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)), Clock.systemUTC());
    assertThat(gw.awaitConnected(Duration.ofMillis(300))).isFalse();
    assertThatThrownBy(() -> gw.addMember(new QueueMember("100", "PJSIP/1", "x", 0, false)))
        .isInstanceOf(ConnectionException.class);
    startPbx(FakeAsterisk.Config.defaults().withPort(port));
    assertThat(gw.awaitConnected(Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void aQueueStatusThatNeverCompletesIsAskedAgain() {
    startPbx(FakeAsterisk.Config.defaults());
    pbx.engine().addMember("100", "PJSIP/501", "Petrova", 0, false, null, null, "MANAGER");
    pbx.ignoreNext("QueueStatus", 1);
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx).withResponseTimeout(Duration.ofMillis(300)),
        Clock.systemUTC(), Duration.ofSeconds(20));
    assertThat(gw.snapshot("100").orElseThrow().members()).hasSize(1);
  }

  @Test
  void wrongSecretIsARefusalNotRetried() {
    startPbx(FakeAsterisk.Config.defaults());
    AmiSettings bad = AmiSettings.of("127.0.0.1", pbx.port(), "sipring", "wrong")
        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(200));
    // a permanent error: retried, it would get the host banned by fail2ban (AmiLoginRefusedAndStaleTest)
    assertThatThrownBy(() -> AmiPbxGateway.connect(bad, Clock.systemUTC(), Duration.ofSeconds(2)))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("refused the login");
  }

  @Test
  void aSlowListenerStallsNeitherResponsesNorOriginateOutcomesAndGetsTheNewestState() throws Exception {
    startPbx(FakeAsterisk.Config.defaults());
    pbx.onOriginate(o -> new FakeAsterisk.OriginateScript(4, Duration.ofMillis(20)));
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx).withResponseTimeout(Duration.ofSeconds(1)),
        Clock.systemUTC(), Duration.ofSeconds(20));
    List<LiveQueueState> seen = new CopyOnWriteArrayList<>();
    gw.addListener(s -> {
      seen.add(s);
      try {
        Thread.sleep(3000); // far longer than the response timeout
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    for (int i = 0; i < 5; i++) {
      pbx.engine().join("100", "49500000" + i, "");
    }
    // each action answers although the listener is busy for seconds
    gw.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
    gw.setPaused("PJSIP/501", "100", true, "break");
    gw.removeMember("100", "PJSIP/501");
    OriginateResult r = gw.originate(new OriginateRequest("Local/1@out", "from-internal", "700", "100",
        Duration.ofSeconds(30), Map.of(), "t1")).toCompletableFuture().get(2, TimeUnit.SECONDS);
    assertThat(r.tag()).isEqualTo("t1");
    Eventually.assertWithin(Duration.ofSeconds(5), () ->
        assertThat(gw.snapshot("100").orElseThrow().callers()).hasSize(5));
    // the listener skips what it had no time for but ends on the newest state
    Eventually.assertWithin(Duration.ofSeconds(15), () -> {
      LiveQueueState last = seen.get(seen.size() - 1);
      assertThat(last.callers()).hasSize(5);
      assertThat(last.members()).isEmpty();
    });
    assertThat(seen.size()).isLessThan(9); // 9 changes were made; states were coalesced, not queued
  }

  @Test
  void absorbsA10000EventsPerSecondBurstWithoutLoss() {
    startPbx(FakeAsterisk.Config.defaults());
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
    long before = gw.eventsProcessed();
    int n = 10_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      pbx.emit(AmiMessage.of("Event", "QueueCallerJoin", "Privilege", "agent,all", "Channel",
          "PJSIP/trunk-" + i, "CallerIDNum", "4950" + i, "CallerIDName", "<unknown>", "Uniqueid", "1700000000." + i,
          "Queue", "burst", "Position", String.valueOf(i + 1), "Count", String.valueOf(i + 1)));
      // pace at 10 000 events/s: one batch of 100 events every 10 ms
      if (i % 100 == 99) {
        long due = start + (i + 1) * 100_000L;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
      }
    }
    // Wait on the state itself: the processed-events counter also counts events the gateway's own
    // resync brings in after login, so it can reach n while the last burst event is still in flight.
    Eventually.until(Duration.ofSeconds(30), "all burst events applied",
        () -> gw.eventsProcessed() - before >= n
            && gw.snapshot("burst").map(q -> q.callers().size() == n).orElse(false));
    LiveQueueState burst = gw.snapshot("burst").orElseThrow();
    assertThat(burst.callers()).hasSize(n);
    assertThat(burst.callers().get(n - 1).position()).isEqualTo(n);
  }

  @Test
  void unknownEventsAndHeadersAreHarmless() {
    startPbx(FakeAsterisk.Config.defaults());
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
    pbx.emit(AmiMessage.of("Event", "SomethingFromAsterisk42", "Privilege", "system,all", "Foo", "bar"));
    pbx.emit(AmiMessage.of("Event", "QueueCallerJoin", "Privilege", "agent,all", "Channel", "PJSIP/t-1",
        "CallerIDNum", "123", "Uniqueid", "1.1", "Queue", "100", "Position", "1", "Count", "1",
        "Tenantid", "acme", "BrandNewHeader", "x"));
    Eventually.assertWithin(Duration.ofSeconds(5), () ->
        assertThat(gw.snapshot("100").orElseThrow().callers()).hasSize(1));
  }

  @Test
  void aPendingOriginateFailsWhenTheConnectionIsLost() throws Exception {
    startPbx(FakeAsterisk.Config.defaults());
    pbx.onOriginate(o -> new FakeAsterisk.OriginateScript(4, Duration.ofSeconds(10)));
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
    CompletableFuture<OriginateResult> f = gw.originate(new OriginateRequest("Local/1@out", "from-internal", "700",
        "100", Duration.ofSeconds(30), Map.of(), "t1")).toCompletableFuture();
    Eventually.until(Duration.ofSeconds(5), "originate reached the PBX", () -> pbx.originates().size() == 1);
    pbx.dropConnections();
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionException.class);
  }
}
