package ru.sipring.cdr.fax;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.fax.FaxContactStore;
import ru.sipring.fax.FaxLineStore;
import ru.sipring.fax.FaxUserStore;
import ru.sipring.fax.ReceivedFaxStore;
import ru.sipring.testkit.contract.FaxStoresContract;

/** The fax store contract on a real MariaDB (a private database per test, migrated by Flyway). */
class JdbiFaxStoresTest extends FaxStoresContract {
  private TestDatabase db;
  private JdbiFaxStores stores;

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
      db = null;
      stores = null;
    }
  }

  @Override protected FaxUserStore newUserStore() { return stores().users(); }
  @Override protected FaxLineStore newLineStore() { return stores().lines(); }
  @Override protected ReceivedFaxStore newReceivedFaxStore() { return stores().received(); }
  @Override protected FaxContactStore newContactStore() { return stores().contacts(); }

  /** A private, empty database; {@link EmbeddedFaxStoresTest} gives the embedded one. */
  TestDatabase newDatabase() {
    return TestDatabase.create("fax");
  }

  // the contract's @BeforeEach asks for the stores; one private, migrated database per test
  private JdbiFaxStores stores() {
    if (stores == null) {
      db = newDatabase();
      SipRingSchema.migrate(db.dataSource());
      stores = JdbiFaxStores.of(db.dataSource());
    }
    return stores;
  }
}
