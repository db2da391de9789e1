package ru.sipring.core.report;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * One page of a detail table (answered or lost calls) to show: the page number (from 1), its size, and the sort
 * key with its direction. Which keys a table knows is {@link DetailSlice#answeredSortKeys()} and
 * {@link DetailSlice#lostSortKeys()}; an empty key keeps the report's order. Immutable and thread-safe.
 *
 * @param page the page, 1 for the first
 * @param size rows per page, 1 to {@link #MAX_SIZE}
 * @param sort the sort key, empty for the report's order
 * @param descending largest first
 */
public record DetailRequest(int page, int size, String sort, boolean descending) {
  /** Rows per page unless asked otherwise. */
  public static final int DEFAULT_SIZE = 50;
  /** The most rows one page may have, so a request cannot make the server draw a whole month at once. */
  public static final int MAX_SIZE = 500;

  /**
   * Checks the components.
   *
   * @param page the page, 1 for the first
   * @param size rows per page, 1 to {@link #MAX_SIZE}
   * @param sort the sort key, empty for the report's order
   * @param descending largest first
   * @throws BadInputException naming {@code page} or {@code size} when out of range
   */
  public DetailRequest {
    Objects.requireNonNull(sort, "sort");
    if (page < 1) {
      throw new BadInputException("page", page + " is not a page number (the first page is 1)");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadInputException("size", size + " is not between 1 and " + MAX_SIZE);
    }
  }

  /**
   * The first page of {@link #DEFAULT_SIZE} rows in the report's order.
   *
   * @return the request
   */
  public static DetailRequest first() {
    return new DetailRequest(1, DEFAULT_SIZE, "", false);
  }

  /**
   * A request from text parameters (a web query, command-line options): a missing value takes its default; a
   * sort key with a leading {@code -} sorts descending.
   *
   * @param page the page number, null or blank for 1
   * @param size rows per page, null or blank for {@link #DEFAULT_SIZE}
   * @param sort the sort key such as {@code wait} or {@code -wait}, null or blank for the report's order
   * @return the request
   * @throws BadInputException naming {@code page}, {@code size} or {@code sort}
   */
  public static DetailRequest parse(@Nullable String page, @Nullable String size, @Nullable String sort) {
    int p = number("page", page, 1);
    int s = number("size", size, DEFAULT_SIZE);
    String key = sort == null ? "" : sort.trim();
    boolean desc = key.startsWith("-");
    if (desc) {
      key = key.substring(1).trim();
      if (key.isEmpty()) {
        throw new BadInputException("sort", "'-' names no sort key");
      }
    }
    return new DetailRequest(p, s, key, desc);
  }

  private static int number(String name, @Nullable String value, int dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadInputException(name, "'" + value + "' is not a whole number");
    }
  }
}
