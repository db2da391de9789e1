package ru.sipring.campaign.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outbound report of a period (the guide's "Биллинг" tab, "Детализация" and "Отчет 2"), immutable. Times
 * and costs follow docs/campaign.md: form time = session time less pauses, computed time = session wall-clock
 * time, calls per hour = calls / computed hours, cost = the sum of the per-call costs each rounded to kopecks;
 * unrated calls are counted apart and add nothing.
 */
public record OutboundReport(Instant from, Instant to, ZoneId zone, List<GroupRow> byOperator,
    List<GroupRow> byProject, List<GroupRow> byTask, List<GroupRow> byAssignment, GroupRow total,
    List<CallRow> calls, List<DayRow> days, List<Report2Row> report2) {

  /** One line of a grouped table. */
  public record GroupRow(String name, Duration formTime, Duration computedTime, long calls,
      @Nullable Double callsPerHour, Duration talkTotal, @Nullable Double talkAverageSeconds,
      @Nullable Duration talkMin, @Nullable Duration talkMax, @Nullable BigDecimal cost, long unratedCalls) {}

  /** One call ("Детализация"). */
  public record CallRow(Instant at, String project, String task, String assignment, String operator, String number,
      String client, Duration talk, String outcome, @Nullable BigDecimal cost, @Nullable String prefix,
      @Nullable String recording, String note, long attemptId, @Nullable String uniqueId) {
    /**
     * A call row without the attempt's id and uniqueid (a row not read from a store).
     *
     * @param at when the call started
     * @param project the project
     * @param task the task
     * @param assignment the assignment
     * @param operator the operator
     * @param number the number dialled
     * @param client the client's name
     * @param talk answered time
     * @param outcome the outcome, in Russian
     * @param cost the cost, null when unrated
     * @param prefix the tariff's prefix, null when unrated
     * @param recording the recording's file name, null when none
     * @param note the operator's note
     */
    public CallRow(Instant at, String project, String task, String assignment, String operator, String number,
        String client, Duration talk, String outcome, @Nullable BigDecimal cost, @Nullable String prefix,
        @Nullable String recording, String note) {
      this(at, project, task, assignment, operator, number, client, talk, outcome, cost, prefix, recording, note, 0,
          null);
    }
  }

  /** "Отчет 2": one operator's work on one task per day. {@code workMinutes} is form time in whole minutes. */
  public record DayRow(LocalDate date, String operator, String project, String task, long workMinutes, long calls,
      Duration talk, @Nullable BigDecimal cost, @Nullable Double talkAverageSeconds) {}

  /** "Детализация ИКЦ отчет 2": a call with the card's reference fields and notes. */
  public record Report2Row(LocalDate date, String operator, String project, String task, String assignment,
      String counterpartyId, String contactPersonId, String eventId, String taskId, String number, String status,
      double talkMinutes, Map<String, String> notes) {}
}
