package ru.sipring.cdr;

import ru.sipring.core.queuelog.InputProblem;

/**
 * Reads call detail records. Rows come in calldate order (rows with the same calldate in no particular
 * order) and are pushed to a {@link Sink} on the caller's thread, so memory stays constant however many
 * rows match. Rows that cannot be used (a zero or placeholder calldate, a value that does not parse) go to
 * {@link Sink#problem} with their row number and reading goes on.
 *
 * <p>Implementations are thread-safe: {@link JdbiCdrRepository} (MariaDB/MySQL {@code asteriskcdrdb.cdr}) and
 * {@link InMemoryCdrRepository}.
 */
public interface CdrRepository {

  /**
   * A short description for messages.
   *
   * @return such as {@code mariadb://pbx/asteriskcdrdb.cdr}
   */
  String name();

  /**
   * Delivers every matching row, streaming (the whole table is never held in memory).
   *
   * @param query which rows
   * @param sink receives the records and the rows that could not be read
   * @return how many records went to {@link Sink#record}
   */
  long read(CdrQuery query, Sink sink);

  /** Receives records and problems, on the thread that called {@link #read}. */
  interface Sink {
    /**
     * One record read.
     *
     * @param record the record
     */
    void record(CdrRecord record);

    /**
     * A row that could not be read, with where it is and why; reading goes on.
     *
     * @param problem the problem
     */
    void problem(InputProblem problem);
  }
}
