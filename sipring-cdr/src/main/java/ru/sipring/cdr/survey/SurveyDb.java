package ru.sipring.cdr.survey;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;

/** Shared plumbing of the survey repositories: transactions, time columns, failure translation. */
final class SurveyDb {
  private SurveyDb() {}

  @FunctionalInterface
  interface Work<T> {
    T run(Handle handle);
  }

  static <T> T call(Jdbi jdbi, String what, Work<T> work) {
    try {
      return jdbi.withHandle(work::run);
    } catch (RuntimeException e) {
      throw translate(what, e);
    }
  }

  static <T> T write(Jdbi jdbi, String what, Work<T> work) {
    try {
      return jdbi.inTransaction(work::run);
    } catch (RuntimeException e) {
      throw translate(what, e);
    }
  }

  /** DATETIME(6) keeps microseconds: instants are stored (and so read back) truncated to them. */
  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /** Same policy as the rest of sipring-cdr: lost connection, refused by a constraint, anything else. */
  static SipRingException translate(String what, Throwable failure) {
    if (failure instanceof SipRingException s) {
      return s;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
            || state.startsWith("08")) {
          return new ConnectionException(what + ": database unreachable or connection lost: " + sql.getMessage(),
              failure);
        }
        if (sql instanceof SQLIntegrityConstraintViolationException || state.startsWith("23")) {
          return new RejectedException(what + " rejected by the database: " + sql.getMessage(), failure);
        }
        return new SipRingException(what + " failed: " + sql.getMessage(), failure);
      }
    }
    return new SipRingException(what + " failed: " + failure.getMessage(), failure);
  }
}
