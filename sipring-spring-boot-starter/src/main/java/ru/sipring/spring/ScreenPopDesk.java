package ru.sipring.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.ClientCards;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.pbx.QueueCallEvent;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.Option;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.Question;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPopWiring;
import ru.sipring.survey.SurveyRun;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopSurveys;

/**
 * The operators' screen pops, as a workspace screen or a CRM embedding SipRing needs them: the library's
 * {@link ScreenPopWiring} listens to the PBX gateway's call events (AMI AgentConnect) and builds each pop (the
 * client card found by the caller's normalised number in the phone index of the client base, the queue's
 * survey); the desk decides whose pop it is (the operator of the agent, {@link AgentDirectory}), keeps the last
 * {@value #KEPT} pops, hands each to its {@link Listener}s, and runs a pop's survey step by step through
 * {@link PopSurveys}, so the answers are stored with the call, the operator and the card. An operator acts only on
 * his own pops. The phone index is re-read at most every {@code cardRefresh}, or at the next pop after
 * {@link #cardsChanged()}.
 *
 * <p>Thread-safe: pops arrive on the wiring's thread ({@link ScreenPopWiring#THREAD_NAME}) while any thread reads
 * them or answers a survey; the steps of one pop's survey are serialised. Listeners are called on the thread that
 * delivers the pop and must not block. {@link #close()} stops listening to the gateway.
 */
