package ru.sipring.core.text;

/**
 * The one guard against spreadsheet formula injection ("CSV injection", OWASP): a CSV cell that a spreadsheet
 * would evaluate is written with a leading apostrophe, so Excel and LibreOffice show it as text instead of
 * running {@code =HYPERLINK(...)}, {@code @SUM(...)} or a DDE payload. Every CSV writer of SipRing passes
 * outside text (caller IDs, names, queue and agent values, survey answers, CDR text columns, contact fields)
 * through {@link #neutralise}; numbers, dates and enum names the writer formats itself are written as they
 * are, so a negative number stays a number.
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class SpreadsheetCell {
  private SpreadsheetCell() {}

  /**
   * The cell a spreadsheet shows as the text it is, never evaluates. Text whose first character (after any
   * spaces) is {@code =}, {@code +}, {@code -}, {@code @}, tab, CR or LF, or the full-width
   * {@code ＝ ＋ － ＠} that some spreadsheets fold to them, gets a leading apostrophe; anything else is
   * returned unchanged. Call it on text that came from outside, never on numbers the writer formatted.
   *
   * @param outsideText a cell value from a caller, a file, a database row or a person
   * @return the value, prefixed with {@code '} when a spreadsheet would take it as a formula
   */
  public static String neutralise(String outsideText) {
    return startsFormula(outsideText) ? "'" + outsideText : outsideText;
  }

  /**
   * Whether a spreadsheet would take {@code cell} as a formula (what {@link #neutralise} guards against).
   *
   * @param cell a cell value as it would be written
   * @return true when its first character after leading spaces starts a formula
   */
  public static boolean startsFormula(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      switch (c) {
        case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> {
          return true;
        }
        // a spreadsheet that trims spaces on import (LibreOffice can) would evaluate " =1+1"
        case ' ', '\u00A0', '\u2007', '\u202F', '\u3000' -> {
          // keep looking past the space
        }
        default -> {
          return false;
        }
      }
    }
    return false;
  }
}
