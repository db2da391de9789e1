package ru.sipring.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.sipring.core.NotFoundException;

/**
 * Calls an operator makes from the work form: record a call and its outcome (the card's status follows),
 * list the clients that may be called again now ("return to unanswered"), mark a card done, put a number on
 * the do-not-call list. Thread-safe if the repositories are.
 */
public final class OperatorCalls {
  private final CampaignStore store;
  private final Clock clock;

  /**
   * Operator calls on a store.
   *
   * @param store where cards, attempts and DNC lists are
   * @param clock the time "now" is read from
   */
  public OperatorCalls(CampaignStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records a finished call and updates the card: status = outcome, one more attempt.
   *
   * @param operator the operator's number or name
   * @param contactId the card called
   * @param startedAt when the call was placed
   * @param outcome how it ended
   * @param durationSeconds seconds from placing the call to its end
   * @param billsec answered seconds
   * @param note the operator's note, empty when none
   * @return the stored attempt
   * @throws ru.sipring.core.NotFoundException when the card does not exist
   */
  public CallAttempt record(String operator, long contactId, Instant startedAt, CallOutcome outcome,
      long durationSeconds, long billsec, String note) {
    Contact c = contact(contactId);
    CallAttempt a = store.attempts().insert(CallAttempt.operatorCall(contactId, c.assignmentId(), operator,
        c.phone(), startedAt, outcome, durationSeconds, billsec, note));
    store.contacts().update(c.afterAttempt(outcome, startedAt));
    return a;
  }

  /**
   * Clients of the assignment that may be called now, in base order (retry rules, window, DNC applied). Reads the
   * whole base and checks every card: for a list an operator looks at. To page through due clients use
   * {@link ContactRepository#dueForCall}; to know whether a dialer has work left, {@code Dialer.finished()}.
   *
   * @param assignmentId the assignment
   * @return the callable cards
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  public List<Contact> callableNow(long assignmentId) {
    Assignment a = store.campaigns().assignment(assignmentId)
        .orElseThrow(() -> new NotFoundException("no assignment with id " + assignmentId));
    long projectId = store.campaigns().task(a.taskId()).orElseThrow().projectId();
    List<String> keys = Eligibility.dncKeys(a, projectId);
    Instant now = clock.instant();
    return store.contacts().byAssignment(assignmentId).stream()
        .filter(c -> Eligibility.check(c, a, keys, store.dnc(), now) == Eligibility.Verdict.CALLABLE).toList();
  }

  /**
   * "Статус: Выполнено": the card is finished and is not called again.
   *
   * @param contactId the card
   * @throws ru.sipring.core.NotFoundException when the card does not exist
   */
  public void markDone(long contactId) {
    store.contacts().update(contact(contactId).withStatus(ContactStatus.DONE));
  }

  /**
   * Puts the card's number on a do-not-call list (see {@link DncRepository} for keys).
   *
   * @param contactId the card
   * @param scopeKey the list's key ({@link Eligibility#dncKeys} names those of an assignment)
   * @throws ru.sipring.core.NotFoundException when the card does not exist
   */
  public void doNotCall(long contactId, String scopeKey) {
    store.dnc().add(scopeKey, contact(contactId).phoneNormalized());
  }

  private Contact contact(long id) {
    return store.contacts().byId(id).orElseThrow(() -> new NotFoundException("no client card with id " + id));
  }
}