public final class ScreenPopDesk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenPopDesk.class);
  /** Pops kept for their survey; older ones are forgotten (an operator answers a survey during the call). */
  public static final int KEPT = 1000;

  /** Told of every pop, for the operator it is for. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A pop for an operator (called on the delivering thread; must not block).
     *
     * @param operator the operator number the call was put through to
     * @param pop the pop
     */
    void onPop(String operator, PopView pop);
  }

  /**
   * A pop as a screen shows it; every text is outside text (the caller's number, the card's name and fields):
   * escape it where it goes.
   *
   * @param callId the caller channel's uniqueid
   * @param queue the queue the caller waited in
   * @param operator the operator number the call was put through to
   * @param callerNumber the caller's number as the PBX gave it
   * @param clientNumber the caller's normalised number
   * @param cardId the client card's id, or null when no card has the number (or its id is not numeric)
   * @param cardName the client card's name ("" without a card)
   * @param details the client card's fields (empty without a card)
   * @param surveyId the queue's survey, or null when the queue has none
   * @param surveyTitle the survey's title, or null when the queue has none
   * @param at when the pop was made
   */
  public record PopView(String callId, String queue, String operator, String callerNumber, String clientNumber,
      @Nullable Long cardId, String cardName, Map<String, String> details, @Nullable String surveyId,
      @Nullable String surveyTitle, Instant at) {}

  /**
   * One survey question.
   *
   * @param id the question's id
   * @param type {@code single}, {@code multiple} or {@code text}
   * @param text the question
   * @param hint the hint for the operator ("" when none)
   * @param options the options of a choice question (empty for text)
   */
  public record QuestionView(String id, String type, String text, String hint, List<OptionView> options) {}

  /**
   * One option of a question.
   *
   * @param id the option's id
   * @param label its label
   */
  public record OptionView(String id, String label) {}

  /**
   * Where a pop's survey stands: the question to ask now, or finished with the stored response's id.
   *
   * @param callId the pop's call
   * @param surveyId the survey
   * @param finished whether the response is stored
   * @param responseId the stored response's id, null until finished
   * @param question the question to ask now, null when finished
   */
  public record SurveyStep(String callId, String surveyId, boolean finished, @Nullable String responseId,
      @Nullable QuestionView question) {}

  /** The call of a pop was put through to another operator than the one acting on it. */
  public static final class OtherOperatorException extends RejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Another operator's pop.
     *
     * @param message names the call
     */
    public OtherOperatorException(String message) {
      super(message);
    }
  }

  private static final class Entry {
    final ScreenPop pop;
    final PopView view;
    @Nullable SurveyRun run;
    @Nullable String responseId;

    Entry(ScreenPop pop, PopView view) {
      this.pop = pop;
      this.view = view;
    }
  }

  private final PopSurveys surveys;
  private final CampaignStore store;
  private final Clock clock;
  private final long refreshMillis;
  private final Map<String, Entry> pops = new LinkedHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ScreenPopWiring wiring;
  private final ScreenPopWiring.@Nullable Subscription subscription;
  private @Nullable ClientCards cards;
  private long cardsReadAt;
  private volatile boolean cardsChanged;

  private ScreenPopDesk(SurveyService surveyService, PopSurveys surveys, CampaignStore store, AgentDirectory operators,
      @Nullable QueueCallEvents events, Duration cardRefresh, Clock clock) {
    this.surveys = Objects.requireNonNull(surveys, "surveys");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshMillis = cardRefresh.toMillis();
    this.wiring = ScreenPopWiring.builder(surveyService)
        .clients(number -> clientCards().findByNumber(number)
            .map(c -> new ClientCard(c.contactId(), c.name(), c.number(), c.details())))
        .operators(operators)
        .listener(this::deliver)
        .build();
    this.subscription = events == null ? null : wiring.subscribe(events);
  }

  /**
   * A desk listening to {@code events} until closed.
   *
   * @param surveyService the surveys (the queue's survey of each pop)
   * @param surveys runs a pop's survey and stores its answers with the call, operator and card
   * @param store the campaign store whose client base is the phone index of the pops
   * @param operators the operator of an agent (the queue member's interface or name)
   * @param events the call events, usually the PBX gateway; null for a host that feeds {@link #connected} itself
   * @param cardRefresh how often the phone index is re-read at most
   * @param clock the clock of the pops' times and of the index's age
   * @return the running desk; close it to stop
   */
  public static ScreenPopDesk start(SurveyService surveyService, PopSurveys surveys, CampaignStore store,
      AgentDirectory operators, @Nullable QueueCallEvents events, Duration cardRefresh, Clock clock) {
    return new ScreenPopDesk(surveyService, surveys, store, operators, events, cardRefresh, clock);
  }

  /**
   * Adds a listener of the pops.
   *
   * @param listener told of every later pop
   */
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener a listener added before; others are ignored
   */
  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /**
   * One connected call, for a host without a {@link QueueCallEvents} source (or a test): builds the pop and
   * delivers it on the calling thread.
   *
   * @param call the agent-connect event
   * @return the pop
   */
  public PopView connected(QueueCallEvent.AgentConnected call) {
    ScreenPop pop = wiring.connected(call);
    return entry(pop.call().callId()).view;
  }

  /** The client base changed (a card added, edited, deleted): the next pop re-reads the phone index. */
  public void cardsChanged() {
    cardsChanged = true;
  }

  private synchronized ClientCards clientCards() {
    ClientCards c = cards;
    long now = clock.millis();
    if (c == null) {
      c = ClientCards.load(store);
      cards = c;
      cardsReadAt = now;
      cardsChanged = false;
    } else if (cardsChanged || now - cardsReadAt >= refreshMillis) {
      cardsChanged = false;
      c.refresh();
      cardsReadAt = now;
    }
    return c;
  }

  private void deliver(ScreenPop pop) {
    Optional<ClientCard> card = pop.client();
    Long cardId = null;
    if (card.isPresent()) {
      try {
        cardId = Long.valueOf(card.get().clientId());
      } catch (NumberFormatException e) {
        cardId = null;
      }
    }
    Optional<PublishedScenario> s = pop.scenario();
    PopView view = new PopView(pop.call().callId(), pop.call().queue(), pop.call().operator(), pop.callerNumber(),
        pop.call().client(), cardId, card.map(ClientCard::name).orElse(""),
        card.map(ClientCard::details).orElse(Map.of()), s.map(p -> p.scenario().id()).orElse(null),
        s.map(p -> p.scenario().title()).orElse(null), clock.instant());
    synchronized (pops) {
      pops.remove(view.callId());
      pops.put(view.callId(), new Entry(pop, view));
      while (pops.size() > KEPT) {
        pops.remove(pops.keySet().iterator().next());
      }
    }
    for (Listener l : listeners) {
      try {
        l.onPop(view.operator(), view);
      } catch (RuntimeException e) {
        // one broken listener must not keep the pop from the others
        LOG.warn("a screen-pop listener failed on call {}: {}", view.callId(), e.toString());
      }
    }
  }

  /**
   * The operator's kept pops, newest first.
   *
   * @param operator the operator number
   * @return the pops, at most {@value #KEPT}
   */
  public List<PopView> pops(String operator) {
    List<PopView> out = new ArrayList<>();
    synchronized (pops) {
      for (Entry en : pops.values()) {
        if (en.view.operator().equals(operator)) {
          out.add(0, en.view);
        }
      }
    }
    return out;
  }

  /**
   * A kept pop.
   *
   * @param callId the call
   * @return the pop, empty when there is none (never was, or forgotten)
   */
  public Optional<PopView> pop(String callId) {
    synchronized (pops) {
      Entry en = pops.get(callId);
      return en == null ? Optional.empty() : Optional.of(en.view);
    }
  }

  private Entry entry(String callId) {
    Entry en;
    synchronized (pops) {
      en = pops.get(callId);
    }
    if (en == null) {
      throw new NotFoundException("no screen pop for call " + callId);
    }
    return en;
  }

  private Entry entry(String callId, String operator) {
    Entry en = entry(callId);
    if (!en.view.operator().equals(operator)) {
      throw new OtherOperatorException("call " + callId + " was put through to another operator");
    }
    return en;
  }

  /**
   * Starts the survey of the pop's queue, or shows where it stands when started.
   *
   * @param callId the pop's call
   * @param operator the operator acting
   * @return the step
   * @throws NotFoundException when there is no such pop or its queue has no survey
   * @throws OtherOperatorException when the call was put through to another operator
   */
  public SurveyStep survey(String callId, String operator) {
    Entry en = entry(callId, operator);
    synchronized (en) {
      if (en.run == null) {
        en.run = surveys.start(en.pop)
            .orElseThrow(() -> new NotFoundException("queue " + en.pop.call().queue() + " has no survey"));
      }
      return step(en);
    }
  }

  /**
   * Answers (or skips) the current question; at the end of the scenario the response is stored (with its link to
   * the call, operator and card) and the step says finished. A single-choice question takes the first option.
   *
   * @param callId the pop's call
   * @param operator the operator acting
   * @param options the chosen option ids of a choice question, null or empty for none
   * @param text the answer of a text question, null for ""
   * @param skip whether the question is skipped
   * @return the next step
   * @throws NotFoundException when there is no such pop
   * @throws OtherOperatorException when the call was put through to another operator
   * @throws RejectedException when the survey is not started or already finished, or the answer does not fit
   *     the question
   */
  public SurveyStep answer(String callId, String operator, @Nullable Collection<String> options,
      @Nullable String text, boolean skip) {
    Entry en = entry(callId, operator);
    synchronized (en) {
      SurveyRun run = en.run;
      if (run == null) {
        throw new RejectedException("the survey of call " + callId + " is not started");
      }
      if (run.isFinished()) {
        throw new RejectedException("the survey of call " + callId + " is already finished");
      }
      Question q = run.current().orElse(null);
      if (q != null) {
        if (skip) {
          run.skip();
        } else {
          switch (q.type()) {
            case SINGLE -> run.answerSingle(options == null || options.isEmpty() ? "" : options.iterator().next());
            case MULTIPLE -> run.answerMultiple(options == null ? List.of() : options);
            case TEXT -> run.answerText(text == null ? "" : text);
          }
        }
      }
      if (run.atEnd()) {
        en.responseId = run.finish().id();
      }
      return step(en);
    }
  }

  private static SurveyStep step(Entry en) {
    SurveyRun run = Objects.requireNonNull(en.run);
    QuestionView qv = null;
    Optional<Question> q = run.isFinished() ? Optional.empty() : run.current();
    if (q.isPresent()) {
      List<OptionView> options = new ArrayList<>();
      for (Option o : q.get().options()) {
        options.add(new OptionView(o.id(), o.label()));
      }
      qv = new QuestionView(q.get().id(), q.get().type().jsonName(), q.get().text(), q.get().hint(), options);
    }
    return new SurveyStep(en.view.callId(), run.scenario().scenario().id(), run.isFinished(), en.responseId, qv);
  }

  /** Stops listening to the call events and forgets the listeners; the kept pops stay readable. */
  @Override
  public void close() {
    ScreenPopWiring.Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    listeners.clear();
  }
}
