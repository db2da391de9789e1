package ru.sipring.core.report;

import java.util.List;
import java.util.Map;

/**
 * What was read: the sources in reading order, the number of valid lines, and how many lines each event type
 * had (custom and vendor events such as {@code DID} or {@code OUTDIAL} included: they are valid, only not
 * used for statistics). Counts cover all the input, not only the report window.
 */
public record InputSummary(List<String> sources, long lines, Map<String, Long> eventCounts) {
  /** Nothing read: for reports built without an input summary. */
  public static final InputSummary NONE = new InputSummary(List.of(), 0, Map.of());

  /**
   * Copies the lists and the map.
   *
   * @param sources the source names, in reading order
   * @param lines valid lines read
   * @param eventCounts lines per event name
   */
  public InputSummary {
    sources = List.copyOf(sources);
    eventCounts = Map.copyOf(eventCounts);
  }
}
