package ru.sipring.cdr.reconcile;

import ru.sipring.cdr.TestDatabase;

/** The reconciliation contract on MariaDB. */
class JdbiCdrReconcilerTest extends CdrReconcilerContract {
  @Override
  protected Fixture newFixture() {
    return new DatabaseFixture(TestDatabase.create("reconcile"));
  }
}
