package ru.sipring.campaign.cards;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.ContactStatus;

/**
 * "Return to unanswered calls" of the guide's work form: the clients of an assignment whose last call did not reach
 * them — status {@code BUSY}, {@code NO_ANSWER}, {@code CONGESTION} or {@code FAILED} — whatever the dialer's retry
 * rules, the redial delay or the call window say (those decide what the <em>dialer</em> calls; an operator going
 * back over the list decides by himself). Cards in doubt (a dialer call lost in a crash) are not in it: a person
 * checks the CDR first. The do-not-call lists are applied when the call is made ({@code ClickToCall} refuses such a
 * number), not here, so the list shows every client not reached. Thread-safe if the store is.
 */
public final class Unanswered {
  /** The outcomes of a call that did not reach the client. */
  public static final Set<CallOutcome> NOT_REACHED =
      Set.copyOf(EnumSet.of(CallOutcome.BUSY, CallOutcome.NO_ANSWER, CallOutcome.CONGESTION, CallOutcome.FAILED));

  private final ClientCardStore cards;

  /**
   * The list over a card store.
   *
   * @param cards where the cards are
   */
  public Unanswered(ClientCardStore cards) {
    this.cards = Objects.requireNonNull(cards, "cards");
  }

  /**
   * One page of the clients not reached, in base order.
   *
   * @param assignmentId the assignment
   * @param outcomes the outcomes of the last call to list ({@code BUSY} only, say); empty = every outcome that did
   *     not reach the client
   * @param page the page, from 0
   * @param size cards per page, 1 to {@value CardQuery#MAX_PAGE_SIZE}
   * @return the page
   * @throws ru.sipring.core.BadInputException naming {@code outcomes} for {@code ANSWERED}, or the page or size
   */
  public CardPage list(long assignmentId, Set<CallOutcome> outcomes, int page, int size) {
    return cards.search(query(assignmentId, outcomes).withPage(page, size));
  }

  /**
   * The query of {@link #list}, to add field filters to.
   *
   * @param assignmentId the assignment
   * @param outcomes the outcomes of the last call; empty = every outcome that did not reach the client
   * @return the query, first page
   * @throws ru.sipring.core.BadInputException naming {@code outcomes} for {@code ANSWERED}
   */
  public static CardQuery query(long assignmentId, Set<CallOutcome> outcomes) {
    Set<ContactStatus> statuses = EnumSet.noneOf(ContactStatus.class);
    for (CallOutcome o : outcomes.isEmpty() ? NOT_REACHED : outcomes) {
      if (!NOT_REACHED.contains(o)) {
        throw new ru.sipring.core.BadInputException("outcomes", o + " reached the client; choose from "
            + EnumSet.copyOf(NOT_REACHED));
      }
      statuses.add(ContactStatus.of(o));
    }
    return CardQuery.of(assignmentId).withStatuses(statuses);
  }
}
