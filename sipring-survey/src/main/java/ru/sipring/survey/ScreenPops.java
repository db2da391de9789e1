package ru.sipring.survey;

import ru.sipring.core.text.PhoneNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screen pop on incoming calls: for a call connected to an operator on a queue, finds the client card by the
 * normalised caller number and the queue's scenario, and hands both to the listeners.
 *
 * <p>Wiring: whatever sees the agent-connect moment calls {@link #agentConnected} — the AMI adapter from its
 * {@code AgentConnect} event (queue, uniqueid, caller id, member), or a host from its own call events.
 * A failing client look-up is logged and the pop goes out without a card: the survey must still appear.
 * A listener that throws is logged and the others still run.
 *
 * <p>Thread-safe; listeners may be added and removed at any time.
 */
public final class ScreenPops {
  private static final Logger log = LoggerFactory.getLogger(ScreenPops.class);
  private final SurveyService surveys;
  private final ClientCardLookup lookup;
  private final UnaryOperator<String> normaliser;
  private final List<ScreenPopListener> listeners = new CopyOnWriteArrayList<>();

  private ScreenPops(SurveyService surveys, ClientCardLookup lookup, UnaryOperator<String> normaliser) {
    this.surveys = Objects.requireNonNull(surveys, "surveys");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
  }

  /**
   * Screen pops with {@link ru.sipring.core.text.PhoneNumber#normalize}; pass {@link ClientCardLookup#NONE} without a client base.
   *
   * @param surveys where the survey of the call's queue comes from
   * @param lookup finds the caller's card in the client base
   * @return the screen pops
   */
  public static ScreenPops of(SurveyService surveys, ClientCardLookup lookup) {
    return new ScreenPops(surveys, lookup, PhoneNumber::normalize);
  }

  /**
   * Screen pops with the host's own number normalisation (it must match the client base's).
   *
   * @param surveys where the survey of the call's queue comes from
   * @param lookup finds the caller's card in the client base
   * @param normaliser turns a caller number into the client base's form
   * @return the screen pops
   */
  public static ScreenPops of(SurveyService surveys, ClientCardLookup lookup, UnaryOperator<String> normaliser) {
    return new ScreenPops(surveys, lookup, normaliser);
  }

  /**
   * Registers a listener; it is called on the thread that reports a connection.
   *
   * @param listener the listener
   */
  public void addListener(ScreenPopListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Unregisters a listener; an unknown one is ignored.
   *
   * @param listener the listener
   */
  public void removeListener(ScreenPopListener listener) {
    listeners.remove(listener);
  }

  /**
   * Builds the screen pop for a call without notifying anyone.
   *
   * @param callId the call id
   * @param queue the queue number
   * @param callerNumber the caller number
   * @param operator the operator (agent) name or number
   * @return the screen pop
   */
  public ScreenPop lookUp(String callId, String queue, String callerNumber, String operator) {
    String number = normaliser.apply(callerNumber == null ? "" : callerNumber);
    Optional<ClientCard> card = Optional.empty();
    if (!number.isEmpty()) {
      try {
        card = lookup.findByNumber(number);
      } catch (RuntimeException e) {
        log.warn("client look-up for call {} failed; showing the survey without a card", callId, e);
      }
    }
    return new ScreenPop(CallContext.of(callId, queue, operator, number), callerNumber == null ? "" : callerNumber,
        card, surveys.scenarioForQueue(queue));
  }

  /**
   * An operator was connected to a caller: builds the pop and hands it to every listener, in order.
   *
   * @param callId the call id
   * @param queue the queue number
   * @param callerNumber the caller number
   * @param operator the operator (agent) name or number
   * @return an operator was connected to a caller
   */
  public ScreenPop agentConnected(String callId, String queue, String callerNumber, String operator) {
    ScreenPop pop = lookUp(callId, queue, callerNumber, operator);
    for (ScreenPopListener l : listeners) {
      try {
        l.onScreenPop(pop);
      } catch (RuntimeException e) {
        log.warn("screen-pop listener {} failed for call {}", l, callId, e);
      }
    }
    return pop;
  }
}
