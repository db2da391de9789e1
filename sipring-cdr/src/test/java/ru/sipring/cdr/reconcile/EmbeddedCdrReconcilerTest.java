package ru.sipring.cdr.reconcile;

import ru.sipring.cdr.TestDatabase;

/** The reconciliation contract on the embedded database (H2 file, MariaDB mode). */
class EmbeddedCdrReconcilerTest extends CdrReconcilerContract {
  @Override
  protected Fixture newFixture() {
    return new DatabaseFixture(TestDatabase.embedded("reconcile"));
  }
}
