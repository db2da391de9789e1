package ru.sipring.cdr.survey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.cdr.DbFailures;

/** Shared plumbing of the survey repositories: transactions, time columns; failures go through {@link DbFailures}. */
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
      throw DbFailures.translate(what, e);
    }
  }

  static <T> T write(Jdbi jdbi, String what, Work<T> work) {
    try {
      return jdbi.inTransaction(work::run);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e);
    }
  }

  /** {@link #write} of work that has nothing to return. */
  static void run(Jdbi jdbi, String what, org.jdbi.v3.core.HandleConsumer<RuntimeException> work) {
    try {
      jdbi.useTransaction(work);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e);
    }
  }

  /** DATETIME(6) keeps microseconds: instants are stored (and so read back) truncated to them. */
  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }
}
