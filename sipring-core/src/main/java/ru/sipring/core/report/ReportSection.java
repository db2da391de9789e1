package ru.sipring.core.report;

import java.util.Locale;

/** The sections of an {@link InboundReport}; {@link #key()} is the JSON key and the CLI's --sections name. */
public enum ReportSection {
  SUMMARY("summary"),
  ANSWERED("answered"),
  LOST("lost"),
  OPERATORS("operators"),
  QUEUES("queues"),
  COMPLETION("completion"),
  SERVICE_LEVEL("serviceLevel"),
  PERIODS("periods"),
  AGENTS("agents"),
  PROBLEMS("problems");

  private final String key;

  ReportSection(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The section with this JSON key (case-insensitive), for option parsing. */
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
