package ru.sipring.campaign;

import java.util.Collection;

/**
 * Do-not-call lists. A list is named by a scope key: {@link #GLOBAL}, {@code project:<id>} or
 * {@code assignment:<id>}; numbers are normalised. Implementations are thread-safe.
 */
public interface DncRepository {
  /**
   * The key of the global list, which every assignment honours.
   */
  String GLOBAL = "global";

  /**
   * The key of a project's list.
   *
   * @param projectId the project
   * @return {@code project:<id>}
   */
  static String projectKey(long projectId) {
    return "project:" + projectId;
  }

  /**
   * The key of an assignment's own list.
   *
   * @param assignmentId the assignment
   * @return {@code assignment:<id>}
   */
  static String assignmentKey(long assignmentId) {
    return "assignment:" + assignmentId;
  }

  /**
   * Puts a number on a list; adding it twice keeps one entry.
   *
   * @param scopeKey the list
   * @param normalizedNumber the number in its normal form
   */
  void add(String scopeKey, String normalizedNumber);

  /**
   * Takes a number off a list; nothing happens when it is not there.
   *
   * @param scopeKey the list
   * @param normalizedNumber the number in its normal form
   */
  void remove(String scopeKey, String normalizedNumber);

  /**
   * Whether the number is on any of the lists named.
   *
   * @param scopeKeys the lists to look in; none means false
   * @param normalizedNumber the number in its normal form
   * @return true when some list holds it
   */
  boolean contains(Collection<String> scopeKeys, String normalizedNumber);

  /**
   * The numbers of one list, in ascending order, for a screen that shows and edits the list.
   *
   * @param scopeKey the list
   * @param limit at most this many numbers (1 or more)
   * @return the first {@code limit} numbers of the list; empty when the list is empty or unknown
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  java.util.List<String> numbers(String scopeKey, int limit);
}
