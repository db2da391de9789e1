package ru.sipring.testkit.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.OriginateOutcome;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueMember;

class InMemoryPbxGatewayTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  private static OriginateRequest call(String channel, String tag) {
    return new OriginateRequest(channel, "from-internal", "700", "\"Sales\" <100>", Duration.ofSeconds(30),
        Map.of(), tag);
  }

  @Test
  void membersFollowAsteriskRules() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock).withQueues("100", "200");
    pbx.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false));
    pbx.addMember(new QueueMember("200", "PJSIP/501", "Petrova", 1, true));

    assertThatThrownBy(() -> pbx.addMember(new QueueMember("100", "PJSIP/501", "Petrova", 0, false)))
        .isInstanceOf(RejectedException.class).hasMessage("Unable to add interface: Already there");
    assertThatThrownBy(() -> pbx.addMember(new QueueMember("999", "PJSIP/501", "Petrova", 0, false)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("No such queue");
    assertThat(pbx.member("200", "PJSIP/501")).get().extracting(InMemoryPbxGateway.MemberState::paused)
        .isEqualTo(true);

    pbx.setPaused("PJSIP/501", null, true, "lunch");
    assertThat(pbx.members()).allSatisfy(m -> {
      assertThat(m.paused()).isTrue();
      assertThat(m.pausedReason()).isEqualTo("lunch");
    });
    pbx.setPaused("PJSIP/501", "100", false, null);
    assertThat(pbx.member("100", "PJSIP/501").orElseThrow().paused()).isFalse();
    assertThatThrownBy(() -> pbx.setPaused("PJSIP/777", null, true, null))
        .isInstanceOf(RejectedException.class).hasMessage("Interface not found");

    pbx.removeMember("100", "PJSIP/501");
    assertThatThrownBy(() -> pbx.removeMember("100", "PJSIP/501"))
        .isInstanceOf(RejectedException.class).hasMessage("Unable to remove interface: Not there");
    assertThat(pbx.members()).hasSize(1);
  }

  @Test
  void scriptedOutcomesByChannelRepeatTheLastOne() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock).outcomesByChannel(
        Map.of("Local/1@out", List.of(OriginateOutcome.BUSY, OriginateOutcome.NO_ANSWER)));
    List<OriginateOutcome> seen = List.of(
        pbx.originate(call("Local/1@out", "a")).toCompletableFuture().join().outcome(),
        pbx.originate(call("Local/1@out", "b")).toCompletableFuture().join().outcome(),
        pbx.originate(call("Local/1@out", "c")).toCompletableFuture().join().outcome(),
        pbx.originate(call("Local/2@out", "d")).toCompletableFuture().join().outcome());
    assertThat(seen).containsExactly(OriginateOutcome.BUSY, OriginateOutcome.NO_ANSWER,
        OriginateOutcome.NO_ANSWER, OriginateOutcome.ANSWERED);
    assertThat(pbx.originated()).extracting(OriginateRequest::tag).containsExactly("a", "b", "c", "d");
  }

  @Test
  void heldCallsCountAsInFlightUntilCompleted() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock).script(r -> InMemoryPbxGateway.Script.hold());
    CompletableFuture<OriginateResult> a = pbx.originate(call("Local/1@out", "a")).toCompletableFuture();
    CompletableFuture<OriginateResult> b = pbx.originate(call("Local/2@out", "b")).toCompletableFuture();
    assertThat(pbx.inFlight()).isEqualTo(2);
    assertThat(pbx.pendingTags()).containsExactly("a", "b");
    assertThat(a).isNotDone();

    pbx.complete("a", OriginateOutcome.CONGESTION);
    assertThat(a.join()).satisfies(r -> {
      assertThat(r.tag()).isEqualTo("a");
      assertThat(r.outcome()).isEqualTo(OriginateOutcome.CONGESTION);
      assertThat(r.at()).isEqualTo(clock.instant());
    });
    assertThat(pbx.inFlight()).isEqualTo(1);
    assertThat(pbx.maxInFlight()).isEqualTo(2);
    pbx.close();
    assertThat(b).isCompletedExceptionally();
  }

  @Test
  void delayedOutcomeArrivesLater() throws Exception {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock)
        .script(r -> InMemoryPbxGateway.Script.after(Duration.ofMillis(50), OriginateOutcome.ANSWERED));
    OriginateResult r = pbx.originate(call("Local/1@out", "x")).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(r.outcome()).isEqualTo(OriginateOutcome.ANSWERED);
    assertThat(r.uniqueId()).isNotNull();
  }

  @Test
  void unreachablePbxThrowsConnectionException() {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock);
    pbx.setReachable(false);
    assertThatThrownBy(() -> pbx.addMember(new QueueMember("100", "PJSIP/1", "A", 0, false)))
        .isInstanceOf(ConnectionException.class);
    assertThatThrownBy(() -> pbx.originate(call("Local/1@out", "x"))).isInstanceOf(ConnectionException.class);
  }

  @Test
  void publishedCallEventsReachListenersOnTheCallingThreadUntilRemovedOrClosed() throws Exception {
    InMemoryPbxGateway pbx = InMemoryPbxGateway.of(clock);
    List<QueueCallEvent> seen = new java.util.ArrayList<>();
    List<String> threads = new java.util.ArrayList<>();
    AutoCloseable handle = pbx.addCallListener(e -> {
      seen.add(e);
      threads.add(Thread.currentThread().getName());
    });
    pbx.addCallListener(e -> {
      throw new IllegalStateException("listener bug");
    });
    QueueCallEvent connected = new QueueCallEvent.AgentConnected("1700000000.1", "6000", "79160000001", "",
        "PJSIP/501", "Petrova", Duration.ofSeconds(12), Duration.ofSeconds(3), clock.instant());

    assertThatThrownBy(() -> pbx.publish(connected)).hasMessage("listener bug");
    assertThat(seen).containsExactly(connected);
    assertThat(threads).containsExactly(Thread.currentThread().getName());

    handle.close();
    QueueCallEvent abandoned = new QueueCallEvent.CallerAbandoned("1700000000.2", "6000", "", 1, 1,
        Duration.ofSeconds(40), clock.instant());
    assertThatThrownBy(() -> pbx.publish(abandoned)).hasMessage("listener bug");
    assertThat(seen).containsExactly(connected);

    pbx.close();
    pbx.publish(abandoned);   // nothing delivered, so the failing listener does not run either
  }
}
