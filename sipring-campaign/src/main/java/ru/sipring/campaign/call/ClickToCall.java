package ru.sipring.campaign.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.CallAttempt;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.Eligibility;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.pbx.OriginateRequest;
import ru.sipring.core.pbx.OriginateResult;
import ru.sipring.core.pbx.PbxGateway;

/**
 * Click-to-call from the work form, as one operation: {@link #call} stores the attempt (before dialling, so a
 * restart knows about it), originates through the {@link PbxGateway} — the client first, then the operator's
 * extension ({@link ClickToCallSettings}) — and returns the open attempt.
 *
 * <p><b>The PBX's report.</b> When the originate completes, an unanswered call (busy, no answer, congestion, failed)
 * is closed with that outcome and the card follows (status = outcome, one more attempt), with nothing for the
 * operator to do. An answered call gets its outcome and the channel's uniqueid (the CDR reconciliation finds its
 * billsec and recording by it, {@code ru.sipring.cdr.reconcile.CdrReconciler}); the card counts the attempt and
 * shows {@code ANSWERED} until the operator chooses.
 *
 * <p><b>The operator's choice.</b> {@link #finish} sets the card's status and the call's note when the operator
 * ends the call (the guide's «Статус» and «Примечание»). If the PBX has not reported yet (the operator gave up while
 * it rang) the call's outcome is taken from the chosen status and a later report only adds the uniqueid. A card
 * counts each call once, whichever comes first. Both the dialer client's and the operator's calls are client
 * calls of the same card, so the dialer's restart recovery leaves operators' calls alone.
 *
 * <p>Refused before anything is stored: an unknown card ({@link NotFoundException}), a card without a phone, a
 * malformed extension ({@link BadInputException} naming {@code phone} or {@code extension}), a number on a
 * do-not-call list of the assignment ({@link RejectedException}).
 *
 * <p>Thread-safe: PBX reports arrive on the gateway's threads and are serialised with {@link #finish}.
 */
