package ru.sipring.cdr.survey.pop;

import org.junit.jupiter.api.AfterEach;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.survey.JdbiQueueAssignmentRepository;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.survey.SurveyService;
import ru.sipring.testkit.contract.PopSurveysContract;
import ru.sipring.testkit.time.SimulatedClock;

/** The screen-pop survey contract on MariaDB. */
class JdbiPopSurveysContractTest extends PopSurveysContract {
  private TestDatabase db;

  /**
   * A fresh database of this kind.
   *
   * @return the database
   */
  TestDatabase database() {
    return TestDatabase.create("pop");
  }

  @Override
  protected Stores newStores(SimulatedClock clock) {
    db = database();
    JdbiPopResponseRepository links = JdbiPopResponseRepository.migrateAndOpen(db.dataSource());
    return new Stores(SurveyService.of(JdbiScenarioRepository.of(db.dataSource(), clock),
        JdbiQueueAssignmentRepository.of(db.dataSource()), JdbiResponseRepository.of(db.dataSource()), clock),
        links);
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }
}
