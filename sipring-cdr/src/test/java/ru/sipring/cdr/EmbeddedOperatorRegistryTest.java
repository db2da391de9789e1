package ru.sipring.cdr;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every test of {@link JdbiOperatorRegistryTest} (the operator contract, hashes at rest, transactions) on the
 * embedded database instead of MariaDB. This {@code database()} hides the superclass's, so JUnit runs only it.
 */
class EmbeddedOperatorRegistryTest extends JdbiOperatorRegistryTest {
  @BeforeAll
  static void database() {
    db = TestDatabase.embedded("operators");
    SipRingSchema.migrate(db.dataSource());
  }
}
