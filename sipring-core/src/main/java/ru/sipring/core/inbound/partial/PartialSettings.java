package ru.sipring.core.inbound.partial;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/**
 * The options a partial was computed with. Two partials merge only when everything but the window's ends is equal
 * (view, zone, period unit, service-level buckets, filters, short-abandon threshold, caller grace, sections): a
 * count cut one way cannot be added to a count cut another way. The merged window spans both windows.
 *
 * @param view how stints were counted as calls
 * @param zone the zone periods were cut in (and times are shown in)
 * @param periodUnit the rows of the period table
 * @param serviceLevelBuckets the bucket bounds in seconds, ascending
 * @param from start of the window, inclusive; null = open
 * @param to end of the window, exclusive; null = open
 * @param queues queue filter (empty = all)
 * @param agents agent filter (empty = all)
 * @param callers caller filter (empty = all)
 * @param shortAbandonSeconds the short-abandon threshold in seconds; null = off
 * @param callerGraceSeconds the caller view's grace in seconds
 * @param sections the sections computed; {@code answered}/{@code lost} only when the partial carries those rows
 */
public record PartialSettings(ReportView view, ZoneId zone, PeriodTable.PeriodUnit periodUnit,
    List<Integer> serviceLevelBuckets, @Nullable Instant from, @Nullable Instant to, List<String> queues,
    List<String> agents, List<String> callers, @Nullable Long shortAbandonSeconds, long callerGraceSeconds,
    Set<ReportSection> sections) {

  /**
   * Checks the settings and copies the lists and the set.
   *
   * @param view how stints were counted as calls
   * @param zone the zone periods were cut in (and times are shown in)
   * @param periodUnit the rows of the period table
   * @param serviceLevelBuckets the bucket bounds in seconds, ascending
   * @param from start of the window, inclusive; null = open
   * @param to end of the window, exclusive; null = open
   * @param queues queue filter (empty = all)
   * @param agents agent filter (empty = all)
   * @param callers caller filter (empty = all)
   * @param shortAbandonSeconds the short-abandon threshold in seconds; null = off
   * @param callerGraceSeconds the caller view's grace in seconds
   * @param sections the sections computed; {@code answered}/{@code lost} only when the partial carries those rows
   * @throws IllegalArgumentException when the buckets are not ascending in 0..86400, the window is empty, a threshold
   *     or the grace is negative, or no section is given
   */
  public PartialSettings {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(periodUnit, "periodUnit");
    serviceLevelBuckets = List.copyOf(serviceLevelBuckets);
    if (serviceLevelBuckets.isEmpty()) {
      throw new IllegalArgumentException("at least one service-level bucket is needed");
    }
    for (int i = 0; i < serviceLevelBuckets.size(); i++) {
      int b = serviceLevelBuckets.get(i);
      if (b < 0 || b > 86_400 || (i > 0 && b <= serviceLevelBuckets.get(i - 1))) {
        throw new IllegalArgumentException("service-level buckets must be ascending, 0..86400 s: "
            + serviceLevelBuckets);
      }
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window is empty: from " + from + " is not before to " + to);
    }
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
    callers = List.copyOf(callers);
    if (shortAbandonSeconds != null && shortAbandonSeconds < 0) {
      throw new IllegalArgumentException("short-abandon threshold must not be negative: " + shortAbandonSeconds);
    }
    if (callerGraceSeconds < 0) {
      throw new IllegalArgumentException("caller grace must not be negative: " + callerGraceSeconds);
    }
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("at least one section is needed");
    }
    sections = Collections.unmodifiableSet(EnumSet.copyOf(sections));
  }

  /**
   * The report window these settings describe.
   *
   * @return the window
   */
  public ReportWindow window() {
    return new ReportWindow(from, to, zone, queues, agents, callers);
  }

  /**
   * Why partials with these settings and {@code other} cannot be merged, or null when they can.
   *
   * @param other the other partial's settings
   * @return a one-line reason naming the setting and both values, or null
   */
  public @Nullable String incompatibility(PartialSettings other) {
    List<String> diffs = new ArrayList<>();
    diff(diffs, "view", view.key(), other.view.key());
    diff(diffs, "zone", zone.getId(), other.zone.getId());
    diff(diffs, "period unit", periodUnit.name().toLowerCase(java.util.Locale.ROOT),
        other.periodUnit.name().toLowerCase(java.util.Locale.ROOT));
    diff(diffs, "service-level buckets", serviceLevelBuckets, other.serviceLevelBuckets);
    diff(diffs, "queue filter", queues, other.queues);
    diff(diffs, "agent filter", agents, other.agents);
    diff(diffs, "caller filter", callers, other.callers);
    diff(diffs, "short-abandon threshold", shortAbandonSeconds, other.shortAbandonSeconds);
    if (view == ReportView.CALLER) {
      diff(diffs, "caller grace", callerGraceSeconds, other.callerGraceSeconds);
    }
    diff(diffs, "sections", keys(sections), keys(other.sections));
    return diffs.isEmpty() ? null : String.join("; ", diffs);
  }

  /** These settings with the window widened to cover {@code other}'s too (an open end stays open). */
  PartialSettings widenedTo(PartialSettings other) {
    Instant f = from == null || other.from == null ? null : from.isBefore(other.from) ? from : other.from;
    Instant t = to == null || other.to == null ? null : to.isAfter(other.to) ? to : other.to;
    return new PartialSettings(view, zone, periodUnit, serviceLevelBuckets, f, t, queues, agents, callers,
        shortAbandonSeconds, callerGraceSeconds, sections);
  }

  static List<String> keys(Set<ReportSection> sections) {
    return sections.stream().map(ReportSection::key).toList();
  }

  private static void diff(List<String> out, String what, @Nullable Object a, @Nullable Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + " differs (" + (a == null ? "off" : a) + " vs " + (b == null ? "off" : b) + ")");
    }
  }
}
