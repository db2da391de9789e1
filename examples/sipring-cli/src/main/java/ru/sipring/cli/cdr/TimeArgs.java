package ru.sipring.cli.cdr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import ru.sipring.core.BadInputException;

/** Parses {@code --from/--to}: {@code 2024-05-01}, {@code 2024-05-01T09:00[:00]}, {@code 2024-05-01 09:00:00}, or with an offset. */
public final class TimeArgs {
  private TimeArgs() {}

  public static Instant parse(String option, String text, ZoneId zone) {
    String t = text.strip().replace(' ', 'T');
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(zone).toInstant();
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadInputException(option, "not a time: '" + text + "' (expected 2024-05-01, 2024-05-01T09:00 "
          + "or 2024-05-01 09:00:00)", e);
    }
  }
}
