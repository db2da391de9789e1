package ru.sipring.cdr;

import java.util.List;
import java.util.Objects;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;

/**
 * A {@link QueueLogSource} over a list of records, in list order: for tests and demos, and the in-memory twin
 * the queue_log contract suite runs against. Immutable and thread-safe.
 */
public final class InMemoryQueueLogSource implements QueueLogSource {
  private final String name;
  private final List<QueueLogRecord> records;

  private InMemoryQueueLogSource(String name, List<QueueLogRecord> records) {
    this.name = Objects.requireNonNull(name, "name");
    this.records = List.copyOf(records);
  }

  /**
   * A source of {@code records} in the given order.
   *
   * @param name the name for messages
   * @param records the records
   * @return the source
   */
  public static InMemoryQueueLogSource of(String name, List<QueueLogRecord> records) {
    return new InMemoryQueueLogSource(name, records);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void read(Sink sink) {
    records.forEach(sink::record);
  }
}
