package ru.sipring.core.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ru.sipring.core.BadInputException;
import ru.sipring.core.report.AnsweredCall;
import ru.sipring.core.report.DetailRequest;
import ru.sipring.core.report.DetailSlice;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.LostCall;
import ru.sipring.core.report.ReportSection;

/**
 * One page of a detail table (answered or lost calls) as a person sees it, for a screen that pages and sorts: the
 * title, the columns (with the sort key of each sortable one), the page's rows as the other renderers write them
 * (same labels, times and durations) with each row's call id, and where the page is. The rows and their order
 * come from {@link DetailSlice}; nothing is computed here. Immutable and thread-safe.
 *
 * @param section {@link ReportSection#ANSWERED} or {@link ReportSection#LOST}
 * @param title the table's title in the language
 * @param columns the columns, left to right
 * @param rows this page's rows
 * @param page the page shown, from 1
 * @param pages how many pages the table has
 * @param size rows per page
 * @param total rows in the whole table
 * @param sort the sort key used, empty for the report's order
 * @param descending largest first
 */
public record DetailView(ReportSection section, String title, List<Column> columns, List<Row> rows, int page,
    int pages, int size, int total, String sort, boolean descending) {

  /**
   * A column.
   *
   * @param label its header in the language
   * @param sortKey the {@link DetailRequest#sort()} key that sorts by it, empty when it does not sort
   * @param rightAligned numbers and durations are right-aligned
   */
  public record Column(String label, String sortKey, boolean rightAligned) {
    /**
     * Checks the components.
     *
     * @param label its header in the language
     * @param sortKey the sort key, empty when it does not sort
     * @param rightAligned numbers and durations are right-aligned
     */
    public Column {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(sortKey, "sortKey");
    }
  }

  /**
   * A row.
   *
   * @param cells display strings, one per column (outside text as it came: escape it for where it goes)
   * @param callId the queue_log call id (the CDR uniqueid), to find the call's recording
   * @param day the local date the call entered the queue in the report's zone (ISO, {@code 2026-03-02}): the
   *     dated directory ({@code YYYY/MM/DD}) Asterisk's MixMonitor records it into
   */
  public record Row(List<String> cells, String callId, String day) {
    /**
     * Keeps an unmodifiable copy of the cells.
     *
     * @param cells display strings, one per column
     * @param callId the queue_log call id
     * @param day the local date of the call
     */
    public Row {
      cells = List.copyOf(cells);
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(day, "day");
    }
  }

  /**
   * Checks the components; the lists are kept as unmodifiable copies.
   *
   * @param section the section
   * @param title the title
   * @param columns the columns
   * @param rows the rows
   * @param page the page shown
   * @param pages how many pages
   * @param size rows per page
   * @param total rows in the table
   * @param sort the sort key used
   * @param descending largest first
   */
  public DetailView {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(title, "title");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    Objects.requireNonNull(sort, "sort");
  }

  /**
   * The page {@code request} asks for of the report's answered or lost calls, in {@code language}.
   *
   * @param report the report (computed with the section)
   * @param section {@link ReportSection#ANSWERED} or {@link ReportSection#LOST}
   * @param request page, size and sort
   * @param language labels, date format
   * @return the page
   * @throws BadInputException naming {@code section} for another section, {@code sort} for an unknown key
   */
  public static DetailView of(InboundReport report, ReportSection section, DetailRequest request,
      ReportLanguage language) {
    DisplayTables d = new DisplayTables(language, report.window().zone());
    List<Column> cols = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    DisplayTable table;
    DetailSlice<?> slice;
    String[] keys;
    if (section == ReportSection.ANSWERED) {
      DetailSlice<AnsweredCall> s = DetailSlice.answered(report.answered(), request);
      table = d.answered(s.rows(), report.view());
      for (AnsweredCall c : s.rows()) {
        rows.add(new Row(List.of(), c.callId(), day(c.enteredAt(), report)));
      }
      slice = s;
      keys = new String[] {"queue", "", "agent", "agentName", "enteredAt", "caller", "wait", "talk", "position",
          "endedBy", "", "stints"};
    } else if (section == ReportSection.LOST) {
      DetailSlice<LostCall> s = DetailSlice.lost(report.lost(), request);
      table = d.lost(s.rows(), report.view());
      for (LostCall c : s.rows()) {
        rows.add(new Row(List.of(), c.callId(), day(c.enteredAt(), report)));
      }
      slice = s;
      keys = new String[] {"queue", "", "enteredAt", "caller", "wait", "position", "cause", "", "stints"};
    } else {
      throw new BadInputException("section", "'" + section.key() + "' is not a detail table (answered, lost)");
    }
    int n = table.headers.size();
    for (int i = 0; i < n; i++) {
      cols.add(new Column(table.headers.get(i), i < keys.length ? keys[i] : "", table.rightAligned.get(i)));
    }
    for (int i = 0; i < rows.size(); i++) {
      rows.set(i, new Row(table.rows.get(i), rows.get(i).callId(), rows.get(i).day()));
    }
    return new DetailView(section, table.title, cols, rows, slice.page(), slice.pages(), slice.size(),
        slice.total(), slice.sort(), slice.descending());
  }

  private static String day(java.time.Instant at, InboundReport report) {
    return at.atZone(report.window().zone()).toLocalDate().toString();
  }
}