public final class ClickToCall {
  private static final Logger LOG = LoggerFactory.getLogger(ClickToCall.class);
  /** An operator's extension or a SIP/PJSIP endpoint name: letters, digits, {@code _ - . +}. */
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.+-]{1,40}");
  /** The longest note kept with a call. */
  public static final int MAX_NOTE = 2_000;
  /** The channel variable that carries the attempt id to the dialplan and the CDR's userfield if wanted. */
  public static final String ATTEMPT_VARIABLE = "SIPRING_ATTEMPT";

  private final CampaignStore store;
  private final PbxGateway pbx;
  private final Clock clock;
  private final ClickToCallSettings settings;
  private final AtomicLong seq = new AtomicLong();

  /**
   * Click-to-call over a store and a PBX.
   *
   * @param store the campaign store
   * @param pbx the PBX gateway ({@code ru.sipring.ami.AmiPbxGateway} in production)
   * @param clock the clock of the attempts' times
   * @param settings how to originate
   */
  public ClickToCall(CampaignStore store, PbxGateway pbx, Clock clock, ClickToCallSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.pbx = Objects.requireNonNull(pbx, "pbx");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Calls a client for an operator: stores the open attempt, then originates.
   *
   * @param operator the operator's name or number, as the reports show it
   * @param extension the operator's extension the answered call is put through to
   * @param contactId the client card
   * @return the attempt, still in progress (outcome null); if the PBX refused the originate at once it is already
   *     closed as {@code FAILED} with the PBX's words as its note
   * @throws NotFoundException when there is no such card or its assignment is gone
   * @throws BadInputException naming {@code phone} (no number on the card), {@code extension} or {@code operator}
   * @throws RejectedException when the number is on a do-not-call list of the card's assignment
   */
  public CallAttempt call(String operator, String extension, long contactId) {
    if (operator == null || operator.isBlank()) {
      throw new BadInputException("operator", "must not be blank");
    }
    if (extension == null || !EXTENSION.matcher(extension).matches()) {
      throw new BadInputException("extension", "must be 1-40 letters, digits, '_', '-', '.' or '+'");
    }
    Contact c = store.contacts().byId(contactId)
        .orElseThrow(() -> new NotFoundException("no client card with id " + contactId));
    if (c.phoneNormalized().isEmpty()) {
      throw new BadInputException("phone", "client card " + contactId + " has no phone number");
    }
    Assignment a = store.campaigns().assignment(c.assignmentId())
        .orElseThrow(() -> new NotFoundException("no assignment with id " + c.assignmentId()));
    long projectId = store.campaigns().task(a.taskId())
        .orElseThrow(() -> new NotFoundException("no task with id " + a.taskId())).projectId();
    List<String> keys = Eligibility.dncKeys(a, projectId);
    if (store.dnc().contains(keys, c.phoneNormalized())) {
      throw new RejectedException("the number of client card " + contactId + " is on a do-not-call list");
    }
    Instant now = clock.instant();
    String tag = "c2c-" + now.toEpochMilli() + "-" + seq.incrementAndGet();
    CallAttempt open = store.attempts().insert(new CallAttempt(0, c.id(), a.id(), operator, c.phone(), now, null,
        null, 0, 0, "", null, null, false, tag));
    OriginateRequest request = new OriginateRequest(
        settings.channelTemplate().replace("{number}", c.phoneNormalized()), settings.context(), extension,
        settings.callerId(), settings.ringTimeout(), Map.of(ATTEMPT_VARIABLE, String.valueOf(open.id())), tag);
    try {
      pbx.originate(request).whenComplete((result, error) -> reported(open.id(), result, error));
    } catch (RuntimeException e) {
      reported(open.id(), null, e);
      return store.attempts().byId(open.id()).orElse(open);
    }
    return store.attempts().byId(open.id()).orElse(open);
  }

  /**
   * The operator's choice when the call ends: the card's status and the call's note.
   *
   * @param attemptId the attempt {@link #call} returned
   * @param status the card's new status: {@code DONE}, {@code ANSWERED}, {@code BUSY}, {@code NO_ANSWER},
   *     {@code CONGESTION} or {@code FAILED}
   * @param note the operator's note (at most {@value #MAX_NOTE} characters; empty for none)
   * @return the attempt as stored now
   * @throws NotFoundException when there is no such attempt
   * @throws RejectedException for a dialer's attempt
   * @throws BadInputException naming {@code status} ({@code NEW}, {@code IN_DOUBT}) or {@code note} (too long)
   */
  public synchronized CallAttempt finish(long attemptId, ContactStatus status, String note) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(note, "note");
    if (status == ContactStatus.NEW || status == ContactStatus.IN_DOUBT) {
      throw new BadInputException("status", status + " cannot be chosen for a call that was made");
    }
    if (note.length() > MAX_NOTE) {
      throw new BadInputException("note", "at most " + MAX_NOTE + " characters, was " + note.length());
    }
    CallAttempt a = store.attempts().byId(attemptId)
        .orElseThrow(() -> new NotFoundException("no call attempt with id " + attemptId));
    if (a.dialer()) {
      throw new RejectedException("call attempt " + attemptId + " is the dialer's; it is finished by the PBX");
    }
    Instant now = clock.instant();
    Instant ended = a.endedAt() != null ? a.endedAt() : now;
    long duration = Math.max(0, ended.getEpochSecond() - a.startedAt().getEpochSecond());
    CallOutcome outcome = a.outcome() != null ? a.outcome() : outcomeOf(status);
    boolean firstOutcome = a.outcome() == null;
    CallAttempt done = new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(),
        a.startedAt(), ended, outcome, duration, outcome == CallOutcome.ANSWERED ? a.billsec() : 0, note,
        a.uniqueId(), a.recording(), false, a.tag());
    store.attempts().update(done);
    store.contacts().byId(a.contactId()).ifPresent(c -> store.contacts().update(
        (firstOutcome ? c.afterAttempt(outcome, a.startedAt()) : c).withStatus(status)));
    return done;
  }

  private static CallOutcome outcomeOf(ContactStatus s) {
    return switch (s) {
      case BUSY -> CallOutcome.BUSY;
      case NO_ANSWER -> CallOutcome.NO_ANSWER;
      case CONGESTION -> CallOutcome.CONGESTION;
      case FAILED -> CallOutcome.FAILED;
      default -> CallOutcome.ANSWERED;
    };
  }

  /** The PBX's report (or its failure) for an attempt. */
  private synchronized void reported(long attemptId, @Nullable OriginateResult result, @Nullable Throwable error) {
    try {
      CallAttempt a = store.attempts().byId(attemptId).orElse(null);
      if (a == null) {
        return;
      }
      String uid = result == null ? null : result.uniqueId();
      if (a.outcome() != null) {
        // the operator finished first: only the uniqueid is new (the CDR reconciliation needs it)
        if (a.uniqueId() == null && uid != null) {
          store.attempts().update(new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(),
              a.startedAt(), a.endedAt(), a.outcome(), a.durationSeconds(), a.billsec(), a.note(), uid,
              a.recording(), false, a.tag()));
        }
        return;
      }
      CallAttempt next;
      if (result == null) {
        String why = error == null ? "no result" : String.valueOf(error.getMessage());
        next = failed(a, "the PBX did not place the call: " + why);
      } else {
        CallOutcome o = CallOutcome.of(result.outcome());
        if (o == CallOutcome.ANSWERED) {
          // still talking: the end comes from the operator (finish) and the billsec from the CDR
          next = new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(), a.startedAt(),
              null, o, 0, 0, a.note(), uid, a.recording(), false, a.tag());
        } else {
          CallAttempt f = a.finished(o, result.at(), uid, 0);
          String detail = result.detail();
          next = detail == null || detail.isBlank() ? f : new CallAttempt(f.id(), f.contactId(), f.assignmentId(),
              f.operator(), f.number(), f.startedAt(), f.endedAt(), f.outcome(), f.durationSeconds(), 0,
              cut(detail), f.uniqueId(), f.recording(), false, f.tag());
        }
      }
      store.attempts().update(next);
      CallOutcome o = Objects.requireNonNull(next.outcome());
      store.contacts().byId(a.contactId()).ifPresent(c -> store.contacts().update(c.afterAttempt(o, a.startedAt())));
    } catch (RuntimeException e) {
      LOG.warn("click-to-call: could not record the PBX's report for attempt {}: {}", attemptId, e.toString());
    }
  }

  private CallAttempt failed(CallAttempt a, String why) {
    Instant now = clock.instant();
    return new CallAttempt(a.id(), a.contactId(), a.assignmentId(), a.operator(), a.number(), a.startedAt(), now,
        CallOutcome.FAILED, Math.max(0, now.getEpochSecond() - a.startedAt().getEpochSecond()), 0, cut(why), null,
        a.recording(), false, a.tag());
  }

  private static String cut(String s) {
    return s.length() <= MAX_NOTE ? s : s.substring(0, MAX_NOTE);
  }
}
