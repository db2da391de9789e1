package ru.sipring.cdr.campaign.tariff;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.campaign.tariff.TariffRepository;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.testkit.contract.TariffRepositoryContract;
import ru.sipring.testkit.time.SimulatedClock;

/** The stored rate tables contract on MariaDB. */
class JdbiTariffRepositoryContractTest extends TariffRepositoryContract {
  private TestDatabase db;

  /**
   * A fresh database of this kind.
   *
   * @return the database
   */
  TestDatabase database() {
    return TestDatabase.create("tariffs");
  }

  @Override
  protected TariffRepository newRepository(SimulatedClock clock) {
    db = database();
    return JdbiTariffRepository.migrateAndOpen(db.dataSource(), clock);
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
