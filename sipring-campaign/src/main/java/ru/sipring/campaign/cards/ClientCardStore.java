package ru.sipring.campaign.cards;

import java.util.Collection;
import ru.sipring.campaign.ContactStatus;

/**
 * What the work form and a CRM do with client cards beyond the dialer's needs. Implementations are thread-safe:
 * {@link InMemoryClientCards} and {@code ru.sipring.cdr.campaign.cards.JdbiClientCards} (MariaDB and the embedded
 * H2); both pass {@code ru.sipring.testkit.contract.ClientCardStoreContract}.
 *
 * <p><b>Deleting keeps the call history.</b> The guide's «Удалить» removes the card from the base, but the calls
 * made to it stay: the operator's work time, the number of calls, their cost and the recordings in «Биллинг»,
 * «Детализация» and «Отчет 2» describe work that was done and money that was spent, and a report of June must not
 * change because a card was deleted in July. The attempts keep the number they dialled; their card id then
 * names no card.
 */
public interface ClientCardStore {
  /** The most cards one {@link #setStatus} call changes. */
  int MAX_BULK = 10_000;

  /**
   * One page of the cards that match {@code query}, in base order.
   *
   * @param query the assignment, the filters and the page
   * @return the page and the total number of matching cards
   */
  CardPage search(CardQuery query);

  /**
   * Sets the status of several cards at once («Обновить статус» on a selection), all or nothing.
   *
   * @param contactIds the cards, at most {@value #MAX_BULK}; repeats count once
   * @param status the new status
   * @return how many cards were changed
   * @throws ru.sipring.core.NotFoundException naming the first id that is no card; then nothing changed
   * @throws ru.sipring.core.BadInputException for more than {@value #MAX_BULK} ids
   */
  int setStatus(Collection<Long> contactIds, ContactStatus status);

  /**
   * Deletes a card; its call attempts are kept (see the type's comment).
   *
   * @param contactId the card
   * @throws ru.sipring.core.NotFoundException when there is no such card
   */
  void delete(long contactId);
}
