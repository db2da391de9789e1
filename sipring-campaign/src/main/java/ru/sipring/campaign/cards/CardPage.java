package ru.sipring.campaign.cards;

import java.util.List;
import ru.sipring.campaign.Contact;

/**
 * One page of cards found by a {@link CardQuery}. Immutable.
 *
 * @param items the cards of this page, in base order (card id)
 * @param total how many cards match the query on all pages
 * @param page the page, from 0
 * @param size the page size asked for
 */
public record CardPage(List<Contact> items, long total, int page, int size) {
  /**
   * Copies {@code items}.
   *
   * @param items the cards of this page
   * @param total how many cards match on all pages
   * @param page the page, from 0
   * @param size the page size asked for
   */
  public CardPage {
    items = List.copyOf(items);
  }

  /**
   * How many pages the matching cards fill.
   *
   * @return the number of pages, 0 when nothing matches
   */
  public long pages() {
    return (total + size - 1) / size;
  }
}
