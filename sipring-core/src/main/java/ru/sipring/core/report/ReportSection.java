package ru.sipring.core.report;

import java.util.Locale;

/** The sections of an {@link InboundReport}; {@link #key()} is the JSON key and the CLI's --sections name. */
public enum ReportSection {
  /** Section 3: totals for the window. */
  SUMMARY("summary"),
  /** Section 1: one row per answered call. */
  ANSWERED("answered"),
  /** Section 2: one row per lost call. */
  LOST("lost"),
  /** Section 4: per operator, answered, wait and talk. */
  OPERATORS("operators"),
  /** Section 5: per operator, who ended the calls. */
  QUEUES("queues"),
  /** Section 5's printout: completion shares (caller, agent, transfer) per operator. */
  COMPLETION("completion"),
  /** Section 6: answered and lost per wait bucket, and the service level. */
  SERVICE_LEVEL("serviceLevel"),
  /** Section 7: statistics per hour, day or month. */
  PERIODS("periods"),
  /** Section 8: agent analytics (offers, sessions, pauses, work time). */
  AGENTS("agents"),
  /** The input lines that could not be used. */
  PROBLEMS("problems");

  private final String key;

  ReportSection(String key) {
    this.key = key;
  }

  /**
   * The section's JSON key.
   *
   * @return the key, such as {@code serviceLevel}
   */
  public String key() {
    return key;
  }

  /**
   * The section with this JSON key (case-insensitive), for option parsing.
   *
   * @param key the key, such as {@code serviceLevel}; case and surrounding blanks ignored
   * @return the section
   * @throws IllegalArgumentException when no section has that key, listing the known keys
   */
  public static ReportSection ofKey(String key) {
    for (ReportSection s : values()) {
      if (s.key.equalsIgnoreCase(key.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown report section '" + key + "'; known: "
        + java.util.Arrays.stream(values()).map(ReportSection::key).toList().toString().toLowerCase(Locale.ROOT));
  }
}
