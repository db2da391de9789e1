package ru.sipring.cdr;

import ru.sipring.testkit.contract.OperatorDirectoryContract;

class InMemoryOperatorRegistryTest extends OperatorDirectoryContract {
  @Override
  protected Subject newSubject() {
    return OperatorRegistryFixture.subject(InMemoryOperatorRegistry.of(OperatorRegistryFixture.PINS));
  }
}
