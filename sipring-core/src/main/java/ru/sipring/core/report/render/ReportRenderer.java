package ru.sipring.core.report.render;

import java.util.EnumSet;
import java.util.Set;
import ru.sipring.core.SipRingException;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;

/**
 * Writes an {@link InboundReport} in one format. Renderers are immutable and thread-safe; each call writes to
 * the given output on the caller's thread and does not close it.
 */
public interface ReportRenderer {

  /**
   * Writes the sections asked for that the report holds ({@code sections} ∩ {@code report.sections()}), in the
   * order of {@link ReportSection}.
   *
   * @param report the report
   * @param sections the sections wanted
   * @param out where to write; not closed
   * @throws SipRingException when the output cannot be written (the IOException is the cause)
   */
  void render(InboundReport report, Set<ReportSection> sections, Appendable out);

  /**
   * Writes every section the report holds.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws SipRingException when the output cannot be written
   */
  default void render(InboundReport report, Appendable out) {
    render(report, report.sections(), out);
  }

  /**
   * The sections to write: asked for and present in the report, in {@link ReportSection} order.
   *
   * @param report the report
   * @param asked the sections asked for
   * @return the sections to write, a new mutable set
   */
  static Set<ReportSection> effective(InboundReport report, Set<ReportSection> asked) {
    EnumSet<ReportSection> s = asked.isEmpty() ? EnumSet.noneOf(ReportSection.class) : EnumSet.copyOf(asked);
    s.retainAll(report.sections());
    return s;
  }
}
