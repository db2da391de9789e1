package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioRepository;

/**
 * What every {@link ScenarioRepository} must do. Subclass it and return an empty repository from
 * {@link #createRepository()} (called before each test).
 */
public abstract class ScenarioRepositoryContract {
  private ScenarioRepository repo;

  /**
   * A repository with no scenarios in it.
   *
   * @return the repository under test
   */
  protected abstract ScenarioRepository createRepository();

  /** Makes a fresh repository for each test. */
  @BeforeEach
  public void setUpRepository() {
    repo = createRepository();
  }

  /** A draft reads back whole, and saving it again replaces it. */
  @Test
  public void draftIsStoredWholeAndReplaced() {
    Scenario s = SurveyFixtures.scenario("car-loan", "Автокредит");
    repo.saveDraft(s);
    assertThat(repo.draft("car-loan")).hasValue(s);
    Scenario edited = s.withTitle("Автокредит, весна").withQuestionMoved("comment", 0);
    repo.saveDraft(edited);
    assertThat(repo.draft("car-loan")).hasValue(edited);
    assertThat(repo.draft("other")).isEmpty();
    assertThat(repo.scenarioIds()).containsExactly("car-loan");
  }

  /** Published versions are kept apart and never replaced. */
  @Test
  public void versionsAreKeptApartAndNeverReplaced() {
    Scenario v1 = SurveyFixtures.scenario("car-loan", "v1");
    Scenario v2 = v1.withTitle("v2");
    PublishedScenario p1 = new PublishedScenario(v1, 1, Instant.parse("2026-03-01T10:00:00Z"));
    PublishedScenario p2 = new PublishedScenario(v2, 2, Instant.parse("2026-03-02T10:00:00Z"));
    repo.addVersion(p1);
    repo.addVersion(p2);
    assertThat(repo.version("car-loan", 1)).hasValue(p1);
    assertThat(repo.version("car-loan", 2)).hasValue(p2);
    assertThat(repo.version("car-loan", 3)).isEmpty();
    assertThat(repo.latest("car-loan")).hasValue(p2);
    assertThat(repo.versions("car-loan")).containsExactly(1, 2);
    assertThat(repo.draft("car-loan")).isEmpty();
    assertThat(repo.scenarioIds()).containsExactly("car-loan");
    assertThatThrownBy(() -> repo.addVersion(new PublishedScenario(v2, 1, Instant.parse("2026-03-03T10:00:00Z"))))
        .isInstanceOf(RejectedException.class);
    assertThat(repo.version("car-loan", 1)).hasValue(p1);
  }

  /** Scenarios list sorted by name and delete with all their versions. */
  @Test
  public void scenariosAreListedSortedAndDeletedWhole() {
    repo.saveDraft(SurveyFixtures.scenario("b", "B"));
    repo.saveDraft(SurveyFixtures.scenario("a", "A"));
    repo.addVersion(new PublishedScenario(SurveyFixtures.scenario("a", "A"), 1, Instant.parse("2026-03-01T10:00:00Z")));
    repo.addVersion(new PublishedScenario(SurveyFixtures.scenario("c", "C"), 1, Instant.parse("2026-03-01T10:00:00Z")));
    assertThat(repo.scenarioIds()).containsExactly("a", "b", "c");
    assertThat(repo.delete("a")).isTrue();
    assertThat(repo.delete("a")).isFalse();
    assertThat(repo.draft("a")).isEmpty();
    assertThat(repo.latest("a")).isEmpty();
    assertThat(repo.versions("a")).isEmpty();
    assertThat(repo.scenarioIds()).containsExactly("b", "c");
    assertThat(repo.latest("c")).isPresent();
  }
}
