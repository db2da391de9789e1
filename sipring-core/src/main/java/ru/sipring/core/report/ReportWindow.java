package ru.sipring.core.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * What a report covers: stints whose ENTERQUEUE time is in {@code [from, to)} (an open end when null), shown in
 * {@code zone}, restricted to the given queues, agents and caller numbers (empty = all).
 */
public record ReportWindow(@Nullable Instant from, @Nullable Instant to, ZoneId zone, List<String> queues,
    List<String> agents, List<String> callers) {
  /**
   * Checks the zone and that the window is not empty, and copies the filters.
   *
   * @param from the first instant included, or null for an open start
   * @param to the first instant excluded, or null for an open end
   * @param zone the zone times are shown and periods cut in
   * @param queues the queues to include, empty for all
   * @param agents the agent values to include, empty for all
   * @param callers the caller numbers to include, empty for all
   * @throws IllegalArgumentException when {@code from} is not before {@code to}
   */
  public ReportWindow {
    Objects.requireNonNull(zone, "zone");
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
    callers = List.copyOf(callers);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("report window is empty: from " + from + " is not before to " + to);
    }
  }

  /**
   * Everything, shown in {@code zone}.
   *
   * @param zone the zone times are shown in
   * @return a window with open ends and no filters
   */
  public static ReportWindow all(ZoneId zone) {
    return new ReportWindow(null, null, zone, List.of(), List.of(), List.of());
  }

  /**
   * Whether an ENTERQUEUE time falls in {@code [from, to)}; filters are not checked here.
   *
   * @param t the time
   * @return true inside the window
   */
  public boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  /**
   * The instant a person means by {@code text} in {@code zone}, the way every SipRing face reads a window's ends
   * (the CLI's {@code --from/--to/--as-of}, the web panel's query parameters, the Spark job): an ISO date
   * ({@code 2026-03-02}) or date-time ({@code 2026-03-02T09:30}, seconds optional, a space instead of the T
   * allowed); an explicit offset or {@code Z} wins over the zone. A date alone is the start of that day, or with
   * {@code endOfDay} the start of the next: a window's end is exclusive, so "to 2026-03-08" takes the whole 8th.
   *
   * @param field what the text is, for the error ({@code --from}, {@code to})
   * @param text the date or date-time as typed
   * @param zone the zone of a date or date-time without an offset
   * @param endOfDay whether a date alone means the end of that day
   * @return the instant
   * @throws BadInputException naming {@code field} when the text is neither a date nor a date-time
   */
  public static Instant parseInstant(String field, String text, ZoneId zone, boolean endOfDay) {
    String v = text.trim().replace(' ', 'T');
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
      }
      try {
        return LocalDateTime.parse(v).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        return OffsetDateTime.parse(v).toInstant();
      }
    } catch (DateTimeException e) {
      throw new BadInputException(field,
          "'" + text + "' is not an ISO date (2026-03-02) or date-time (2026-03-02T09:30)");
    }
  }
}
