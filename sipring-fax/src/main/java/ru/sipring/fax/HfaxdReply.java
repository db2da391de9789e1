package ru.sipring.fax;

import java.util.List;

/**
 * One reply of hfaxd: the three-digit code and the text lines as the server sent them (a multi-line reply
 * {@code 217-...} ... {@code 217 ...} keeps every line without the code prefix). Immutable, thread-safe.
 */
public record HfaxdReply(int code, List<String> lines) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param code the code
   * @param lines the lines
   */
  public HfaxdReply {
    lines = List.copyOf(lines);
  }

  /**
   * The text of the last line (for a one-line reply: the whole text after the code).
   *
   * @return the text of the last line
   */
  public String text() {
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /**
   * 1xx: preliminary (a data transfer starts).
   *
   * @return true for a 1xx reply
   */
  public boolean isPreliminary() {
    return code >= 100 && code < 200;
  }

  /**
   * 2xx or 3xx (331 "password required" is positive intermediate, as in FTP).
   *
   * @return true for a 2xx or 3xx reply
   */
  public boolean isPositive() {
    return code >= 200 && code < 400;
  }

  @Override
  public String toString() {
    return code + " " + String.join(" / ", lines);
  }
}
