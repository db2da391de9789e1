package ru.sipring.core.report;

import java.util.List;
import java.util.Map;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Input that could not be used: the total count, counts per kind of problem, and the first problems in full
 * (capped, so a badly broken file cannot exhaust memory).
 */
public record ProblemReport(long total, Map<String, Long> countsByKind, List<InputProblem> first) {
  /** No problems. */
  public static final ProblemReport NONE = new ProblemReport(0, Map.of(), List.of());

  /**
   * Copies the map and the list.
   *
   * @param total every problem met
   * @param countsByKind problems per kind
   * @param first the first problems in full, capped
   */
  public ProblemReport {
    countsByKind = Map.copyOf(countsByKind);
    first = List.copyOf(first);
  }
}
