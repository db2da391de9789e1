package ru.sipring.cdr.campaign;

import ru.sipring.cdr.DatabasePool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cdr.Databases;
import ru.sipring.testkit.contract.ClientCardStoreContract;

/** The client-card contract on the embedded database (H2 file, MariaDB mode). */
class EmbeddedClientCardStoreContractTest extends ClientCardStoreContract {
  @TempDir Path dir;
  private DatabasePool db;

  @Override
  protected Stores newStores() {
    db = Databases.embedded(dir);
    return new Stores(JdbiCampaignStore.migrateAndOpen(db), JdbiClientCards.migrateAndOpen(db));
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }
}
