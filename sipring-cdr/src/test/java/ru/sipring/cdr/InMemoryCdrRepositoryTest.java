package ru.sipring.cdr;

import java.util.List;

class InMemoryCdrRepositoryTest extends CdrRepositoryContract {
  @Override
  protected CdrRepository repositoryWith(List<CdrRecord> records) {
    return InMemoryCdrRepository.of(records);
  }
}
