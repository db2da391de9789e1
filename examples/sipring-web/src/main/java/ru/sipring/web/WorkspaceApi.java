package ru.sipring.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.ClientCards;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.campaign.call.ClickToCall;
import ru.sipring.campaign.cards.CardEditor;
import ru.sipring.campaign.cards.CardPage;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.campaign.cards.ClientCardStore;
import ru.sipring.campaign.cards.Unanswered;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.spring.ScreenPopDesk;

/**
 * The operator workspace as JSON ({@code /api/workspace/**}, roles OPERATOR and ADMIN; feature: operator
 * workspace): the assignments to work on, work time and pauses, the client list (paged, searched, filtered by
 * status), card add/edit/delete, click-to-call and the call's outcome, "return to unanswered", and the screen pops
 * with their survey. The operator is always the signed-in user's ({@link WorkspaceOperators}): nobody acts on
 * another operator's work session, call or pop. Every decision is the library's ({@link WorkTracker},
 * {@link ClientCardStore}, {@link CardEditor}, {@link ClickToCall}, {@link Unanswered}, {@link ScreenPopDesk}).
 */
@RestController
@RequestMapping("/api/workspace")
class WorkspaceApi {
  /** Another operator's call or pop: 403. */
  static final class Forbidden extends RejectedException {
    private static final long serialVersionUID = 1L;

    Forbidden(String message) {
      super(message);
    }
  }

  /** The signed-in user as an operator, the work session and the server's clock (the page's timers start here). */
  record MeView(String user, String operator, @Nullable String extension, boolean canCall, @Nullable WorkView work,
      Instant serverNow) {}

  /** An assignment not archived. */
  record AssignmentView(long id, String project, String task, String assignment, String path) {}

  /** The open work session: the page's timers tick from these instants. */
  record WorkView(long sessionId, long assignmentId, Instant startedAt, boolean paused, @Nullable String pauseReason,
      @Nullable Instant pausedSince, long pausedSecondsBefore, long formSeconds, long computedSeconds,
      Instant serverNow) {}

  /** Start work on an assignment. */
  record StartRequest(long assignmentId) {}

  /** Pause with a reason. */
  record PauseRequest(@Nullable String reason) {}

  /** A card field's key and Russian label. */
  record FieldView(String key, String label) {}

  /** A card as the workspace shows it: every field by key, the custom ones by name. */
  record CardView(long id, long assignmentId, String name, String phone, String phoneNormalized, String status,
      int attempts, @Nullable Instant lastAttemptAt, @Nullable String lastOutcome, Map<String, String> fields,
      Map<String, String> custom) {}

  /** One page of cards. */
  record PageView(List<CardView> items, long total, int page, int size, long pages) {}

  /** A new card or a card's new content: the phone, and field name (key, Russian label or custom) to value. */
  record CardRequest(@Nullable Long assignmentId, @Nullable String phone, @Nullable Map<String, String> fields) {}

  /** Call a client. */
  record CallRequest(long contactId) {}

  /** A call as the workspace follows it. */
  record CallView(long id, long contactId, String number, Instant startedAt, @Nullable Instant endedAt,
      @Nullable String outcome, boolean inProgress, String note) {}

  /** The operator's choice at the end of a call. */
  record FinishRequest(@Nullable String status, @Nullable String note) {}

  /** An answer to the pop survey's current question. */
  record AnswerRequest(@Nullable List<String> options, @Nullable String text, boolean skip) {}

  private final WorkspaceOperators operators;
  private final WorkTracker work;
  private final CampaignStore store;
  private final ClientCardStore cards;
  private final CardEditor editor;
  private final Unanswered unanswered;
  private final ObjectProvider<ClickToCall> clickToCall;
  private final WorkspacePops pops;

  WorkspaceApi(WorkspaceOperators operators, WorkTracker work, CampaignStore store, ClientCardStore cards,
      CardEditor editor, Unanswered unanswered, ObjectProvider<ClickToCall> clickToCall, WorkspacePops pops) {
    this.operators = operators;
    this.work = work;
    this.store = store;
    this.cards = cards;
    this.editor = editor;
    this.unanswered = unanswered;
    this.clickToCall = clickToCall;
    this.pops = pops;
  }

  @GetMapping("/me")
  MeView me(Authentication auth) {
    WorkspaceOperators.Me me = operators.of(auth);
    return new MeView(me.user(), me.operator(), me.extension(),
        me.extension() != null && clickToCall.getIfAvailable() != null,
        work.current(me.operator()).map(WorkspaceApi::work).orElse(null), Instant.now());
  }

