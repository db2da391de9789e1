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
    return JdbiCampaignStore.migrateAndOpen(db).commitEvery(500);
  }

  @Override
  protected long storedCardRows(CampaignStore store) {
    return org.jdbi.v3.core.Jdbi.create(db).withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM sipring_campaign_contact").mapTo(Long.class).one());
  }

  @Override
  protected boolean commitsInChunks() {
    return true;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }
}
