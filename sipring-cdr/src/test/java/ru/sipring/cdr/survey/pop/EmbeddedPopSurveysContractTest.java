package ru.sipring.cdr.survey.pop;

import ru.sipring.cdr.TestDatabase;

/** The screen-pop survey contract on the embedded database (H2 file, MariaDB mode). */
class EmbeddedPopSurveysContractTest extends JdbiPopSurveysContractTest {
  @Override
  TestDatabase database() {
    return TestDatabase.embedded("pop");
  }
}
