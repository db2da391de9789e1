package ru.sipring.cdr;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that SipRing opened and that must be closed: a connection pool from
 * {@link Databases#pooled} or the embedded database from {@link Databases#embedded}. Closing it closes every
 * connection (and, for the embedded database, lets another process open the file).
 *
 * <p>Which pool implements it is not API (HikariCP today); a host that needs the pool itself asks for it with
 * {@link #unwrap(Class)}. Thread-safe: connections may be taken from any thread.
 */
public interface DatabasePool extends DataSource, AutoCloseable {
  /** Closes the pool and its connections; idempotent, never throws a checked exception. */
  @Override
  void close();
}
