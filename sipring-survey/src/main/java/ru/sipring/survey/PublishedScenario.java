package ru.sipring.survey;

import java.time.Instant;
import java.util.Objects;

/**
 * A frozen version of a scenario ("sealed", in Newfies-Dialer's words): what was published is what calls
 * see, whatever happens to the draft later. Immutable.
 *
 * @param scenario the questions as published
 * @param version 1, 2, ... per scenario id; {@link #DRAFT_VERSION} marks a test run of an unpublished draft
 * @param publishedAt when it was published
 */
public record PublishedScenario(Scenario scenario, int version, Instant publishedAt) {
  /** The version number a test run of a draft records. */
  public static final int DRAFT_VERSION = 0;

  /**
   * Checks the components.
   *
   * @param scenario the questions as published
   * @param version 1, 2, ... per scenario id; {@link #DRAFT_VERSION} marks a test run of an unpublished draft
   * @param publishedAt when it was published
   */
  public PublishedScenario {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0: " + version);
    }
  }

  /**
   * The id of the published scenario.
   *
   * @return the scenario id
   */
  public String scenarioId() {
    return scenario.id();
  }
}
