package ru.sipring.testkit.contract;

import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.InMemoryCampaignStore;

class InMemoryClickToCallContractTest extends ClickToCallContract {
  @Override
  protected CampaignStore newStore() {
    return new InMemoryCampaignStore();
  }
}
