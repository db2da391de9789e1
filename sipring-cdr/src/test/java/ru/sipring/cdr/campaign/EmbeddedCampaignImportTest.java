package ru.sipring.cdr.campaign;

import ru.sipring.cdr.TestDatabase;

/** The corpus and the large file imported into the embedded database (H2 file, MariaDB mode), all or nothing. */
class EmbeddedCampaignImportTest extends JdbiCampaignImportTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.embedded("import");
  }
}
