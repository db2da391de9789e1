package ru.sipring.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.ClientCards;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.directory.AgentDirectory;
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
 * Operator workspace: screen pops delivered to the operator's open workspace page. The library's
 * {@link ScreenPopWiring} listens to the PBX gateway's call events (AMI AgentConnect) and builds each pop (client
 * card by the caller's normalised number, the queue's survey); this class keeps the last pops, sends each to the
 * pages of the operator it is for as a server-sent event {@code pop}, and runs the pop's survey through
 * {@link PopSurveys}, so the answers are stored with the call, the operator and the card. Thread-safe.
 */
@Component
class WorkspacePops {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspacePops.class);
  /** Pops kept for their survey; older ones are forgotten (an operator answers a survey during the call). */
  static final int KEPT = 1000;

  /** A pop as the page shows it; every text is outside text, shown with textContent. */
  record PopView(String callId, String queue, String operator, String callerNumber, String clientNumber,
      @Nullable Long cardId, String cardName, Map<String, String> details, @Nullable String surveyId,
      @Nullable String surveyTitle, Instant at) {}

  /** One survey question. */
  record QuestionView(String id, String type, String text, String hint, List<OptionView> options) {}

  /** One option of a question. */
  record OptionView(String id, String label) {}

  /** Where a pop's survey stands: the question to ask now, or finished with the stored response's id. */
  record SurveyStep(String callId, String surveyId, boolean finished, @Nullable String responseId,
      @Nullable QuestionView question) {}

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
  private final Clock clock = Clock.systemUTC();
  private final long refreshMillis;
  private final Map<String, Entry> pops = new LinkedHashMap<>();
  private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
  private final ScreenPopWiring wiring;
  private final ScreenPopWiring.@Nullable Subscription subscription;
  private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sipring-web-workspace");
    t.setDaemon(true);
    return t;
  });
  private volatile @Nullable ClientCards cards;
  private volatile long cardsReadAt;
  private volatile boolean cardsChanged;

  WorkspacePops(SurveyService surveyService, PopSurveys surveys, CampaignStore store,
      ObjectProvider<QueueCallEvents> events, ObjectProvider<OperatorRegistry> registries, WorkspaceProperties props) {
    this.surveys = surveys;
    this.store = store;
    this.refreshMillis = props.cardRefresh().toMillis();
    AgentDirectory operators = agent -> {
      OperatorRegistry r = registries.getIfAvailable();
      return r == null ? Optional.empty() : r.directorySnapshot().operatorOf(agent);
    };
    this.wiring = ScreenPopWiring.builder(surveyService)
        .clients(number -> clientCards().findByNumber(number)
            .map(c -> new ClientCard(c.contactId(), c.name(), c.number(), c.details())))
        .operators(operators)
        .listener(this::deliver)
        .build();
    QueueCallEvents source = events.getIfAvailable();
    this.subscription = source == null ? null : wiring.subscribe(source);
    keepAlive.scheduleWithFixedDelay(this::ping, 15, 15, TimeUnit.SECONDS);
  }

  /** The workspace changed a card: the next pop re-reads the phone index. */
  void cardsChanged() {
    cardsChanged = true;
  }

  private ClientCards clientCards() {
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

  /** The wiring (a host without AMI call events, or a test, may feed it {@code connected(...)}). */
  ScreenPopWiring wiring() {
    return wiring;
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
    send(view.operator(), "pop", view);
  }

  private void send(String operator, String name, Object data) {
    List<SseEmitter> list = emitters.get(operator);
    if (list == null) {
      return;
    }
    for (SseEmitter e : list) {
      try {
        e.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException ex) {
        list.remove(e);
      }
    }
  }

  private void ping() {
    for (List<SseEmitter> list : emitters.values()) {
      for (SseEmitter e : list) {
        try {
          e.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException ex) {
          list.remove(e);
        }
      }
    }
  }

  /** An event stream of the pops for one operator. */
  SseEmitter stream(String operator) {
    SseEmitter e = new SseEmitter(0L);
    List<SseEmitter> list = emitters.computeIfAbsent(operator, k -> new CopyOnWriteArrayList<>());
    list.add(e);
    e.onCompletion(() -> list.remove(e));
    e.onTimeout(() -> list.remove(e));
    e.onError(t -> list.remove(e));
    return e;
  }

  /** The operator's recent pops, newest first. */
  List<PopView> recent(String operator, int max) {
    List<PopView> out = new ArrayList<>();
    synchronized (pops) {
      for (Entry en : pops.values()) {
        if (en.view.operator().equals(operator)) {
          out.add(0, en.view);
        }
      }
    }
    return out.size() > max ? out.subList(0, max) : out;
  }

  private Entry entry(String callId, String operator) {
    Entry en;
    synchronized (pops) {
      en = pops.get(callId);
    }
    if (en == null) {
      throw new NotFoundException("no screen pop for call " + callId);
    }
    if (!en.view.operator().equals(operator)) {
      throw new WorkspaceApi.Forbidden("call " + callId + " was put through to another operator");
    }
    return en;
  }

  PopView pop(String callId, String operator) {
    return entry(callId, operator).view;
  }

  /** Starts (or shows) the survey of the pop's queue. */
  SurveyStep survey(String callId, String operator) {
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
   * Answers the current question; at the end of the scenario the response is stored (with its link to the call,
   * operator and card) and the step says finished.
   */
  SurveyStep answer(String callId, String operator, @Nullable Collection<String> options, @Nullable String text,
      boolean skip) {
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
    SurveyRun run = java.util.Objects.requireNonNull(en.run);
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

  @PreDestroy
  void close() {
    keepAlive.shutdownNow();
    if (subscription != null) {
      subscription.close();
    }
    for (List<SseEmitter> list : emitters.values()) {
      for (SseEmitter e : list) {
        e.complete();
      }
    }
  }
}