  @GetMapping("/assignments")
  List<AssignmentView> assignments() {
    List<AssignmentView> out = new ArrayList<>();
    for (CardEditor.LiveAssignment a : editor.liveAssignments()) {
      out.add(new AssignmentView(a.id(), a.path().project(), a.path().task(), a.path().assignment(),
          a.path().project() + " / " + a.path().task() + " / " + a.path().assignment()));
    }
    return out;
  }

  // ---- work time

  @GetMapping("/work")
  @Nullable WorkView currentWork(Authentication auth) {
    return work.current(operators.of(auth).operator()).map(WorkspaceApi::work).orElse(null);
  }

  @PostMapping("/work/start")
  WorkView start(Authentication auth, @RequestBody StartRequest r) {
    if (store.campaigns().assignment(r.assignmentId()).isEmpty()) {
      throw new NotFoundException("no assignment with id " + r.assignmentId());
    }
    return work(work.start(operators.of(auth).operator(), r.assignmentId()));
  }

  @PostMapping("/work/pause")
  WorkView pause(Authentication auth, @RequestBody PauseRequest r) {
    String reason = r.reason() == null ? "" : r.reason().strip();
    if (reason.isEmpty()) {
      throw new BadInputException("reason", "say why you pause");
    }
    if (reason.length() > 80) {
      throw new BadInputException("reason", "at most 80 characters, was " + reason.length());
    }
    return work(work.pause(operators.of(auth).operator(), reason));
  }

  @PostMapping("/work/resume")
  WorkView resume(Authentication auth) {
    return work(work.resume(operators.of(auth).operator()));
  }

  @PostMapping("/work/stop")
  Map<String, Object> stop(Authentication auth) {
    WorkSession s = work.stop(operators.of(auth).operator());
    Instant end = s.endedAt() == null ? Instant.now() : s.endedAt();
    return Map.of("status", "stopped", "formSeconds", s.formTime(end).toSeconds(),
        "computedSeconds", s.computedTime(end).toSeconds());
  }

  static WorkView work(WorkSession s) {
    Instant now = Instant.now();
    WorkSession.Pause p = s.currentPause();
    Duration before = s.pausedTime(now);
    if (p != null) {
      before = before.minus(Duration.between(p.start(), now));
    }
    return new WorkView(s.id(), s.assignmentId(), s.startedAt(), p != null, p == null ? null : p.reason(),
        p == null ? null : p.start(), Math.max(0, before.toSeconds()), s.formTime(now).toSeconds(),
        s.computedTime(now).toSeconds(), now);
  }

  // ---- cards

  @GetMapping("/fields")
  List<FieldView> fields() {
    List<FieldView> out = new ArrayList<>();
    for (ContactField f : ContactField.values()) {
      if (f != ContactField.PHONE) {
        out.add(new FieldView(f.key(), f.label()));
      }
    }
    return out;
  }

  /**
   * One page of an assignment's cards: {@code q} any field contains it, {@code status} (repeatable) the card's
   * status, {@code field.<name>=text} one field contains the text.
   */
  @GetMapping("/cards")
  PageView cards(@RequestParam long assignment, @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable List<String> status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, @RequestParam Map<String, String> all) {
    CardQuery query = CardQuery.of(assignment);
    if (status != null && !status.isEmpty()) {
      Set<ContactStatus> s = EnumSet.noneOf(ContactStatus.class);
      for (String st : status) {
        if (!st.isBlank()) {
          s.add(status(st));
        }
      }
      query = query.withStatuses(s);
    }
    if (q != null && !q.isBlank()) {
      query = query.withText(q.strip());
    }
    for (Map.Entry<String, String> e : all.entrySet()) {
      if (e.getKey().startsWith("field.") && !e.getValue().isBlank()) {
        query = query.withField(e.getKey().substring("field.".length()), e.getValue().strip());
      }
    }
    return page(cards.search(query.withPage(page, size)));
  }

  @GetMapping("/cards/{id}")
  CardView card(@PathVariable long id) {
    return card(editor.card(id));
  }

  @PostMapping("/cards")
  CardView add(@RequestBody CardRequest r) {
    if (r.assignmentId() == null) {
      throw new BadInputException("assignmentId", "missing");
    }
    Contact c = editor.add(r.assignmentId(), r.phone() == null ? "" : r.phone(),
        r.fields() == null ? Map.of() : r.fields());
    pops.cardsChanged();
    return card(c);
  }

  @PutMapping("/cards/{id}")
  CardView edit(@PathVariable long id, @RequestBody CardRequest r) {
    Contact c = editor.edit(id, r.phone() == null ? "" : r.phone(), r.fields() == null ? Map.of() : r.fields());
    pops.cardsChanged();
    return card(c);
  }

