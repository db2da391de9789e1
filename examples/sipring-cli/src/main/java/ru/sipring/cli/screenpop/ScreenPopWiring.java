package ru.sipring.cli.screenpop;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.core.pbx.QueueCallListener;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPops;

/**
 * Host-level wiring of the survey screen pop to the PBX: each {@link QueueCallEvent.AgentConnected} becomes one
 * {@link ScreenPops#agentConnected} call with the call id, the queue, the caller number and the operator number.
 * The events come from the PBX gateway the host already has ({@link #subscribe}: {@code AmiPbxGateway} is a
 * {@link QueueCallEvents}), so the pop needs no AMI session of its own.
 *
 * <p>It lives in the host (the CLI), not in an adapter, because it joins three modules that must stay
 * independent of each other: sipring-ami (the events), sipring-survey (the pop) and sipring-campaign (the
 * client base behind {@link CampaignClientCards}). DESIGN.md §1 lets adapters depend on core only, and neither
 * survey nor campaign depends on the other.
 *
 * <p>The operator is the number an {@link AgentDirectory} gives for the member's interface, else for its member
 * name; without either the member name (or the interface) is passed as it is. Thread-safe; {@link #connected}
 * and {@link #onEvent} run the pop's listeners on the calling thread, a {@link Subscription} on its own.
 */
public final class ScreenPopWiring implements QueueCallListener {
  private static final Logger log = LoggerFactory.getLogger(ScreenPopWiring.class);
  /** The thread a {@link Subscription} runs the pops on. */
  public static final String THREAD_NAME = "sipring-screenpop";

  private final ScreenPops pops;
  private final AgentDirectory operators;

  private ScreenPopWiring(ScreenPops pops, AgentDirectory operators) {
    this.pops = Objects.requireNonNull(pops, "pops");
    this.operators = Objects.requireNonNull(operators, "operators");
  }

  /** Pops through {@code pops}; {@code operators} turns interfaces and member names into operator numbers. */
  public static ScreenPopWiring create(ScreenPops pops, AgentDirectory operators) {
    return new ScreenPopWiring(pops, operators);
  }

  /** One connected call: builds the pop, hands it to the listeners, and returns it. */
  public ScreenPop connected(QueueCallEvent.AgentConnected call) {
    return pops.agentConnected(call.callId(), call.queue(), call.callerNumber(), operatorOf(call));
  }

  /** Pops for {@link QueueCallEvent.AgentConnected}; other call events are not screen pops. */
  @Override
  public void onEvent(QueueCallEvent event) {
    if (event instanceof QueueCallEvent.AgentConnected call) {
      connected(call);
    }
  }

  /**
   * Pops for every agent connect of {@code source} until the subscription is closed. The gateway's listener
   * thread only hands the event over: the pop (client look-up, survey) runs on this subscription's thread
   * {@value #THREAD_NAME}, one call at a time in the PBX's order, so a slow look-up delays neither the
   * gateway's other call listeners nor the AMI connection.
   */
  public Subscription subscribe(QueueCallEvents source) {
    return new Subscription(Objects.requireNonNull(source, "source"));
  }

  /** A running {@link #subscribe subscription}; closing it removes the listener and stops its thread. */
  public final class Subscription implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, THREAD_NAME);
      t.setDaemon(true);
      return t;
    });
    private final AutoCloseable registration;

    private Subscription(QueueCallEvents source) {
      this.registration = source.addCallListener(this::handOver);
    }

    private void handOver(QueueCallEvent event) {
      if (!(event instanceof QueueCallEvent.AgentConnected call)) {
        return;
      }
      try {
        worker.execute(() -> {
          try {
            connected(call);
          } catch (RuntimeException ex) {
            log.warn("screen pop for call {} failed", ru.sipring.core.text.TerminalText.escape(call.callId()), ex);
          }
        });
      } catch (RejectedExecutionException closed) {
        log.debug("agent connect after close ignored: {}", ru.sipring.core.text.TerminalText.escape(String.valueOf(call)));
      }
    }

    @Override
    public void close() {
      try {
        registration.close();
      } catch (Exception e) {
        log.debug("removing the call listener failed: {}", e.toString());
      }
      worker.shutdown();
      try {
        worker.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  String operatorOf(QueueCallEvent.AgentConnected call) {
    Optional<Operator> op = call.memberInterface().isEmpty() ? Optional.empty()
        : operators.operatorOf(call.memberInterface());
    if (op.isEmpty() && !call.memberName().isEmpty()) {
      op = operators.operatorOf(call.memberName());
    }
    return op.map(Operator::number)
        .orElse(call.memberName().isEmpty() ? call.memberInterface() : call.memberName());
  }
}
