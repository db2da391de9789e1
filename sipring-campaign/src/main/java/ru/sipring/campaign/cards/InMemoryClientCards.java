package ru.sipring.campaign.cards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;

/**
 * {@link ClientCardStore} over an {@link InMemoryCampaignStore}, for tests and demos. Thread-safe: a bulk status
 * change is serialised with the other changes made through this object.
 */
public final class InMemoryClientCards implements ClientCardStore {
  private final InMemoryCampaignStore store;

  /**
   * Cards of {@code store}.
   *
   * @param store the in-memory campaign store holding the cards
   */
  public InMemoryClientCards(InMemoryCampaignStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public CardPage search(CardQuery query) {
    List<Contact> all = store.contacts().byAssignment(query.assignmentId());
    long offset = (long) query.page() * query.size();
    List<Contact> page = new ArrayList<>();
    long total = 0;
    long skipped = 0;
    for (Contact c : all) {
      if (query.matches(c)) {
        if (c.id() > query.after() && page.size() < query.size() && skipped++ >= offset) {
          page.add(c);
        }
        total++;
      }
    }
    return new CardPage(page, total, query.page(), query.size());
  }

  @Override
  public synchronized int setStatus(Collection<Long> contactIds, ContactStatus status) {
    Objects.requireNonNull(status, "status");
    LinkedHashSet<Long> ids = new LinkedHashSet<>(contactIds);
    if (ids.size() > MAX_BULK) {
      throw new BadInputException("contactIds", "at most " + MAX_BULK + " cards at once, got " + ids.size());
    }
    List<Contact> cards = new ArrayList<>(ids.size());
    for (long id : ids) {
      cards.add(store.contacts().byId(id).orElseThrow(() -> new NotFoundException("no client card with id " + id)));
    }
    for (Contact c : cards) {
      store.contacts().update(c.withStatus(status));
    }
    return cards.size();
  }

  @Override
  public synchronized void delete(long contactId) {
    store.deleteContact(contactId);
  }
}
