package ru.sipring.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Every section of the inbound report for one window. Sections that were not requested are empty (lists) or
 * hold zero counts; {@link #sections()} says which were computed.
 *
 * @param window the report window, zone and filters it was computed for
 * @param sections the sections computed (a request may ask for a subset, so a summary over millions of
 *     calls need not keep every call)
 * @param summary section 3: totals for the whole window
 * @param answered section 1: one row per answered stint, in time order
 * @param lost section 2: one row per lost stint, in time order
 * @param operators sections 4 and 5: one row per agent (answered, wait, talk, who ended the calls)
 * @param queues section 4: one row per queue
 * @param serviceLevel section 6: answered and lost per wait bucket, SL% per threshold
 * @param periods section 7: statistics per hour / day / month
 * @param agents section 8: agent analytics (offers, sessions, pauses, work time)
 * @param problems input lines that could not be used, with where they are
 * @param input what was read: sources, line count, lines per event type
 * @param view how stints were counted as calls (summary, detail rows, queues, service level, periods); agent
 *     rows are per stint in both views
 */
public record InboundReport(
    ReportWindow window,
    java.util.Set<ReportSection> sections,
    Summary summary,
    List<AnsweredCall> answered,
    List<LostCall> lost,
    List<OperatorRow> operators,
    List<QueueRow> queues,
    ServiceLevel serviceLevel,
    PeriodTable periods,
    List<AgentAnalytics> agents,
    ProblemReport problems,
    InputSummary input,
    ReportView view) {

  /**
   * The service level at any threshold (not only the bucket bounds), both ways: of offered calls (the guide's)
   * and of answered calls (Asterisk's). See {@link ServiceLevel#at(java.time.Duration)}.
   *
   * @param threshold the longest wait that still counts as answered in time
   * @return answered within the threshold and the two percentages
   */
  public ServiceLevel.Threshold serviceLevelAt(java.time.Duration threshold) {
    return serviceLevel.at(threshold);
  }

  /**
   * Checks the required parts and copies every list and the section set.
   *
   * @param window the report window, zone and filters it was computed for
   * @param sections the sections computed (a request may ask for a subset, so a summary over millions of calls need not
   *     keep every call)
   * @param summary section 3: totals for the whole window
   * @param answered section 1: one row per answered stint, in time order
   * @param lost section 2: one row per lost stint, in time order
   * @param operators sections 4 and 5: one row per agent (answered, wait, talk, who ended the calls)
   * @param queues section 4: one row per queue
   * @param serviceLevel section 6: answered and lost per wait bucket, SL% per threshold
   * @param periods section 7: statistics per hour / day / month
   * @param agents section 8: agent analytics (offers, sessions, pauses, work time)
   * @param problems input lines that could not be used, with where they are
   * @param input what was read: sources, line count, lines per event type
   * @param view how stints were counted as calls (summary, detail rows, queues, service level, periods); agent rows are
   *     per stint in both views
   */
  public InboundReport {
    Objects.requireNonNull(window, "window");
    sections = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(sections));
    Objects.requireNonNull(summary, "summary");
    answered = List.copyOf(answered);
    lost = List.copyOf(lost);
    operators = List.copyOf(operators);
    queues = List.copyOf(queues);
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    Objects.requireNonNull(periods, "periods");
    agents = List.copyOf(agents);
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(view, "view");
  }
}
