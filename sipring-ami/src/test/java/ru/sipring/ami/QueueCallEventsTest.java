package ru.sipring.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvent.AgentCompleted;
import ru.sipring.core.pbx.QueueCallEvent.AgentConnected;
import ru.sipring.core.pbx.QueueCallEvent.CallerAbandoned;
import ru.sipring.core.pbx.QueueCallEvent.CompletedBy;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueEngine;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.SimulatedClock;

/**
 * Queue call events (AgentConnect, AgentComplete, QueueCallerAbandon) from the fake Asterisk through the real
 * asterisk-java client to {@link AmiPbxGateway#addCallListener} listeners.
 */
class QueueCallEventsTest {
  private final SimulatedClock pbxClock = SimulatedClock.at(Instant.parse("2026-11-20T09:00:00Z"));
  private FakeAsterisk pbx;
  private AmiPbxGateway gw;
  private final LinkedBlockingQueue<QueueCallEvent> received = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();

  @BeforeEach
  void setUp() {
    pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults(), pbxClock, QueueLogWriter.inMemory());
    pbx.engine().createQueue("6000", QueueEngine.Strategy.RRMEMORY);
    gw = AmiPbxGateway.connect(AmiPbxGatewayTest.settings(pbx), Clock.systemUTC(), Duration.ofSeconds(20));
    gw.addMember(new QueueMember("6000", "PJSIP/501", "Petrova LV", 0, false));
  }

  @AfterEach
  void tearDown() {
    gw.close();
    pbx.close();
  }

  private QueueCallEvent next() throws InterruptedException {
    QueueCallEvent e = received.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("a queue call event within 10 s").isNotNull();
    return e;
  }

  @Test
  void agentConnectCompleteAndAbandonArriveWithTheirFieldsInOrderOnTheGatewaysThread() throws Exception {
    gw.addCallListener(e -> {
      threads.add(Thread.currentThread().getName());
      received.add(e);
    });
    QueueEngine engine = pbx.engine();
    Instant before = Instant.now();
    String answered = engine.join("6000", "+7 916 000-00-01", "Ivanov Ivan");
    pbxClock.advance(Duration.ofSeconds(12));
    assertThat(engine.offer(answered)).containsExactly("PJSIP/501");
    pbxClock.advance(Duration.ofSeconds(4));
    engine.connect(answered, "PJSIP/501");
    pbxClock.advance(Duration.ofSeconds(95));
    engine.complete(answered, true);
    String abandoned = engine.join("6000", "84950000003", "");
    pbxClock.advance(Duration.ofSeconds(7));
    engine.abandon(abandoned);

    QueueCallEvent first = next();
    assertThat(first).isInstanceOfSatisfying(AgentConnected.class, c -> {
      assertThat(c.callId()).isEqualTo(answered);
      assertThat(c.queue()).isEqualTo("6000");
      assertThat(c.callerNumber()).isEqualTo("+7 916 000-00-01");
      assertThat(c.callerName()).isEqualTo("Ivanov Ivan");
      assertThat(c.memberInterface()).isEqualTo("PJSIP/501");
      assertThat(c.memberName()).isEqualTo("Petrova LV");
      assertThat(c.holdTime()).isEqualTo(Duration.ofSeconds(16));
      assertThat(c.ringTime()).isEqualTo(Duration.ofSeconds(4));
      assertThat(c.at()).isAfterOrEqualTo(before.minusMillis(1));
    });
    assertThat(next()).isInstanceOfSatisfying(AgentCompleted.class, c -> {
      assertThat(c.callId()).isEqualTo(answered);
      assertThat(c.queue()).isEqualTo("6000");
      assertThat(c.callerNumber()).isEqualTo("+7 916 000-00-01");
      assertThat(c.memberInterface()).isEqualTo("PJSIP/501");
      assertThat(c.memberName()).isEqualTo("Petrova LV");
      assertThat(c.holdTime()).isEqualTo(Duration.ofSeconds(16));
      assertThat(c.talkTime()).isEqualTo(Duration.ofSeconds(95));
      assertThat(c.by()).isEqualTo(CompletedBy.AGENT);
    });
    assertThat(next()).isInstanceOfSatisfying(CallerAbandoned.class, a -> {
      assertThat(a.callId()).isEqualTo(abandoned);
      assertThat(a.queue()).isEqualTo("6000");
      assertThat(a.callerNumber()).isEqualTo("84950000003");
      assertThat(a.position()).isEqualTo(1);
      assertThat(a.originalPosition()).isEqualTo(1);
      assertThat(a.holdTime()).isEqualTo(Duration.ofSeconds(7));
    });
    assertThat(List.copyOf(threads)).containsOnly("sipring-ami-calls");
    assertThat(received).isEmpty();
  }

  @Test
  void aSlowCallListenerStallsNeitherAmiResponsesNorLiveStateNorTheEventsItHasNotReachedYet() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    gw.addCallListener(e -> {
      received.add(e);
      try {
        release.await(30, TimeUnit.SECONDS);  // a CRM look-up that hangs
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    });
    QueueEngine engine = pbx.engine();
    String first = engine.join("6000", "+7 916 000-00-01", "");
    engine.offer(first);
    engine.connect(first, "PJSIP/501");
    assertThat(next()).isInstanceOf(AgentConnected.class);   // the listener is now blocked in this event
    engine.complete(first, false);
    String second = engine.join("6000", "84950000003", "");

    try {
      // while the listener hangs: AMI actions are answered and live state follows the PBX
      long t0 = System.nanoTime();
      gw.addMember(new QueueMember("6000", "PJSIP/502", "Ivanov VA", 0, false));
      gw.setPaused("PJSIP/502", "6000", true, "lunch");
      assertThat(gw.memberName("6000", "PJSIP/502")).contains("Ivanov VA");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      ru.sipring.testkit.time.Eventually.until(Duration.ofSeconds(5), "live state with the waiting caller",
          () -> gw.snapshot("6000").orElseThrow().callers().size() == 1
              && gw.snapshot("6000").orElseThrow().members().size() == 2);
      assertThat(received).isEmpty();
    } finally {
      release.countDown();
    }
    // then the events queued behind the slow one arrive, none lost, in order
    assertThat(next()).isInstanceOfSatisfying(AgentCompleted.class,
        c -> assertThat(c.by()).isEqualTo(CompletedBy.CALLER));
    engine.abandon(second);
    assertThat(next()).isInstanceOfSatisfying(CallerAbandoned.class, a -> assertThat(a.callId()).isEqualTo(second));
  }

  @Test
  void aRemovedListenerGetsNothingMoreAndAFailingListenerDoesNotStopTheOthers() throws Exception {
    LinkedBlockingQueue<QueueCallEvent> removedOnes = new LinkedBlockingQueue<>();
    AutoCloseable handle = gw.addCallListener(removedOnes::add);
    gw.addCallListener(e -> {
      throw new IllegalStateException("listener bug");
    });
    gw.addCallListener(received::add);
    handle.close();
    String id = pbx.engine().join("6000", "100", "");
    pbx.engine().offer(id);
    pbx.engine().connect(id, "PJSIP/501");
    pbx.engine().complete(id, true);

    assertThat(next()).isInstanceOf(AgentConnected.class);
    assertThat(next()).isInstanceOf(AgentCompleted.class);
    assertThat(removedOnes).isEmpty();
  }
}
