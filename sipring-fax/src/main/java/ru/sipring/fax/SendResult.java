package ru.sipring.fax;

import java.util.List;

/**
 * What a send created: one job per number, all carrying {@code tag} (hfaxd JOBINFO). Immutable, thread-safe.
 */
public record SendResult(String tag, List<Job> jobs) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param tag the tag
   * @param jobs the jobs
   */
  public SendResult {
    jobs = List.copyOf(jobs);
  }

  /**
   * One submitted job. Immutable (thread-safe).
   *
   * @param id hfaxd job id
   * @param groupId hfaxd group id
   * @param number the number it goes to
   * @param state the state right after submission
   */
  public record Job(String id, String groupId, String number, FaxJobState state) {}
}
