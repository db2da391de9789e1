package ru.sipring.survey;

import java.util.List;
import java.util.Optional;

/**
 * Storage of scenarios: one editable draft per scenario id and its frozen published versions. Implemented
 * in memory ({@link InMemoryScenarioRepository}) and over MariaDB in sipring-cdr
 * ({@code ru.sipring.cdr.survey}). Both pass {@code ru.sipring.testkit.contract.ScenarioRepositoryContract}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ScenarioRepository {
  /**
   * Creates or replaces the draft with this scenario's id.
   *
   * @param draft the draft
   */
  void saveDraft(Scenario draft);

  /**
   * The draft of a scenario.
   *
   * @param scenarioId the scenario id
   * @return the draft, or empty when there is none
   */
  Optional<Scenario> draft(String scenarioId);

  /**
   * Stores a published version. A version is never replaced: storing an existing (id, version) throws
   * {@link ru.sipring.core.RejectedException}.
   *
   * @param published the published scenario version
   */
  void addVersion(PublishedScenario published);

  /**
   * One published version.
   *
   * @param scenarioId the scenario id
   * @param version the version number
   * @return the version, or empty when it was never published
   */
  Optional<PublishedScenario> version(String scenarioId, int version);

  /**
   * The highest published version.
   *
   * @param scenarioId the scenario id
   * @return the highest published version, or empty when there is none
   */
  Optional<PublishedScenario> latest(String scenarioId);

  /**
   * Published version numbers, ascending.
   *
   * @param scenarioId the scenario id
   * @return the version numbers, ascending
   */
  List<Integer> versions(String scenarioId);

  /**
   * Ids of every scenario with a draft or a published version, sorted.
   *
   * @return the scenario ids
   */
  List<String> scenarioIds();

  /**
   * Removes the draft and every published version; returns whether anything was there.
   *
   * @param scenarioId the scenario id
   * @return true when anything was there
   */
  boolean delete(String scenarioId);
}
