package ru.sipring.cdr.campaign.call;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.testkit.contract.ClickToCallContract;

/** The click-to-call contract on MariaDB. */
class JdbiClickToCallContractTest extends ClickToCallContract {
  private TestDatabase db;

  @Override
  protected CampaignStore newStore() {
    db = TestDatabase.create("c2c");
    return JdbiCampaignStore.migrateAndOpen(db.dataSource());
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
