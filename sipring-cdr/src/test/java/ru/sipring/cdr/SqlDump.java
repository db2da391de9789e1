package ru.sipring.cdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a mysqldump/Navicat SQL dump: splits it into statements (quotes, backslash escapes, comments,
 * {@code delimiter} lines) and parses the value tuples of INSERT statements, so a test can both load the
 * dump into MariaDB and know independently what it should read back.
 */
final class SqlDump {
  private SqlDump() {}

  static List<String> statements(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String delimiter = ";";
    int i = 0;
    int n = text.length();
    boolean lineStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (lineStart && current.toString().isBlank() && text.regionMatches(true, i, "delimiter ", 0, 10)) {
        int eol = text.indexOf('\n', i);
        delimiter = text.substring(i + 10, eol < 0 ? n : eol).strip();
        i = eol < 0 ? n : eol + 1;
        current.setLength(0);
        continue;
      }
      lineStart = false;
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < n) {
          char d = text.charAt(j);
          if (d == '\\' && c != '`') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (j + 1 < n && text.charAt(j + 1) == c) {
              j += 2; // doubled quote
              continue;
            }
            break;
          }
          j++;
        }
        current.append(text, i, Math.min(j + 1, n));
        i = j + 1;
        continue;
      }
      if (c == '-' && text.startsWith("-- ", i) || c == '-' && text.startsWith("--\n", i)) {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        lineStart = true;
        continue;
      }
      if (c == '/' && text.startsWith("/*", i) && !text.startsWith("/*!", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (text.startsWith(delimiter, i)) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
          out.add(statement);
        }
        current.setLength(0);
        i += delimiter.length();
        continue;
      }
      current.append(c);
      if (c == '\n') {
        lineStart = true;
      }
      i++;
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  /** The statements that build and fill one table, plus the dump's session settings. */
  static List<String> tableStatements(List<String> statements, String table) {
    String t = "`" + table + "`";
    List<String> out = new ArrayList<>();
    for (String s : statements) {
      String head = s.length() > 200 ? s.substring(0, 200) : s;
      if (head.startsWith("SET ") || head.startsWith("/*!") && head.contains(" SET ")
          || head.matches("(?s)(DROP TABLE IF EXISTS|CREATE TABLE|INSERT INTO|LOCK TABLES) " + t + "[ (;].*")
          || head.startsWith("UNLOCK TABLES")) {
        out.add(s);
      }
    }
    return out;
  }

  /** The value tuples of {@code INSERT INTO `table` VALUES (...),(...)} statements: String, Long or null. */
  static List<List<Object>> rows(List<String> statements, String table) {
    List<List<Object>> rows = new ArrayList<>();
    String prefix = "INSERT INTO `" + table + "` VALUES";
    for (String s : statements) {
      if (!s.startsWith(prefix)) {
        continue;
      }
      int i = prefix.length();
      int n = s.length();
      List<Object> row = null;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '(') {
          row = new ArrayList<>();
          i++;
        } else if (c == ')') {
          rows.add(row);
          row = null;
          i++;
        } else if (c == '\'') {
          StringBuilder v = new StringBuilder();
          i++;
          while (true) {
            char d = s.charAt(i);
            if (d == '\\') {
              char e = s.charAt(i + 1);
              v.append(switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case '0' -> '\0';
                case 'Z' -> (char) 26;
                default -> e;
              });
              i += 2;
            } else if (d == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
              v.append('\'');
              i += 2;
            } else if (d == '\'') {
              i++;
              break;
            } else {
              v.append(d);
              i++;
            }
          }
          row.add(v.toString());
        } else if (Character.isDigit(c) || c == '-') {
          int j = i + 1;
          while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
          }
          row.add(Long.parseLong(s.substring(i, j)));
          i = j;
        } else if (s.startsWith("NULL", i)) {
          row.add(null);
          i += 4;
        } else {
          i++; // commas, spaces
        }
      }
    }
    return rows;
  }
}
