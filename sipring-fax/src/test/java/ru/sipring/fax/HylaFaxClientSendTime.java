package ru.sipring.fax;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** SENDTIME as hfaxd takes it in GMT mode (YYYYMMDDHHMM). */
final class HylaFaxClientSendTime {
  private HylaFaxClientSendTime() {}

  static String format(Instant t) {
    return DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC).format(t);
  }
}
