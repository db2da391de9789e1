package ru.sipring.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * One page of a detail table, sorted as asked: the rows of that page, where it is, and how many rows the whole
 * table has. Sorting is stable, so rows with equal keys keep the report's order (entry time). Nothing is
 * computed: the rows are the report's own. Immutable and thread-safe when the rows are.
 *
 * @param <T> {@link AnsweredCall} or {@link LostCall}
 * @param rows this page's rows
 * @param page the page shown, from 1 (a request past the end shows the last page)
 * @param size rows per page
 * @param total rows in the whole table
 * @param sort the sort key used, empty for the report's order
 * @param descending largest first
 */
public record DetailSlice<T>(List<T> rows, int page, int size, int total, String sort, boolean descending) {
  private static final Map<String, Comparator<AnsweredCall>> ANSWERED = new LinkedHashMap<>();
  private static final Map<String, Comparator<LostCall>> LOST = new LinkedHashMap<>();
  /**
   * A page whose rows lie within the first or last 1/8 of the order is selected with a heap; deeper pages sort the
   * whole table, which is then cheaper than a heap that large.
   */
  private static final int SELECT_BELOW_SHARE = 8;

  static {
    ANSWERED.put("enteredAt", Comparator.comparing(AnsweredCall::enteredAt));
    ANSWERED.put("queue", Comparator.comparing(AnsweredCall::queue));
    ANSWERED.put("agent", Comparator.comparing(AnsweredCall::agent));
    ANSWERED.put("agentName", Comparator.comparing(AnsweredCall::agentName));
    ANSWERED.put("caller", Comparator.comparing(AnsweredCall::caller));
    ANSWERED.put("wait", Comparator.comparing(AnsweredCall::waitTime));
    ANSWERED.put("talk", Comparator.comparing(AnsweredCall::talkTime));
    ANSWERED.put("position", Comparator.comparingInt(AnsweredCall::position));
    ANSWERED.put("endedBy", Comparator.comparing(AnsweredCall::endedBy));
    ANSWERED.put("stints", Comparator.comparingInt(AnsweredCall::stints));
    LOST.put("enteredAt", Comparator.comparing(LostCall::enteredAt));
    LOST.put("queue", Comparator.comparing(LostCall::queue));
    LOST.put("caller", Comparator.comparing(LostCall::caller));
    LOST.put("wait", Comparator.comparing(LostCall::waitTime));
    LOST.put("position", Comparator.comparingInt(LostCall::position));
    LOST.put("cause", Comparator.comparing(LostCall::cause));
    LOST.put("agent", Comparator.comparing(LostCall::agent));
    LOST.put("stints", Comparator.comparingInt(LostCall::stints));
  }

  /**
   * Checks the components; the rows are kept as an unmodifiable copy.
   *
   * @param rows this page's rows
   * @param page the page shown, from 1
   * @param size rows per page
   * @param total rows in the whole table
   * @param sort the sort key used, empty for the report's order
   * @param descending largest first
   */
  public DetailSlice {
    rows = List.copyOf(rows);
    Objects.requireNonNull(sort, "sort");
  }

  /**
   * How many pages the whole table has (at least 1, an empty table is one empty page).
   *
   * @return the number of pages
   */
  public int pages() {
    return Math.max(1, (int) ((total + (long) size - 1) / size));
  }

  /**
   * The sort keys of the answered-calls table, in column order.
   *
   * @return the keys
   */
  public static List<String> answeredSortKeys() {
    return List.copyOf(ANSWERED.keySet());
  }

  /**
   * The sort keys of the lost-calls table, in column order.
   *
   * @return the keys
   */
  public static List<String> lostSortKeys() {
    return List.copyOf(LOST.keySet());
  }

