package ru.sipring.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: stints whose ENTERQUEUE time is in {@code [from, to)} (an open end when null), shown in
 * {@code zone}, restricted to the given queues, agents and caller numbers (empty = all).
 */
public record ReportWindow(@Nullable Instant from, @Nullable Instant to, ZoneId zone, List<String> queues,
    List<String> agents, List<String> callers) {
  public ReportWindow {
    Objects.requireNonNull(zone, "zone");
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
    callers = List.copyOf(callers);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("report window is empty: from " + from + " is not before to " + to);
    }
  }

  /** Everything, shown in {@code zone}. */
  public static ReportWindow all(ZoneId zone) {
    return new ReportWindow(null, null, zone, List.of(), List.of(), List.of());
  }

  public boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
