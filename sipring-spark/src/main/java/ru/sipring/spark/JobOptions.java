package ru.sipring.spark;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.report.PeriodTable;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportView;
import ru.sipring.core.report.ReportWindow;

/**
 * The report options every task needs, in a form Spark can ship to executors ({@link InboundStatistics} itself is
 * not serialisable, so each task builds its own from these). Immutable and thread-safe.
 *
 * @param zone the report zone id
 * @param fromEpochSecond start of the window (inclusive) or null
 * @param toEpochSecond end of the window (exclusive) or null
 * @param periodUnit period rows
 * @param view queue or caller view
 * @param sections the JSON keys of the sections to compute
 * @param asOfEpochMilli the report's as-of instant: agent sessions still open when a PBX's data ends run to it (or
 *     to the window end, whichever is earlier). Fixed once on the driver, so every task, on any executor and at
 *     any time, cuts open sessions at the same instant; a task's own clock would give each PBX a different "now"
 * @serial exclude the serial form is Spark's driver-to-executor transport, not a stored format
 */
public record JobOptions(String zone, @Nullable Long fromEpochSecond, @Nullable Long toEpochSecond,
    PeriodTable.PeriodUnit periodUnit, ReportView view, List<String> sections, long asOfEpochMilli)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param zone the report zone id
   * @param fromEpochSecond start of the window (inclusive) or null
   * @param toEpochSecond end of the window (exclusive) or null
   * @param periodUnit period rows
   * @param view queue or caller view
   * @param sections the JSON keys of the sections to compute
   * @param asOfEpochMilli the report's as-of instant: agent sessions still open when a PBX's data ends run to it (or to the window end, whichever is earlier). Fixed once on the driver, so every task, on any executor and at any time, cuts open sessions at the same instant; a task's own clock would give each PBX a different "now"
   */
  public JobOptions {
    ZoneId.of(zone); // fail on the driver, not in a task
    sections = List.copyOf(sections);
  }

  /**
   * Options for this window and these sections.
   *
   * @param window the window and zone (filters are not supported by the fleet job)
   * @param unit the period unit
   * @param view the view
   * @param sections the sections
   * @param asOf the report's as-of instant (open agent sessions end there at the latest)
   * @return the options
   */
  public static JobOptions of(ReportWindow window, PeriodTable.PeriodUnit unit, ReportView view,
      Set<ReportSection> sections, Instant asOf) {
    List<String> keys = new ArrayList<>();
    for (ReportSection s : sections) {
      keys.add(s.key());
    }
    return new JobOptions(window.zone().getId(), window.from() == null ? null : window.from().getEpochSecond(),
        window.to() == null ? null : window.to().getEpochSecond(), unit, view, keys, asOf.toEpochMilli());
  }

  /** The engine configured with these options; built in every task. */
  InboundStatistics statistics() {
    Set<ReportSection> s = EnumSet.noneOf(ReportSection.class);
    for (String k : sections) {
      s.add(ReportSection.ofKey(k));
    }
    return InboundStatistics.builder()
        .window(new ReportWindow(fromEpochSecond == null ? null : Instant.ofEpochSecond(fromEpochSecond),
            toEpochSecond == null ? null : Instant.ofEpochSecond(toEpochSecond), ZoneId.of(zone), List.of(),
            List.of(), List.of()))
        .periodUnit(periodUnit)
        .view(view)
        .sections(s)
        .asOf(Instant.ofEpochMilli(asOfEpochMilli))
        .build();
  }
}
