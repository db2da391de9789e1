package ru.sipring.fax;

import java.util.List;

/**
 * One reply of hfaxd: the three-digit code and the text lines as the server sent them (a multi-line reply
 * {@code 217-...} ... {@code 217 ...} keeps every line without the code prefix). Immutable, thread-safe.
 */
public record HfaxdReply(int code, List<String> lines) {

  public HfaxdReply {
    lines = List.copyOf(lines);
  }

  /** The text of the last line (for a one-line reply: the whole text after the code). */
  public String text() {
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** 1xx: preliminary (a data transfer starts). */
  public boolean isPreliminary() {
    return code >= 100 && code < 200;
  }

  /** 2xx or 3xx (331 "password required" is positive intermediate, as in FTP). */
  public boolean isPositive() {
    return code >= 200 && code < 400;
  }

  @Override
  public String toString() {
    return code + " " + String.join(" / ", lines);
  }
}