  @DeleteMapping("/cards/{id}")
  Map<String, String> delete(@PathVariable long id) {
    cards.delete(id);
    pops.cardsChanged();
    return Map.of("status", "deleted");
  }

  /** The clients the last call did not reach; {@code outcome} (repeatable) narrows to BUSY, NO_ANSWER... */
  @GetMapping("/unanswered")
  PageView unanswered(@RequestParam long assignment, @RequestParam(required = false) @Nullable List<String> outcome,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    Set<CallOutcome> o = EnumSet.noneOf(CallOutcome.class);
    if (outcome != null) {
      for (String s : outcome) {
        if (!s.isBlank()) {
          try {
            o.add(CallOutcome.valueOf(s.strip().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new BadInputException("outcome", "'" + s + "' is none of " + List.of(CallOutcome.values()));
          }
        }
      }
    }
    return page(unanswered.list(assignment, o, page, size));
  }

  // ---- calls

  @PostMapping("/calls")
  CallView call(Authentication auth, @RequestBody CallRequest r) {
    WorkspaceOperators.Me me = operators.of(auth);
    String ext = WorkspaceOperators.extension(me);
    return call(c2c().call(me.operator(), ext, r.contactId()));
  }

  @GetMapping("/calls/{id}")
  CallView callState(Authentication auth, @PathVariable long id) {
    return call(own(auth, id));
  }

  @PostMapping("/calls/{id}/finish")
  CallView finish(Authentication auth, @PathVariable long id, @RequestBody FinishRequest r) {
    own(auth, id);
    String s = r.status() == null ? "" : r.status();
    return call(c2c().finish(id, status(s), r.note() == null ? "" : r.note()));
  }

  private CallAttempt own(Authentication auth, long attemptId) {
    CallAttempt a = store.attempts().byId(attemptId)
        .orElseThrow(() -> new NotFoundException("no call with id " + attemptId));
    if (!operators.of(auth).operator().equals(a.operator())) {
      throw new Forbidden("call " + attemptId + " is another operator's");
    }
    return a;
  }

  private ClickToCall c2c() {
    ClickToCall c = clickToCall.getIfAvailable();
    if (c == null) {
      throw new ConnectionException("no PBX: the panel is not connected to Asterisk (sipring.ami.host)");
    }
    return c;
  }

  // ---- screen pops

  @GetMapping(value = "/pops/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter popStream(Authentication auth) {
    return pops.stream(operators.of(auth).operator());
  }

  @GetMapping("/pops")
  List<ScreenPopDesk.PopView> recentPops(Authentication auth) {
    return pops.recent(operators.of(auth).operator(), 20);
  }

  @GetMapping("/pops/{callId}")
  ScreenPopDesk.PopView pop(Authentication auth, @PathVariable String callId) {
    return pops.pop(callId, operators.of(auth).operator());
  }

  @PostMapping("/pops/{callId}/survey")
  ScreenPopDesk.SurveyStep survey(Authentication auth, @PathVariable String callId) {
    return pops.survey(callId, operators.of(auth).operator());
  }

  @PostMapping("/pops/{callId}/survey/answer")
  ScreenPopDesk.SurveyStep answer(Authentication auth, @PathVariable String callId, @RequestBody AnswerRequest r) {
    return pops.answer(callId, operators.of(auth).operator(), r.options(), r.text(), r.skip());
  }

  // ---- views

  private static ContactStatus status(String s) {
    try {
      return ContactStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("status", "'" + s + "' is none of " + List.of(ContactStatus.values()));
    }
  }

  static CardView card(Contact c) {
    Map<String, String> f = new LinkedHashMap<>();
    c.fields().forEach((k, v) -> f.put(k.key(), v));
    return new CardView(c.id(), c.assignmentId(), ClientCards.name(c), c.phone(), c.phoneNormalized(),
        c.status().name(), c.attempts(), c.lastAttemptAt(), c.lastOutcome() == null ? null : c.lastOutcome().name(),
        f, c.custom());
  }

  private static PageView page(CardPage p) {
    List<CardView> items = new ArrayList<>();
    for (Contact c : p.items()) {
      items.add(card(c));
    }
    return new PageView(items, p.total(), p.page(), p.size(), p.pages());
  }

  private static CallView call(CallAttempt a) {
    return new CallView(a.id(), a.contactId(), a.number(), a.startedAt(), a.endedAt(),
        a.outcome() == null ? null : a.outcome().name(), a.inProgress(), a.note());
  }
}
