package ru.sipring.cdr.fax;

import ru.sipring.cdr.TestDatabase;

/** The fax store contract on the embedded database (H2 file, MariaDB mode) instead of MariaDB. */
class EmbeddedFaxStoresTest extends JdbiFaxStoresTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.embedded("fax");
  }
}
