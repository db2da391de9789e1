package ru.sipring.testkit.contract;

import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.campaign.cards.InMemoryClientCards;

class InMemoryClientCardStoreContractTest extends ClientCardStoreContract {
  @Override
  protected Stores newStores() {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    return new Stores(store, new InMemoryClientCards(store));
  }
}
