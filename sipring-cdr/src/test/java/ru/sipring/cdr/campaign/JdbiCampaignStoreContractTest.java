package ru.sipring.cdr.campaign;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.testkit.contract.CampaignStoreContract;

class JdbiCampaignStoreContractTest extends CampaignStoreContract {
  private TestDatabase db;

  @Override
  protected CampaignStore newStore() {
    db = TestDatabase.create("campaign");
    return JdbiCampaignStore.migrateAndOpen(db.dataSource());
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
