package ru.sipring.cdr;

import java.util.Comparator;
import java.util.List;

/**
 * A {@link CdrRepository} over a list, for tests and demos; same order and filter rules as the database one.
 * Immutable and thread-safe.
 */
public final class InMemoryCdrRepository implements CdrRepository {
  private final List<CdrRecord> records;

  private InMemoryCdrRepository(List<CdrRecord> records) {
    this.records = records.stream().sorted(Comparator.comparing(CdrRecord::calldate)).toList();
  }

  /**
   * A repository holding {@code records}, sorted by calldate.
   *
   * @param records the records
   * @return the repository
   */
  public static InMemoryCdrRepository of(List<CdrRecord> records) {
    return new InMemoryCdrRepository(records);
  }

  @Override
  public String name() {
    return "memory:cdr";
  }

  @Override
  public long read(CdrQuery query, Sink sink) {
    long n = 0;
    for (CdrRecord r : records) {
      if (query.matches(r)) {
        sink.record(r);
        n++;
      }
    }
    return n;
  }
}
