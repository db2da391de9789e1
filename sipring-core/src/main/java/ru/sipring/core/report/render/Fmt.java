package ru.sipring.core.report.render;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats shared by the renderers. */
final class Fmt {
  /** ISO-8601 with the zone's offset, always with seconds (data outputs). */
  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private Fmt() {}

  /** HH:MM:SS as the guide shows durations; hours grow past 99 rather than wrap. */
  static String hms(long seconds) {
    long s = Math.max(0, seconds);
    long h = s / 3600;
    int m = (int) (s % 3600 / 60);
    int sec = (int) (s % 60);
    StringBuilder b = new StringBuilder(10);
    if (h < 10) {
      b.append('0');
    }
    b.append(h).append(':');
    if (m < 10) {
      b.append('0');
    }
    b.append(m).append(':');
    if (sec < 10) {
      b.append('0');
    }
    return b.append(sec).toString();
  }

  /** An exact average shown to a person: rounded half-even to whole seconds (12.5 s is 00:00:12). */
  static String hms(double averageSeconds) {
    return hms((long) Math.rint(averageSeconds));
  }

  /** A percentage shown to a person: a whole number, rounded half-even, as the guide's tables show it. */
  static String percent(double percent) {
    return Long.toString((long) Math.rint(percent));
  }

  /** A number for data outputs: plain decimal notation, no exponent, no trailing ".0" on whole values. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static String iso(Instant t, ZoneId zone) {
    return ISO.format(t.atZone(zone));
  }

  /** Two decimals, for calls per hour shown to a person. */
  static String twoDecimals(double v) {
    return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
