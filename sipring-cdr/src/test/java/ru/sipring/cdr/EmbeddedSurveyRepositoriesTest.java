package ru.sipring.cdr;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every test of {@link JdbiSurveyRepositoriesTest} (the three survey contracts and the end-to-end run) on the
 * embedded database instead of MariaDB. This {@code database()} hides the superclass's, so JUnit runs only it.
 */
class EmbeddedSurveyRepositoriesTest extends JdbiSurveyRepositoriesTest {
  @BeforeAll
  static void database() {
    db = TestDatabase.embedded("surveys");
    SipRingSchema.migrate(db.dataSource());
  }
}
