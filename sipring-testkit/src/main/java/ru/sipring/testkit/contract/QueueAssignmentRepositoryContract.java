package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.survey.QueueAssignmentRepository;

/** What every {@link QueueAssignmentRepository} must do. Subclass it and return an empty repository. */
public abstract class QueueAssignmentRepositoryContract {
  private QueueAssignmentRepository repo;

  protected abstract QueueAssignmentRepository createRepository();

  @BeforeEach
  public void setUpRepository() {
    repo = createRepository();
  }

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
