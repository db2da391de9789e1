package ru.sipring.cdr.campaign.call;

import ru.sipring.cdr.DatabasePool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.testkit.contract.ClickToCallContract;

/** The click-to-call contract on the embedded database (H2 file, MariaDB mode). */
class EmbeddedClickToCallContractTest extends ClickToCallContract {
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
