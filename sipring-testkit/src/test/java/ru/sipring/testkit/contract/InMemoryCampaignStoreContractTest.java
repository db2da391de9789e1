package ru.sipring.testkit.contract;

import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.InMemoryCampaignStore;

class InMemoryCampaignStoreContractTest extends CampaignStoreContract {
  @Override
  protected CampaignStore newStore() {
    return new InMemoryCampaignStore();
  }
}
