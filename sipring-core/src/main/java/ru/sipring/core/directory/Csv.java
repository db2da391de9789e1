package ru.sipring.core.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ru.sipring.core.BadInputException;

/**
 * The few lines of RFC 4180 the directory files need (quoted fields, doubled quotes, CRLF, a UTF-8 BOM), kept
 * in core because core takes no CSV library (DESIGN.md §1).
 */
final class Csv {
  private Csv() {}

  /** A data row with its 1-based line number (of the row's first line). */
  record Row(long line, List<String> fields) {}

  static List<Row> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long line = 1;
    long rowLine = 1;
    boolean quoted = false;
    boolean wasQuoted = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new BadInputException(file + ":" + line + ":" + (fields.size() + 1),
              "a quote inside an unquoted field; quote the whole field and double inner quotes");
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
          rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        fields.clear();
        line++;
        rowLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new BadInputException(file + ":" + rowLine, "unterminated quoted field");
    }
    if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
      fields.add(field.toString());
      if (!(fields.size() == 1 && fields.get(0).isBlank())) {
        rows.add(new Row(rowLine, List.copyOf(fields)));
      }
    }
    return rows;
  }

  /** Checks the header and returns the data rows; every row must have the header's field count. */
  static List<Row> withHeader(Path file, List<String> header) {
    List<Row> rows = read(file);
    if (rows.isEmpty()) {
      throw new BadInputException(file.toString(), "empty file; expected the header " + String.join(",", header));
    }
    List<String> got = rows.get(0).fields().stream().map(String::trim).toList();
    if (!got.equals(header)) {
      throw new BadInputException(file + ":1", "header must be " + String.join(",", header) + ", found "
          + String.join(",", got));
    }
    List<Row> data = rows.subList(1, rows.size());
    for (Row r : data) {
      if (r.fields().size() != header.size()) {
        throw new BadInputException(file + ":" + r.line(), "expected " + header.size() + " fields ("
            + String.join(",", header) + "), found " + r.fields().size());
      }
    }
    return data;
  }
}
