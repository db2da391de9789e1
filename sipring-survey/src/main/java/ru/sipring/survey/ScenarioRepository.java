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
  /** Creates or replaces the draft with this scenario's id. */
  void saveDraft(Scenario draft);

  Optional<Scenario> draft(String scenarioId);

  /**
   * Stores a published version. A version is never replaced: storing an existing (id, version) throws
   * {@link ru.sipring.core.RejectedException}.
   */
  void addVersion(PublishedScenario published);

  Optional<PublishedScenario> version(String scenarioId, int version);

  /** The highest published version. */
  Optional<PublishedScenario> latest(String scenarioId);

  /** Published version numbers, ascending. */
  List<Integer> versions(String scenarioId);

  /** Ids of every scenario with a draft or a published version, sorted. */
  List<String> scenarioIds();

  /** Removes the draft and every published version; returns whether anything was there. */
  boolean delete(String scenarioId);
}
