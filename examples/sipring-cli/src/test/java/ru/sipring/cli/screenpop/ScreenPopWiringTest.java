package ru.sipring.cli.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPops;
import ru.sipring.survey.SurveyService;
import ru.sipring.testkit.pbx.InMemoryPbxGateway;

/** {@link ScreenPopWiring} subscribed to the in-memory gateway's call events: no AMI server needed. */
class ScreenPopWiringTest {
  private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");
  private final InMemoryPbxGateway pbx = InMemoryPbxGateway.create();
  private final LinkedBlockingQueue<ScreenPop> shown = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();

  private ScreenPopWiring wiring() {
    ScreenPops pops = ScreenPops.create(SurveyService.inMemory(Clock.systemUTC()),
        CampaignClientCards.load(new InMemoryCampaignStore()));
    pops.addListener(pop -> {
      threads.add(Thread.currentThread().getName());
      shown.add(pop);
    });
    return ScreenPopWiring.create(pops,
        AgentDirectory.of(Map.of("PJSIP/501", new Operator("501", "Петрова ЛВ"))));
  }

  private static QueueCallEvent.AgentConnected connected(String id, String iface, String memberName) {
    return new QueueCallEvent.AgentConnected(id, "6000", "84950000003", "", iface, memberName,
        Duration.ofSeconds(10), Duration.ofSeconds(2), T);
  }

  @Test
  void onlyAgentConnectsPopOnTheSubscriptionsThreadWithTheOperatorNumber() throws Exception {
    try (ScreenPopWiring.Subscription s = wiring().subscribe(pbx)) {
      pbx.publish(new QueueCallEvent.CallerAbandoned("1.1", "6000", "84950000003", 1, 1, Duration.ofSeconds(5), T));
      pbx.publish(connected("1.2", "PJSIP/501", "Petrova LV"));
      pbx.publish(new QueueCallEvent.AgentCompleted("1.2", "6000", "84950000003", "PJSIP/501", "Petrova LV",
          Duration.ofSeconds(10), Duration.ofSeconds(60), QueueCallEvent.CompletedBy.CALLER, T));
      pbx.publish(connected("1.3", "PJSIP/777", "Stazhyor"));

      ScreenPop first = shown.poll(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.call().callId()).isEqualTo("1.2");
      assertThat(first.call().operator()).isEqualTo("501");
      assertThat(first.call().client()).isEqualTo("74950000003");
      ScreenPop second = shown.poll(5, TimeUnit.SECONDS);
      assertThat(second).isNotNull();
      assertThat(second.call().operator()).isEqualTo("Stazhyor");
      assertThat(shown.poll(200, TimeUnit.MILLISECONDS)).isNull();
      assertThat(threads).containsOnly(ScreenPopWiring.THREAD_NAME);
    }
    pbx.publish(connected("1.4", "PJSIP/501", "Petrova LV"));
    assertThat(shown.poll(200, TimeUnit.MILLISECONDS)).as("nothing after close").isNull();
  }

  @Test
  void aSlowPopDoesNotHoldTheGatewaysListenerThread() throws Exception {
    ScreenPopWiring w = wiring();
    CountDownLatch release = new CountDownLatch(1);
    try (ScreenPopWiring.Subscription s = w.subscribe(pbx)) {
      // a second screen-pop listener that hangs (a CRM call): publish still returns at once
      ScreenPops slow = ScreenPops.create(SurveyService.inMemory(Clock.systemUTC()),
          CampaignClientCards.load(new InMemoryCampaignStore()));
      slow.addListener(pop -> {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      try (ScreenPopWiring.Subscription hanging = ScreenPopWiring.create(slow, AgentDirectory.empty()).subscribe(pbx)) {
        long t0 = System.nanoTime();
        pbx.publish(connected("2.1", "PJSIP/501", "Petrova LV"));
        pbx.publish(connected("2.2", "PJSIP/501", "Petrova LV"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(shown.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(shown.poll(5, TimeUnit.SECONDS)).isNotNull();
        release.countDown();
      }
    } finally {
      release.countDown();
    }
  }
}
