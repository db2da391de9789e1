package ru.sipring.testkit.cdr;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the fake PBX writes a call's CDR row when the call ends (Asterisk's CDR backend). Implementations are
 * thread-safe: the fake writes from whichever thread ends the call.
 */
@FunctionalInterface
public interface CdrSink {
  /**
   * Writes one row.
   *
   * @param row the row
   * @throws ru.sipring.core.SipRingException when it cannot be stored
   */
  void write(CdrRow row);

  /**
   * A sink that keeps the rows in memory, for tests that look at them.
   *
   * @return a new, empty sink
   */
  static InMemory inMemory() {
    return new InMemory();
  }

  /** Rows kept in memory, in the order written. Thread-safe (one lock). */
  final class InMemory implements CdrSink {
    private final List<CdrRow> rows = new ArrayList<>();

    private InMemory() {
    }

    @Override
    public synchronized void write(CdrRow row) {
      rows.add(row);
    }

    /**
     * The rows written so far.
     *
     * @return a copy, oldest first
     */
    public synchronized List<CdrRow> rows() {
      return List.copyOf(rows);
    }
  }
}
