package ru.sipring.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.core.pbx.QueueCallListener;

/**
 * The screen pop wired to the PBX: each {@link QueueCallEvent.AgentConnected} becomes one
 * {@link ScreenPops#agentConnected} call with the call id, the queue, the caller number and the operator number,
 * so the operator sees the caller's client card and the queue's survey. The events come from the PBX gateway the
 * host already has ({@link #subscribe}: {@code AmiPbxGateway} is a {@link QueueCallEvents}), so the pop needs no
 * AMI session of its own; a host with its own call events calls {@link #connected} itself.
 *
 * <p>A host builds it in one statement:
 * <pre>{@code
 * ScreenPopWiring wiring = ScreenPopWiring.builder(surveyService)
 *     .clients(lookup)            // ClientCardLookup; default none
 *     .operators(agentDirectory)  // interface/member name -> operator number; default none
 *     .listener(pop -> ...)       // what the host shows
 *     .build();
 * try (ScreenPopWiring.Subscription s = wiring.subscribe(gateway)) { ... }
 * }</pre>
 *
 * <p>It depends on sipring-core's event and directory interfaces only; the client base (sipring-campaign's
 * {@code ClientCards}, a CRM) comes in as a {@link ClientCardLookup}, so survey and campaign stay independent.
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

  /**
   * Wiring over screen pops the host built itself.
   *
   * @param pops the screen pops (with their client look-up and listeners)
   * @param operators turns interfaces and member names into operator numbers
   * @return the wiring
   */
  public static ScreenPopWiring of(ScreenPops pops, AgentDirectory operators) {
    return new ScreenPopWiring(pops, operators);
  }

  /**
   * Starts a wiring whose pops show the survey {@code surveys} assigns to the call's queue.
   *
   * @param surveys where the queue's scenario comes from
   * @return a builder without a client base, without an operator directory and without listeners
   */
  public static Builder builder(SurveyService surveys) {
    return new Builder(Objects.requireNonNull(surveys, "surveys"));
  }

  /**
   * The screen pops this wiring calls; listeners may be added and removed here at any time.
   *
   * @return the screen pops
   */
  public ScreenPops pops() {
    return pops;
  }

  /**
   * One connected call: builds the pop, hands it to the listeners, and returns it.
   *
   * @param call the agent-connect event
   * @return the pop the listeners got
   */
  public ScreenPop connected(QueueCallEvent.AgentConnected call) {
    return pops.agentConnected(call.callId(), call.queue(), call.callerNumber(), operatorOf(call));
  }

  /**
   * Pops for {@link QueueCallEvent.AgentConnected}; other call events are not screen pops.
   *
   * @param event any call event
   */
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
   *
   * @param source the call events, usually the host's PBX gateway
   * @return the running subscription; close it to stop
   */
  public Subscription subscribe(QueueCallEvents source) {
    return new Subscription(Objects.requireNonNull(source, "source"));
  }

  /**
   * A builder of a {@link ScreenPopWiring}. Not thread-safe: build on one thread, then share the wiring.
   */
  public static final class Builder {
    private final SurveyService surveys;
    private ClientCardLookup clients = ClientCardLookup.NONE;
    private AgentDirectory operators = AgentDirectory.empty();
    private UnaryOperator<String> normaliser = ru.sipring.core.text.PhoneNumber::normalize;
    private final List<ScreenPopListener> listeners = new ArrayList<>();

    private Builder(SurveyService surveys) {
      this.surveys = surveys;
    }

    /**
     * The client base the pop looks the caller up in.
     *
     * @param lookup the look-up by normalised number; {@link ClientCardLookup#NONE} by default
     * @return this builder
     */
    public Builder clients(ClientCardLookup lookup) {
      this.clients = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * The directory that turns a member interface or member name into the operator number on the pop.
     *
     * @param directory the operator directory; {@link AgentDirectory#empty()} by default
     * @return this builder
     */
    public Builder operators(AgentDirectory directory) {
      this.operators = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * How the caller number is normalised before the look-up; it must match the client base's form.
     *
     * @param normaliser the normaliser; {@link ru.sipring.core.text.PhoneNumber#normalize} by default
     * @return this builder
     */
    public Builder normaliser(UnaryOperator<String> normaliser) {
      this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
      return this;
    }

    /**
     * Adds a listener that gets every pop, after the ones added before it.
     *
     * @param listener what the host does with a pop (show it, send it to a browser)
     * @return this builder
     */
    public Builder listener(ScreenPopListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the wiring; the builder may be reused.
     *
     * @return a new wiring with its own {@link ScreenPops}
     */
    public ScreenPopWiring build() {
      ScreenPops pops = ScreenPops.of(surveys, clients, normaliser);
      listeners.forEach(pops::addListener);
      return new ScreenPopWiring(pops, operators);
    }
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
