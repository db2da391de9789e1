package ru.sipring.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.spring.InboundReports;
import ru.sipring.core.report.ReportWindow;

/**
 * Request parameters to a report query, with the meaning {@code sipring report} gives its options: an ISO date or
 * date-time in the zone, a date alone as {@code to} meaning the end of that day, sections by JSON key. Bad
 * values are a {@link BadInputException} naming the parameter. Stateless.
 */
final class ReportRequests {
  private ReportRequests() {
  }

  static InboundReports.Query query(@Nullable String from, @Nullable String to, @Nullable String zone,
      ZoneId defaultZone, @Nullable String sections, List<String> queues, List<String> agents, List<String> callers,
      @Nullable String view, @Nullable String period) {
    ZoneId z = zone(zone, defaultZone);
    Instant f = from == null || from.isBlank() ? null : time("from", from, z, false);
    Instant t = to == null || to.isBlank() ? null : time("to", to, z, true);
    if (f != null && t != null && !f.isBefore(t)) {
      throw new BadInputException("to", "the window is empty: from " + from + " is not before to " + to);
    }
    return new InboundReports.Query(f, t, z, sections(sections), clean(queues), clean(agents), clean(callers),
        view == null || view.isBlank() ? ReportView.QUEUE : choice("view", view, ReportView.class),
        period == null || period.isBlank() ? PeriodTable.PeriodUnit.DAY
            : choice("period", period, PeriodTable.PeriodUnit.class));
  }

  static ZoneId zone(@Nullable String zone, ZoneId defaultZone) {
    if (zone == null || zone.isBlank()) {
      return defaultZone;
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw new BadInputException("zone", "unknown time zone '" + zone + "' (use a region such as Europe/Moscow)");
    }
  }

  static Set<ReportSection> sections(@Nullable String sections) {
    EnumSet<ReportSection> s = EnumSet.noneOf(ReportSection.class);
    if (sections != null && !sections.isBlank()) {
      for (String name : sections.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        try {
          s.add(ReportSection.ofKey(name.trim()));
        } catch (IllegalArgumentException e) {
          throw new BadInputException("sections", String.valueOf(e.getMessage()));
        }
      }
    }
    return s.isEmpty() ? EnumSet.allOf(ReportSection.class) : s;
  }

  /** {@link ReportWindow#parseInstant}: the same time forms as {@code sipring report}. */
  static Instant time(String name, String value, ZoneId z, boolean endOfDay) {
    return ReportWindow.parseInstant(name, value, z, endOfDay);
  }

  private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw new BadInputException(name, "'" + value + "' is not one of " + String.join(", ", names));
    }
  }

  private static List<String> clean(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
