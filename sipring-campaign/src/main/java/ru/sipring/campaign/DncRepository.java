package ru.sipring.campaign;

import java.util.Collection;

/**
 * Do-not-call lists. A list is named by a scope key: {@link #GLOBAL}, {@code project:<id>} or
 * {@code assignment:<id>}; numbers are normalised. Implementations are thread-safe.
 */
public interface DncRepository {
  String GLOBAL = "global";

  static String projectKey(long projectId) {
    return "project:" + projectId;
  }

  static String assignmentKey(long assignmentId) {
    return "assignment:" + assignmentId;
  }

  void add(String scopeKey, String normalizedNumber);

  void remove(String scopeKey, String normalizedNumber);

  /** Whether the number is on any of the lists named. */
  boolean contains(Collection<String> scopeKeys, String normalizedNumber);
}
