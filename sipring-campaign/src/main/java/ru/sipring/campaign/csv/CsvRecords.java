package ru.sipring.campaign.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Splits delimited text into records, one at a time, in time linear in the input and in memory bounded by
 * the field and record limits, whatever the input holds. Quoting follows RFC 4180: a field that starts with
 * {@code "} runs to the matching {@code "} (a doubled {@code ""} is one quote) and may span lines; a quote
 * inside an unquoted field is an ordinary character. Lines end with LF, CRLF or a lone CR.
 *
 * <p>A record that cannot be read (a quote that is never closed, text after a closing quote, a field longer
 * than {@link #MAX_FIELD_CHARS} or a record longer than {@link #MAX_RECORD_CHARS}) is returned with its
 * {@link Record#error()} and reading goes on at the next physical line after the record's first line, so one
 * damaged row never takes the rows after it along. Why not opencsv: it re-parses the whole pending text for
 * every line of an open quote (quadratic time) and grows a field without bound (a 40 MB cell is an
 * OutOfMemoryError). Not thread-safe: one reader per input.
 */
public final class CsvRecords implements AutoCloseable {
  /** The longest field accepted, in characters. A client card field or a tariff cell is far shorter. */
  public static final int MAX_FIELD_CHARS = 65_536;
  /** The longest record accepted, in characters, all its fields and delimiters together. */
  public static final int MAX_RECORD_CHARS = 1_048_576;

  private final Reader in;
  /**
   * The text read ahead. Our own buffer rather than a {@code BufferedReader}: reading a million-row file one
   * synchronized {@code read()} per character cost more than the rest of the parsing (docs/performance/campaign.md).
   * From {@link #mark} on, nothing is dropped, so a failed record can be read again from its start; the limits stop
   * a record before the buffer grows past them.
   */
  private char[] buf = new char[65_536];
  private int pos;
  private int limit;
  /** Where the current record starts in {@link #buf}, or -1 when no record needs re-reading. */
  private int mark = -1;
  /** Where the unquoted field being read starts in {@link #buf}: kept across a refill like the mark. */
  private int fieldStart;
  private boolean inputEnded;
  /** A quoted field's text (it may hold escaped quotes and line breaks), reused from record to record. */
  private final StringBuilder field = new StringBuilder();
  private final char delimiter;
  private final int maxField;
  private final int maxRecord;
  private long line = 1;
  private boolean eof;
  private long lastEndLine;
  private boolean skipLf;
  private boolean markSkipLf;

  /**
   * One record: its fields, or the reason it could not be read.
   *
   * @param line the physical line the record starts on (1-based)
   * @param fields the fields, empty when {@code error} is set
   * @param error why the record was not read, with the line of the cause when it is not {@code line}
   */
  public record Record(long line, List<String> fields, @Nullable String error) {
    /**
     * Checks and copies the components.
     *
     * @param line the physical line the record starts on (1-based)
     * @param fields the fields, empty when {@code error} is set
     * @param error why the record was not read, with the line of the cause when it is not {@code line}
     */
    public Record {
      fields = List.copyOf(fields);
    }

    /**
     * Whether every field is blank (an empty line).
     *
     * @return true for an empty line that was read without an error
     */
    public boolean blank() {
      for (String f : fields) {
        if (!f.isBlank()) {
          return false;
        }
      }
      return error == null;
    }
  }

  /**
   * A reader with the default limits.
   *
   * @param in the decoded text, without a byte-order mark
   * @param delimiter the field separator
   */
  public CsvRecords(Reader in, char delimiter) {
    this(in, delimiter, MAX_FIELD_CHARS, MAX_RECORD_CHARS);
  }

  CsvRecords(Reader in, char delimiter, int maxField, int maxRecord) {
    Objects.requireNonNull(in, "in");
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
    }
    this.in = in;
    this.delimiter = delimiter;
    this.maxField = maxField;
    this.maxRecord = maxRecord;
  }

  /**
   * The line the last record returned ended on.
   *
   * @return a 1-based line number
   */
  public long lastEndLine() {
    return lastEndLine;
  }

  /**
   * The next record, or null at the end of the input.
   *
   * @return the record (check {@link Record#error()}), or null when the input is exhausted
   * @throws CharacterCodingException when the text's bytes are not valid in its charset (the caller names the
   *     line: {@link #line()})
   * @throws IOException when the input cannot be read
   */
  public @Nullable Record next() throws IOException {
    if (eof) {
      return null;
    }
    // kept from here on, so the record can be re-read from its start after an error
    mark = pos;
    markSkipLf = skipLf;
    long start = line;
    List<String> fields = new ArrayList<>();
    field.setLength(0);
    int recordChars = 0;
    int c = read();
    if (c < 0) {
      eof = true;
      return null;
    }
    while (true) {
      // at the start of a field
      if (c == '"') {
        long quoteLine = line;
        while (true) {
          c = read();
          recordChars++;
          if (c < 0) {
            return fail(start, "a quoted field opened on line " + quoteLine + " is never closed");
          }
          if (c == '"') {
            c = read();
            recordChars++;
            if (c != '"') {
              break;
            }
          }
          field.append((char) c);
          if (field.length() > maxField || recordChars > maxRecord) {
            return fail(start, tooLong(fields.size() + 1, field.length() > maxField, quoteLine));
          }
        }
        // after the closing quote only blanks may come before the delimiter or the line end
        while ((c == ' ' || c == '\t') && c != delimiter) {
          c = read();
          recordChars++;
          if (recordChars > maxRecord) {
            return fail(start, tooLong(fields.size() + 1, false, 0));
          }
        }
        if (c >= 0 && c != delimiter && c != '\n') {
          return fail(start, "text after the closing quote of field " + (fields.size() + 1) + " (line " + line
              + ")");
        }
        fields.add(field.toString());
        field.setLength(0);
      } else {
        // an unquoted field holds no line break, so it is the buffer's text as it stands: no copy per character
        fieldStart = c >= 0 ? pos - 1 : pos;
        int length = 0;
        while (c >= 0 && c != delimiter && c != '\n') {
          length++;
          recordChars++;
          if (length > maxField || recordChars > maxRecord) {
            return fail(start, tooLong(fields.size() + 1, length > maxField, 0));
          }
          c = read();
        }
        fields.add(new String(buf, fieldStart, length));
      }
      if (c == delimiter) {
        recordChars++;
        c = read();
        if (c < 0 || c == '\n') {
          fields.add("");
        } else {
          continue;
        }
      }
      if (c < 0) {
        eof = true;
        lastEndLine = line;
      } else {
        lastEndLine = line - 1;
      }
      return new Record(start, fields, null);
    }
  }

  /**
   * The current physical line, for a decoding error's message.
   *
   * @return a 1-based line number
   */
  public long line() {
    return line;
  }

  /** The next character with every line end (LF, CRLF, CR) read as one LF and counted; -1 at the end. */
  private int read() throws IOException {
    int c = next1();
    if (skipLf) {
      skipLf = false;
      if (c == '\n') {
        c = next1();
      }
    }
    if (c == '\r') {
      skipLf = true;
      c = '\n';
    }
    if (c == '\n') {
      line++;
    }
    return c;
  }

  /** The next character of the input as it is, or -1 at its end. */
  private int next1() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  /**
   * Reads more input behind what is kept (from the mark, or else from the current position), moving the kept
   * text to the front and growing the buffer only when the kept text fills it.
   */
  private boolean fill() throws IOException {
    if (inputEnded) {
      return false;
    }
    int keep = mark >= 0 ? mark : pos;
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      pos -= keep;
      fieldStart -= keep;
      if (mark >= 0) {
        mark = 0;
      }
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n;
    do {
      n = in.read(buf, limit, buf.length - limit);
    } while (n == 0);
    if (n < 0) {
      inputEnded = true;
      return false;
    }
    limit += n;
    return true;
  }

  private String tooLong(int field, boolean fieldLimit, long quoteLine) {
    String what = fieldLimit ? "field " + field + " is longer than " + maxField + " characters"
        : "the record is longer than " + maxRecord + " characters";
    // an unclosed quote shows up as an overlong quoted field: name the quote first, it is the likelier cause
    return quoteLine > 0 ? "a quoted field opened on line " + quoteLine + " is not closed within "
        + (fieldLimit ? maxField : maxRecord) + " characters" : what;
  }

  /**
   * Returns a failed record and moves to the line after {@code start}: back to the record's start (the mark
   * holds, the limits stop reading before it would lapse), then past its first physical line, read on and not
   * kept when that line is itself huge.
   */
  private Record fail(long start, String error) throws IOException {
    pos = mark;
    mark = -1;
    skipLf = markSkipLf;
    line = start;
    int c;
    while ((c = read()) >= 0 && c != '\n') {
      // skip the rest of the record's first line
    }
    lastEndLine = start;
    if (c < 0) {
      eof = true;
    }
    return new Record(start, List.of(), error);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
