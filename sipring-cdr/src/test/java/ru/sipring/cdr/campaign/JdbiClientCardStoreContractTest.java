package ru.sipring.cdr.campaign;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.testkit.contract.ClientCardStoreContract;

/** The client-card contract on MariaDB. */
class JdbiClientCardStoreContractTest extends ClientCardStoreContract {
  private TestDatabase db;

  @Override
  protected Stores newStores() {
    db = TestDatabase.create("cards");
    return new Stores(JdbiCampaignStore.migrateAndOpen(db.dataSource()), JdbiClientCards.migrateAndOpen(db.dataSource()));
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
