package ru.sipring.cdr.campaign;

import ru.sipring.cdr.DatabasePool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.Databases;
import ru.sipring.testkit.contract.CampaignStoreContract;

/** The campaign contract on the embedded database (H2 file, MariaDB mode) the CLI uses without --db. */
class EmbeddedCampaignStoreContractTest extends CampaignStoreContract {
  @TempDir Path dir;
  private DatabasePool db;

  @Override
  protected CampaignStore newStore() {
    db = Databases.embedded(dir);
    return JdbiCampaignStore.migrateAndOpen(db);
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }
}
