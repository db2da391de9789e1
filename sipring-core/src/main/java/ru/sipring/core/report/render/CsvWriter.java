package ru.sipring.core.report.render;

import java.io.IOException;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma,
 * a double quote, CR or LF, quotes inside doubled. Core has no CSV library (DESIGN.md §1), and this much of the
 * format is all a writer needs. Cells are written as given: a caller passes every cell of outside text through
 * {@link ru.sipring.core.text.SpreadsheetCell#neutralise} first (numbers it formats itself stay numbers).
 * Not thread-safe.
 */
final class CsvWriter {
  /** The UTF-8 byte order mark as a char: Excel needs it to read UTF-8 CSV as UTF-8. */
  static final char BOM = '\uFEFF';

  private final Appendable out;

  CsvWriter(Appendable out) {
    this.out = out;
  }

  CsvWriter record(List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        field(fields.get(i));
      }
      out.append("\r\n");
      return this;
    } catch (IOException e) {
      throw WriteFailure.of(e);
    }
  }

  CsvWriter record(String... fields) {
    return record(List.of(fields));
  }

  private void field(String f) throws IOException {
    boolean quote = false;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      out.append(f);
      return;
    }
    out.append('"');
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
