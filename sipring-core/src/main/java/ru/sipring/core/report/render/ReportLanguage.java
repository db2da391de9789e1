package ru.sipring.core.report.render;

import java.util.Locale;

/** The language of labels in people-facing outputs (text and HTML). JSON and CSV use fixed English keys. */
public enum ReportLanguage {
  /** Russian, the guide's language. */
  RU,
  /** English. */
  EN;

  /**
   * The language with this code ({@code ru}, {@code en}, case-insensitive).
   *
   * @param code the code
   * @return the language
   * @throws IllegalArgumentException when the code is neither {@code ru} nor {@code en}
   */
  public static ReportLanguage ofCode(String code) {
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "ru" -> RU;
      case "en" -> EN;
      default -> throw new IllegalArgumentException("unknown language '" + code + "'; known: ru, en");
    };
  }
}
