package ru.sipring.cdr.campaign.tariff;

import ru.sipring.cdr.TestDatabase;

/** The stored rate tables contract on the embedded database (H2 file, MariaDB mode). */
class EmbeddedTariffRepositoryContractTest extends JdbiTariffRepositoryContractTest {
  @Override
  TestDatabase database() {
    return TestDatabase.embedded("tariffs");
  }
}
