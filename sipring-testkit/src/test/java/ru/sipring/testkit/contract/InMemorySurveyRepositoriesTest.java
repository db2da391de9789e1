package ru.sipring.testkit.contract;

import org.junit.jupiter.api.Nested;
import ru.sipring.survey.InMemoryQueueAssignmentRepository;
import ru.sipring.survey.InMemoryResponseRepository;
import ru.sipring.survey.InMemoryScenarioRepository;
import ru.sipring.survey.QueueAssignmentRepository;
import ru.sipring.survey.ResponseRepository;
import ru.sipring.survey.ScenarioRepository;

/** The in-memory survey repositories pass the same contracts as the MariaDB ones in sipring-cdr. */
class InMemorySurveyRepositoriesTest {
  @Nested
  class Scenarios extends ScenarioRepositoryContract {
    @Override
    protected ScenarioRepository createRepository() {
      return new InMemoryScenarioRepository();
    }
  }

  @Nested
  class Assignments extends QueueAssignmentRepositoryContract {
    @Override
    protected QueueAssignmentRepository createRepository() {
      return new InMemoryQueueAssignmentRepository();
    }
  }

  @Nested
  class Responses extends ResponseRepositoryContract {
    @Override
    protected ResponseRepository createRepository() {
      return new InMemoryResponseRepository();
    }
  }
}