  /**
   * A page of the answered calls ({@link InboundReport#answered()}).
   *
   * @param calls the report's answered calls
   * @param request the page and sort wanted
   * @return the page
   * @throws BadInputException naming {@code sort} when the table has no such key
   */
  public static DetailSlice<AnsweredCall> answered(List<AnsweredCall> calls, DetailRequest request) {
    return slice(calls, request, ANSWERED);
  }

  /**
   * A page of the lost calls ({@link InboundReport#lost()}).
   *
   * @param calls the report's lost calls
   * @param request the page and sort wanted
   * @return the page
   * @throws BadInputException naming {@code sort} when the table has no such key
   */
  public static DetailSlice<LostCall> lost(List<LostCall> calls, DetailRequest request) {
    return slice(calls, request, LOST);
  }

  private static <T> DetailSlice<T> slice(List<T> all, DetailRequest request, Map<String, Comparator<T>> keys) {
    @Nullable Comparator<T> order = null;
    if (!request.sort().isEmpty()) {
      Comparator<T> c = keys.get(request.sort());
      if (c == null) {
        throw new BadInputException("sort", "'" + request.sort() + "' is not one of "
            + String.join(", ", keys.keySet()));
      }
      order = request.descending() ? c.reversed() : c;
    }
    int total = all.size();
    int pages = Math.max(1, (int) ((total + (long) request.size() - 1) / request.size()));
    int page = Math.min(request.page(), pages);
    int from = (int) Math.min(total, (long) (page - 1) * request.size());
    int to = (int) Math.min(total, (long) from + request.size());
    List<T> rows;
    if (order != null) {
      rows = sortedRange(all, order, from, to);
    } else if (request.descending()) {
      rows = new ArrayList<>(all.subList(total - to, total - from));
      java.util.Collections.reverse(rows);
    } else {
      rows = all.subList(from, to);
    }
    return new DetailSlice<>(rows, page, request.size(), total, request.sort(), request.descending());
  }

  /**
   * The rows at positions {@code [from, to)} of {@code all} sorted stably by {@code order}. A page near either end
   * of the order (the usual request: the first pages, or the last) is selected with a bounded heap, in one pass
   * over the rows and without sorting the rest; a page in the middle sorts a copy of the whole table.
   */
  static <T> List<T> sortedRange(List<T> all, Comparator<T> order, int from, int to) {
    int total = all.size();
    if (from >= to) {
      return List.of();
    }
    // ties go by position in the report, which is what the stable List.sort gives them
    Comparator<Integer> byRank = (x, y) -> {
      int c = order.compare(all.get(x), all.get(y));
      return c != 0 ? c : Integer.compare(x, y);
    };
    boolean front = to <= total - from;
    int keep = front ? to : total - from;
    if ((long) keep * SELECT_BELOW_SHARE > total) {
      List<T> sorted = new ArrayList<>(all);
      sorted.sort(order);
      return sorted.subList(from, to);
    }
    // the `keep` first (front) or last rows of the order; the heap's head is the one to drop first. Most rows lose
    // to the head at once, so the head is kept unboxed beside the heap and a row costs one comparison.
    java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(keep + 1,
        front ? byRank.reversed() : byRank);
    for (int i = 0; i < keep; i++) {
      heap.add(i);
    }
    T headRow = all.get(Objects.requireNonNull(heap.peek()));
    for (int i = keep; i < total; i++) {
      int c = order.compare(all.get(i), headRow);
      // row i comes after every kept row in the report, so on a tie it ranks after the head
      if (front ? c < 0 : c >= 0) {
        heap.poll();
        heap.add(i);
        headRow = all.get(Objects.requireNonNull(heap.peek()));
      }
    }
    List<Integer> kept = new ArrayList<>(heap);
    kept.sort(byRank);
    // kept holds the ranks [0, to) (front) or [from, total) (back) in order
    int skip = front ? from : 0;
    List<T> out = new ArrayList<>(to - from);
    for (int k = skip; k < skip + (to - from); k++) {
      out.add(all.get(kept.get(k)));
    }
    return out;
  }
}
