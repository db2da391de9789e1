package ru.sipring.cdr;

import java.util.List;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;
import ru.sipring.testkit.contract.QueueLogSourceContract;

class InMemoryQueueLogSourceTest extends QueueLogSourceContract {
  @Override
  protected QueueLogSource sourceWith(List<QueueLogRecord> records) {
    return InMemoryQueueLogSource.of("memory:queue_log", records);
  }
}
