package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.survey.QueueAssignmentRepository;

/** What every {@link QueueAssignmentRepository} must do. Subclass it and return an empty repository. */
public abstract class QueueAssignmentRepositoryContract {
  private QueueAssignmentRepository repo;

  /**
   * A new, empty repository; called before each test.
   *
   * @return the repository under test
   */
  protected abstract QueueAssignmentRepository createRepository();

  /** Makes a fresh repository for each test. */
  @BeforeEach
  public void setUpRepository() {
    repo = createRepository();
  }

  /** A queue has one scenario, a scenario serves many queues, and assigning again replaces. */
  @Test
  public void oneScenarioPerQueueManyQueuesPerScenario() {
    repo.assign("sales", "car-loan");
    repo.assign("support", "car-loan");
    repo.assign("600", "nps");
    assertThat(repo.scenarioFor("sales")).hasValue("car-loan");
    assertThat(repo.scenarioFor("billing")).isEmpty();
    repo.assign("sales", "nps");
    assertThat(repo.scenarioFor("sales")).hasValue("nps");
    assertThat(repo.assignments()).containsExactly(
        java.util.Map.entry("600", "nps"), java.util.Map.entry("sales", "nps"),
        java.util.Map.entry("support", "car-loan"));
  }

  /** Unassigning removes only that queue and says whether it was assigned. */
  @Test
  public void unassignRemovesOnlyThatQueue() {
    repo.assign("sales", "car-loan");
    repo.assign("support", "car-loan");
    assertThat(repo.unassign("sales")).isTrue();
    assertThat(repo.unassign("sales")).isFalse();
    assertThat(repo.scenarioFor("sales")).isEmpty();
    assertThat(repo.assignments()).containsOnlyKeys("support");
  }
}
