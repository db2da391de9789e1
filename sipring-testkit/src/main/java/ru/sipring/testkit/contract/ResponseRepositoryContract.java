package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.sipring.core.RejectedException;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.ResponseRepository;
import ru.sipring.survey.SurveyResponse;

/** What every {@link ResponseRepository} must do. Subclass it and return an empty repository. */
public abstract class ResponseRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private ResponseRepository repo;

  /**
   * A new, empty repository; called before each test.
   *
   * @return the repository under test
   */
  protected abstract ResponseRepository createRepository();

  /** Makes a fresh repository for each test. */
  @BeforeEach
  public void setUpRepository() {
    repo = createRepository();
  }

  private static List<String> ids(Stream<SurveyResponse> s) {
    try (s) {
      return s.map(SurveyResponse::id).toList();
    }
  }

  /** A saved response reads back whole, its texts as the operator was asked them. */
  @Test
  public void responseIsStoredWholeWithTextsAsAsked() {
    SurveyResponse r = SurveyFixtures.response("r1", "car-loan", 3, "1700000000.42", "sales", "101", T0, false);
    repo.save(r);
    assertThat(repo.find("r1")).hasValue(r);
    assertThat(repo.find("r2")).isEmpty();
    assertThatThrownBy(() -> repo.save(r)).isInstanceOf(RejectedException.class);
  }

  /** Responses of one call list oldest first, test calls included. */
  @Test
  public void forCallListsOldestFirstIncludingTests() {
    repo.save(SurveyFixtures.response("b", "car-loan", 1, "c1", "sales", "101", T0.plusSeconds(60), true));
    repo.save(SurveyFixtures.response("a", "car-loan", 1, "c1", "sales", "101", T0, false));
    repo.save(SurveyFixtures.response("c", "car-loan", 1, "c2", "sales", "101", T0, false));
    assertThat(repo.forCall("c1")).extracting(SurveyResponse::id).containsExactly("a", "b");
    assertThat(repo.forCall("none")).isEmpty();
  }

  /** The filter narrows by scenario, date, queue, operator, version and test flag. */
  @Test
  public void filterByScenarioDateQueueOperatorVersionAndTests() {
    repo.save(SurveyFixtures.response("r1", "car-loan", 1, "c1", "sales", "101", T0, false));
    repo.save(SurveyFixtures.response("r2", "car-loan", 2, "c2", "sales", "102", T0.plusSeconds(3600), false));
    repo.save(SurveyFixtures.response("r3", "car-loan", 2, "c3", "support", "101", T0.plusSeconds(7200), false));
    repo.save(SurveyFixtures.response("r4", "nps", 1, "c4", "sales", "101", T0.plusSeconds(60), false));
    repo.save(SurveyFixtures.response("t1", "car-loan", 0, "test-1", "", "101", T0.plusSeconds(30), true));

    assertThat(ids(repo.find(ResponseFilter.all()))).containsExactly("r1", "r4", "r2", "r3");
    assertThat(ids(repo.find(ResponseFilter.all().includingTests()))).containsExactly("r1", "t1", "r4", "r2", "r3");
    assertThat(ids(repo.find(ResponseFilter.forScenario("car-loan")))).containsExactly("r1", "r2", "r3");
    assertThat(ids(repo.find(ResponseFilter.all().between(T0.plusSeconds(60), T0.plusSeconds(7200)))))
        .containsExactly("r4", "r2");
    assertThat(ids(repo.find(ResponseFilter.all().withQueues("support", "none")))).containsExactly("r3");
    assertThat(ids(repo.find(ResponseFilter.all().withOperators("102")))).containsExactly("r2");
    assertThat(ids(repo.find(ResponseFilter.forScenario("car-loan").withVersions(2)))).containsExactly("r2", "r3");
    assertThat(ids(repo.find(ResponseFilter.forScenario("car-loan").withVersions(2).withQueues("sales")
        .withOperators("102").between(T0, T0.plusSeconds(3601))))).containsExactly("r2");
  }
}
