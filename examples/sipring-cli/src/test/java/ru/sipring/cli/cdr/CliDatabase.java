package ru.sipring.cli.cdr;

import ru.sipring.cdr.DatabasePool;
import ru.sipring.cdr.TestDatabase;

/**
 * The field-style view of {@link TestDatabase} (sipring-cdr's test-jar) that CLI tests written against it use:
 * a private database on the test MariaDB, dropped on close. Without the server: fails under CI=true, skips
 * with the reason otherwise.
 */
public final class CliDatabase implements AutoCloseable {
  private final TestDatabase db;
  public final String url;
  public final DatabasePool dataSource;

  private CliDatabase(TestDatabase db) {
    this.db = db;
    this.url = db.jdbcUrl();
    this.dataSource = db.dataSource();
  }

  public static CliDatabase create() {
    return new CliDatabase(TestDatabase.create("cli"));
  }

  public static String user() {
    return TestDatabase.user();
  }

  public static String password() {
    return TestDatabase.password();
  }

  @Override
  public void close() {
    db.close();
  }
}
