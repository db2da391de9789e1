package ru.sipring.core.queuelog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One queue_log line parsed in place: the bytes stay in the reader's buffer and this view only records where
 * each field starts and ends, so reading allocates nothing per line. Field 0 is the epoch, 1 the callid, 2 the
 * queue, 3 the agent, 4 the event, 5.. the data fields.
 *
 * <p>Not thread-safe and only valid during the {@link QueueLogSink#line} call that receives it: the reader
 * reuses the same instance (and buffer) for the next line. Copy what you keep ({@link #toRecord()}, {@link
 * #field(int)}).
 */
public final class QueueLogLine {
  /** At most this many fields are split; a longer line keeps the rest (pipes included) in the last field. */
  public static final int MAX_FIELDS = 16;

  /** The reader's buffer this line points into; set by the reader before the line is handed out. */
  byte[] buf = new byte[0];
  int[] start = new int[MAX_FIELDS];
  int[] end = new int[MAX_FIELDS];
  /** Where this line's offsets begin in {@link #start}/{@link #end} (a batch holds many lines' offsets). */
  int base;
  int fields;
  long epoch;
  String source = "";
  long lineNumber;

  QueueLogLine() {}

  /**
   * Where the line came from: a file name, "stdin", a table.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * 1-based line (or row) number in {@link #source()}.
   *
   * @return the line number, 1 for the first line
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The line's time, field 0, in seconds since the epoch.
   *
   * @return the epoch second
   */
  public long epochSecond() {
    return epoch;
  }

  /**
   * Number of fields, at least 5 (epoch, callid, queue, agent, event).
   *
   * @return the field count
   */
  public int fieldCount() {
    return fields;
  }

  /**
   * Number of data fields after the event.
   *
   * @return the data field count, 0 or more
   */
  public int dataCount() {
    return fields - 5;
  }

  /**
   * The buffer holding the line's bytes; use with {@link #start(int)} and {@link #end(int)}.
   *
   * @return the shared buffer; read it only during the sink call and never change it
   */
  public byte[] buffer() {
    return buf;
  }

  /**
   * Where a field starts in {@link #buffer()}.
   *
   * @param field the field index, 0 for the epoch; below {@link #fieldCount()}
   * @return the offset of the field's first byte
   */
  public int start(int field) {
    return start[base + field];
  }

  /**
   * Where a field ends in {@link #buffer()}.
   *
   * @param field the field index, 0 for the epoch; below {@link #fieldCount()}
   * @return the offset just after the field's last byte
   */
  public int end(int field) {
    return end[base + field];
  }

  /**
   * The length of a field in bytes, 0 when the line has fewer fields.
   *
   * @param field the field index, 0 for the epoch
   * @return the length in bytes
   */
  public int length(int field) {
    return field < fields ? end[base + field] - start[base + field] : 0;
  }

  /**
   * The field as text (UTF-8), or "" when the line has fewer fields. Allocates.
   *
   * @param field the field index, 0 for the epoch
   * @return the decoded field
   */
  public String field(int field) {
    return field < fields
        ? new String(buf, start[base + field], end[base + field] - start[base + field], StandardCharsets.UTF_8)
        : "";
  }

  /**
   * The callid, field 1 (the caller channel's uniqueid, or {@code NONE}). Allocates.
   *
   * @return the callid
   */
  public String callId() {
    return field(1);
  }

  /**
   * The queue, field 2 (or {@code NONE}). Allocates.
   *
   * @return the queue name
   */
  public String queue() {
    return field(2);
  }

  /**
   * The agent column, field 3 (an interface, member name or agent id, or {@code NONE}). Allocates.
   *
   * @return the agent
   */
  public String agent() {
    return field(3);
  }

  /**
   * The event name, field 4 ({@code ENTERQUEUE}, {@code CONNECT}, ...). Allocates.
   *
   * @return the event name
   */
  public String event() {
    return field(4);
  }

  /**
   * The data field at a 1-based position ({@code data(1)} is data1), or "" when absent.
   *
   * @param position 1 for data1, 2 for data2, ...
   * @return the field, or ""
   */
  public String data(int position) {
    return position >= 1 ? field(4 + position) : "";
  }

  /**
   * The data field at a 1-based position as a non-negative whole number, or -1 when it is absent, empty or not
   * a number. Allocates nothing.
   *
   * @param position 1 for data1, 2 for data2, ...
   * @return the value, or -1
   */
  public long dataLong(int position) {
    int f = 4 + position;
    if (position < 1 || f >= fields) {
      return -1;
    }
    return parseLong(buf, start[base + f], end[base + f]);
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  static long parseLong(byte[] b, int from, int to) {
    int len = to - from;
    if (len >= 8 && len <= 18) {
      // the last eight digits at once (SWAR), the rest one by one: an epoch costs 2 steps, not 10
      long head = len == 8 ? 0 : parseSmall(b, from, to - 8);
      long w = (long) LONGS.get(b, to - 8);
      long tail = eightDigits(w);
      return head < 0 || tail < 0 ? -1 : head * 100_000_000L + tail;
    }
    return parseSmall(b, from, to);
  }

  /** Eight ASCII digits in a little-endian word to their value, or -1 when a byte is not a digit. */
  static long eightDigits(long w) {
    long d = w - 0x3030303030303030L;
    // every byte must be 0..9: no borrow (high nibble 0) and adding 6 must not carry past 15
    if (((d | (d + 0x0606060606060606L)) & 0xF0F0F0F0F0F0F0F0L) != 0) {
      return -1;
    }
    d = (d * 10) + (d >>> 8);
    return (((d & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
        + (((d >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
  }

  private static long parseSmall(byte[] b, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * True when the field's bytes equal {@code ascii}.
   *
   * @param field the field index, 0 for the epoch
   * @param ascii the bytes to compare with
   * @return whether the field is exactly those bytes
   */
  public boolean fieldEquals(int field, byte[] ascii) {
    if (field >= fields || end[base + field] - start[base + field] != ascii.length) {
      return false;
    }
    int s = start[base + field];
    for (int i = 0; i < ascii.length; i++) {
      if (buf[s + i] != ascii[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An immutable copy of this line.
   *
   * @return a record holding this line's fields as strings
   */
  public QueueLogRecord toRecord() {
    List<String> data = new ArrayList<>(Math.max(0, fields - 5));
    for (int i = 5; i < fields; i++) {
      data.add(field(i));
    }
    return new QueueLogRecord(epoch, field(1), field(2), field(3), field(4), data);
  }

  @Override
  public String toString() {
    return source + ":" + lineNumber + ": "
        + new String(buf, start[base], end[base + fields - 1] - start[base], StandardCharsets.UTF_8);
  }
}
