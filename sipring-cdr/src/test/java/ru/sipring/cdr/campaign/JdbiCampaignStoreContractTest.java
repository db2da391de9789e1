package ru.sipring.cdr.campaign;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.testkit.contract.CampaignStoreContract;

class JdbiCampaignStoreContractTest extends CampaignStoreContract {
  private CampaignTestDatabase db;

  @Override
  protected CampaignStore newStore() {
    db = CampaignTestDatabase.create("campaign");
    return JdbiCampaignStore.migrateAndOpen(db.dataSource());
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
