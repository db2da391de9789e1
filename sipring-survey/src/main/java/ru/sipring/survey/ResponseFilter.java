package ru.sipring.survey;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which responses an analysis or export takes. Immutable; {@code with...} methods narrow it. Empty sets mean
 * "any". Test runs are left out unless {@link #includingTests()} is used.
 *
 * @param scenarioId only this scenario ({@code null}: any)
 * @param from responses started at or after this instant ({@code null}: no lower bound)
 * @param to responses started before this instant ({@code null}: no upper bound)
 * @param queues only these queues
 * @param operators only these operators
 * @param versions only these scenario versions
 * @param includeTests whether test runs count
 */
public record ResponseFilter(@Nullable String scenarioId, @Nullable Instant from, @Nullable Instant to,
                             Set<String> queues, Set<String> operators, Set<Integer> versions,
                             boolean includeTests) {
  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param scenarioId only this scenario ({@code null}: any)
   * @param from responses started at or after this instant ({@code null}: no lower bound)
   * @param to responses started before this instant ({@code null}: no upper bound)
   * @param queues only these queues
   * @param operators only these operators
   * @param versions only these scenario versions
   * @param includeTests whether test runs count
   */
  public ResponseFilter {
    queues = Set.copyOf(queues);
    operators = Set.copyOf(operators);
    versions = Set.copyOf(versions);
  }

  /**
   * Every real (non-test) response of every scenario.
   *
   * @return every real
   */
  public static ResponseFilter all() {
    return new ResponseFilter(null, null, null, Set.of(), Set.of(), Set.of(), false);
  }

  /**
   * Every real response of one scenario.
   *
   * @param scenarioId the scenario id
   * @return every real response of one scenario
   */
  public static ResponseFilter forScenario(String scenarioId) {
    return all().withScenario(scenarioId);
  }

  /**
   * A copy limited to one scenario.
   *
   * @param id the scenario id; {@code null} for every scenario
   * @return the copy
   */
  public ResponseFilter withScenario(@Nullable String id) {
    return new ResponseFilter(id, from, to, queues, operators, versions, includeTests);
  }

  /**
   * Responses started in {@code [from, to)}; either bound may be null.
   *
   * @param newFrom the new from
   * @param newTo the new to
   * @return responses started in {@code [from, to)}
   */
  public ResponseFilter between(@Nullable Instant newFrom, @Nullable Instant newTo) {
    return new ResponseFilter(scenarioId, newFrom, newTo, queues, operators, versions, includeTests);
  }

  /**
   * A copy limited to these queues (none: every queue).
   *
   * @param q the queue numbers
   * @return the copy
   */
  public ResponseFilter withQueues(String... q) {
    return new ResponseFilter(scenarioId, from, to, Set.of(q), operators, versions, includeTests);
  }

  /**
   * A copy limited to these operators (none: every operator).
   *
   * @param o the operators
   * @return the copy
   */
  public ResponseFilter withOperators(String... o) {
    return new ResponseFilter(scenarioId, from, to, queues, Set.of(o), versions, includeTests);
  }

  /**
   * A copy limited to these scenario versions (none: every version).
   *
   * @param v the version numbers
   * @return the copy
   */
  public ResponseFilter withVersions(Integer... v) {
    return new ResponseFilter(scenarioId, from, to, queues, operators, Set.of(v), includeTests);
  }

  /**
   * A copy that counts test runs too.
   *
   * @return the copy
   */
  public ResponseFilter includingTests() {
    return new ResponseFilter(scenarioId, from, to, queues, operators, versions, true);
  }

  /**
   * Whether a response passes this filter.
   *
   * @param r the response
   * @return true when it passes every condition
   */
  public boolean matches(SurveyResponse r) {
    return (includeTests || !r.test())
        && (scenarioId == null || scenarioId.equals(r.scenarioId()))
        && (from == null || !r.startedAt().isBefore(from))
        && (to == null || r.startedAt().isBefore(to))
        && (queues.isEmpty() || queues.contains(r.call().queue()))
        && (operators.isEmpty() || operators.contains(r.call().operator()))
        && (versions.isEmpty() || versions.contains(r.version()));
  }
}
