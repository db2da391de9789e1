package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.core.pbx.QueueCallListener;

/**
 * {@link ScreenPopWiring} subscribed to call events published on the test's thread, as a gateway's notification
 * thread would: no AMI server needed (the CLI's ScreenPopEndToEndTest covers the AMI gateway).
 */
class ScreenPopWiringTest {
  private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");
  private final Events pbx = new Events();
  private final LinkedBlockingQueue<ScreenPop> shown = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();

  /** Delivers each published event to the listeners registered at that moment, on the publishing thread. */
  private static final class Events implements QueueCallEvents {
    private final List<QueueCallListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable addCallListener(QueueCallListener listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }

    void publish(QueueCallEvent event) {
      listeners.forEach(l -> l.onEvent(event));
    }
  }

  private ScreenPopWiring wiring() {
    return ScreenPopWiring.builder(SurveyService.inMemory(Clock.systemUTC()))
        .operators(AgentDirectory.of(Map.of("PJSIP/501", new Operator("501", "Петрова ЛВ"))))
        .listener(pop -> {
          threads.add(Thread.currentThread().getName());
          shown.add(pop);
        })
        .build();
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
      pbx.publish(connected("1.4", "", "Novikov"));

      ScreenPop first = shown.poll(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.call().callId()).isEqualTo("1.2");
      assertThat(first.call().operator()).isEqualTo("501");
      assertThat(first.call().client()).isEqualTo("74950000003");
      ScreenPop second = shown.poll(5, TimeUnit.SECONDS);
      assertThat(second).isNotNull();
      assertThat(second.call().operator()).isEqualTo("Stazhyor");
      ScreenPop third = shown.poll(5, TimeUnit.SECONDS);
      assertThat(third).isNotNull();
      assertThat(third.call().operator()).isEqualTo("Novikov");
    }
    // close waits for the worker, so everything popped has been seen by now
    assertThat(shown).as("abandon and complete are not pops").isEmpty();
    assertThat(threads).containsOnly(ScreenPopWiring.THREAD_NAME);
    pbx.publish(connected("1.5", "PJSIP/501", "Petrova LV"));
    assertThat(pbx.listeners).as("the listener is removed on close").isEmpty();
    assertThat(shown).as("nothing after close").isEmpty();
  }

  @Test
  void theBuilderWiresTheClientBaseAndTheNormaliser() {
    ClientCard card = new ClientCard("42", "Иванов", "74950000003", Map.of("Компания", "Ромашка"));
    ClientCardLookup base = n -> n.equals("74950000003") ? Optional.of(card) : Optional.empty();

    ScreenPopWiring wiring = ScreenPopWiring.builder(SurveyService.inMemory(Clock.systemUTC())).clients(base).build();
    ScreenPop pop = wiring.connected(connected("3.1", "PJSIP/501", "Petrova LV"));
    assertThat(pop.client()).hasValue(card);
    assertThat(pop.call().operator()).as("no directory: the member name").isEqualTo("Petrova LV");

    ScreenPopWiring other = ScreenPopWiring.builder(SurveyService.inMemory(Clock.systemUTC())).clients(base)
        .normaliser(raw -> "x" + raw).build();
    assertThat(other.connected(connected("3.2", "PJSIP/501", "Petrova LV")).client()).isEmpty();
  }

  @Test
  void aSlowPopDoesNotHoldTheGatewaysListenerThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowFinished = new AtomicInteger();
    // a second wiring whose listener hangs (a CRM call): publish must still return before it finishes
    ScreenPopWiring slow = ScreenPopWiring.builder(SurveyService.inMemory(Clock.systemUTC()))
        .listener(pop -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          slowFinished.incrementAndGet();
        })
        .build();
    try (ScreenPopWiring.Subscription s = wiring().subscribe(pbx);
         ScreenPopWiring.Subscription hanging = slow.subscribe(pbx)) {
      pbx.publish(connected("2.1", "PJSIP/501", "Petrova LV"));
      pbx.publish(connected("2.2", "PJSIP/501", "Petrova LV"));
      assertThat(slowFinished).as("publish returned while the slow pop still waits").hasValue(0);
      assertThat(shown.poll(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(shown.poll(5, TimeUnit.SECONDS)).isNotNull();
      release.countDown();
    } finally {
      release.countDown();
    }
  }
}
