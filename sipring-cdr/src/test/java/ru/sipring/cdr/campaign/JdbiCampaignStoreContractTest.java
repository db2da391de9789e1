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
    return JdbiCampaignStore.migrateAndOpen(db.dataSource()).commitEvery(500);
  }

  @Override
  protected long storedCardRows(CampaignStore store) {
    return org.jdbi.v3.core.Jdbi.create(db.dataSource()).withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM sipring_campaign_contact").mapTo(Long.class).one());
  }

  @Override
  protected boolean commitsInChunks() {
    return true;
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
