package ru.sipring.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When clients may be called: on {@code days}, from {@code start} (inclusive) to {@code end} (exclusive) local
 * time. Local means the client's own time zone when the card has one, else {@code zone} (the assignment's).
 * An end before the start spans midnight. Immutable and thread-safe.
 *
 * @param zone the assignment's zone, for cards that name none
 * @param start the first local time calls may be placed
 * @param end the first local time they may no longer be placed; equal to {@code start} for all day
 * @param days the days of the week calls may be placed on
 */
public record CallWindow(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
  /**
   * Copies the days.
   *
   * @param zone the assignment's zone, for cards that name none
   * @param start the first local time calls may be placed
   * @param end the first local time they may no longer be placed; equal to {@code start} for all day
   * @param days the days of the week calls may be placed on
   * @throws NullPointerException when the zone, start or end is null
   */
  public CallWindow {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
  }

  /**
   * Every day, all day.
   *
   * @param zone the assignment's zone
   * @return the window
   */
  public static CallWindow always(ZoneId zone) {
    return new CallWindow(zone, LocalTime.MIN, LocalTime.MIN, EnumSet.allOf(DayOfWeek.class));
  }

  /**
   * Every day from {@code start} to {@code end}.
   *
   * @param zone the assignment's zone
   * @param start the first local time
   * @param end the first local time after the window
   * @return the window
   */
  public static CallWindow daily(ZoneId zone, LocalTime start, LocalTime end) {
    return new CallWindow(zone, start, end, EnumSet.allOf(DayOfWeek.class));
  }

  /**
   * Whether a client in {@code clientZone} may be called at {@code at}.
   *
   * @param at the time of the call
   * @param clientZone the client's own zone; null for the window's
   * @return true inside the window
   */
  public boolean isOpen(Instant at, @Nullable ZoneId clientZone) {
    ZonedDateTime local = at.atZone(clientZone == null ? zone : clientZone);
    LocalTime t = local.toLocalTime();
    if (start.equals(end)) {
      return days.contains(local.getDayOfWeek());
    }
    if (start.isBefore(end)) {
      return days.contains(local.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }
    // spans midnight: the part after midnight belongs to the previous day's window
    if (!t.isBefore(start)) {
      return days.contains(local.getDayOfWeek());
    }
    return t.isBefore(end) && days.contains(local.getDayOfWeek().minus(1));
  }
}
