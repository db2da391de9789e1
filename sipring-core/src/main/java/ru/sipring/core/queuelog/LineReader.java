package ru.sipring.core.queuelog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits bytes into queue_log lines and fields in place, in large blocks, with no allocation per line, and
 * hands valid lines to a {@link QueueLogSink}. Bad lines become {@link InputProblem}s and are skipped.
 * Not thread-safe: one reader per reading thread.
 */
final class LineReader {
  static final int BLOCK = 1 << 20;
  /**
   * 2100-01-01T00:00:00Z. A queue_log time at or after it is damage (a digit too many, a fuzzed byte), not a
   * date: such a line is reported instead of being counted or silently falling outside every window.
   */
  static final long MAX_EPOCH = 4_102_444_800L;
  private static final int PROGRESS_EVERY = 8 << 20;

  private final QueueLogSink sink;
  private final QueueLogLine line = new QueueLogLine();
  private byte[] buf = new byte[BLOCK];
  private long bytesTotal;
  private long nextProgress = PROGRESS_EVERY;

  LineReader(QueueLogSink sink) {
    this.sink = sink;
  }

  long bytesTotal() {
    return bytesTotal;
  }

  /** Reads a whole stream; {@code name} names it in problems. */
  void read(String name, InputStream in) {
    line.source = name;
    long lineNo = 0;
    int len = 0;
    boolean skipping = false; // inside an over-long line, looking for its end
    boolean first = true;
    try {
      while (true) {
        int n;
        if (first) {
          // enough bytes to see a byte order mark even when the stream hands out a byte at a time
          n = in.readNBytes(buf, 0, 4096);
          if (n == 0) {
            break;
          }
        } else {
          n = in.read(buf, len, buf.length - len);
        }
        if (n < 0) {
          break;
        }
        if (n == 0) {
          continue;
        }
        bytesTotal += n;
        int from = len;
        len += n;
        int pos = 0;
        if (first) {
          first = false;
          if (hasBom(buf, len)) {
            pos = 3; // a UTF-8 BOM (an editor's or Excel's save) is not part of line 1
          }
        }
        if (skipping) {
          int nl = indexOfNewline(buf, from, len);
          if (nl < 0) {
            len = 0;
            continue;
          }
          skipping = false;
          pos = nl + 1;
          from = pos;
        }
        int[] consumed = {0};
        lineNo = parseBlock(buf, pos, len, lineNo, consumed);
        int rest = consumed[0];
        int remaining = len - rest;
        if (remaining == buf.length) {
          lineNo++;
          problem(lineNo, "line longer than " + buf.length + " bytes; skipped");
          skipping = true;
          len = 0;
        } else {
          System.arraycopy(buf, rest, buf, 0, remaining);
          len = remaining;
        }
        if (bytesTotal >= nextProgress) {
          nextProgress = bytesTotal + PROGRESS_EVERY;
          sink.bytesRead(bytesTotal);
        }
      }
    } catch (IOException e) {
      // a truncated or corrupt .gz, a disk error: the lines before the fault are used, the rest of this
      // source is lost, and the other sources are still read
      problem(lineNo + 1, "cannot read: " + QueueLogInput.reason(e) + "; the rest of this file is not used");
      sink.bytesRead(bytesTotal);
      return;
    }
    if (len > 0 && !skipping) {
      lineNo++;
      if (isBlank(buf, 0, len)) {
        return;
      }
      problem(lineNo, "truncated last line (no newline at the end; the file may still be written): "
          + snippet(buf, 0, len));
    }
    sink.bytesRead(bytesTotal);
  }

  static boolean hasBom(byte[] b, int len) {
    return len >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
  }

  private static int indexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long PIPES = ONES * '|';
  private static final long NEWLINES = ONES * '\n';
  private static final long TABS = ONES * '\t';
  private static final long CRS = ONES * '\r';

  /** High bit of each byte of {@code w} that equals the byte repeated in {@code pattern}; exact, no false hits. */
  private static long equalBytes(long w, long pattern) {
    long x = w ^ pattern;
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /**
   * Index (0..7) of the lowest byte whose high bit is set in a mask from {@link #equalBytes}. Not
   * Long.numberOfTrailingZeros: C1, which compiles a one-shot run's hot loops, has no intrinsic for it on Java 17
   * and calls two out-of-line Integer methods per pipe; isolating the bit and one multiply stays inline (the
   * multiply puts byte k of the constant, which is k, in the top byte).
   */
  static int lowestByte(long mask) {
    return (int) ((((mask & -mask) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  /** High bit of each byte below 0x20 (control characters, newline included). */
  private static long controlBytes(long w) {
    return ~(((w & LOW7) + 0x6060606060606060L) | w | LOW7);
  }

  /**
   * Parses every complete line in {@code b[from, to)}; stores in consumed[0] where the incomplete tail starts.
   * Returns the last line number used. Eight bytes at a time: a line costs a few word loads and one step per
   * pipe, not one step per byte.
   */
  private long parseBlock(byte[] b, int from, int to, long lineNo, int[] consumed) {
    final QueueLogLine l = line;
    final int[] st = l.start;
    final int[] en = l.end;
    l.buf = b;
    int lineStart = from;
    int f = 0;
    st[0] = from;
    boolean junk = false;
    int i = from;
    int wordEnd = to - 7;
    final int limit = QueueLogLine.MAX_FIELDS - 1;
    while (i < to) {
      long pipes;
      long nl;
      long junkBits;
      int base = i;
      if (i < wordEnd) {
        long w = (long) LONGS.get(b, i);
        nl = equalBytes(w, NEWLINES);
        pipes = equalBytes(w, PIPES);
        long ctl = controlBytes(w) & ~nl;
        // rare: CR, TAB or junk in this word; which bytes, so that junk after a newline in the same word (NUL
        // padding after a crash) marks only the line it belongs to
        junkBits = ctl == 0 ? 0 : ctl & ~equalBytes(w, TABS) & ~equalBytes(w, CRS);
        i += 8;
      } else {
        byte c = b[i];
        pipes = c == '|' ? 0x80L : 0;
        nl = c == '\n' ? 0x80L : 0;
        junkBits = c >= 0 && c < 0x20 && c != '\t' && c != '\r' && c != '\n' ? 0x80L : 0;
        i += 1;
      }
      while (nl != 0) {
        long low = nl & -nl;
        if ((junkBits & (low - 1)) != 0) {
          junk = true;
        }
        junkBits &= -(low << 1); // the bytes after this newline: the next line's
        long before = pipes & (low - 1);
        pipes &= ~before;
        while (before != 0) {
          int p = base + lowestByte(before);
          before &= before - 1;
          if (f < limit) {
            en[f] = p;
            st[++f] = p + 1;
          }
        }
        nl ^= low;
        int p = base + lowestByte(low);
        int e = p;
        // every CR before the newline, not just one: a file converted to CRLF twice ends its lines in CR CR LF,
        // and a CR kept in the last field would make the same line read differently once re-saved
        while (e > lineStart && b[e - 1] == '\r') {
          e--;
        }
        en[f] = e;
        lineNo++;
        if (junk) {
          problem(lineNo, "binary or control characters in the line; skipped: " + snippet(b, lineStart, e));
        } else if (e > lineStart) {
          finishLine(l, f + 1, lineNo, b, lineStart, e);
        }
        lineStart = p + 1;
        f = 0;
        st[0] = lineStart;
        junk = false;
      }
      if (junkBits != 0) {
        junk = true;
      }
      while (pipes != 0) {
        int p = base + lowestByte(pipes);
        pipes &= pipes - 1;
        if (f < limit) {
          en[f] = p;
          st[++f] = p + 1;
        }
      }
    }
    consumed[0] = lineStart;
    return lineNo;
  }

  private void finishLine(QueueLogLine l, int fields, long lineNo, byte[] b, int lineStart, int lineEnd) {
    if (fields < 5) {
      problem(lineNo, "wrong field count: " + fields + " field" + (fields == 1 ? "" : "s")
          + ", at least 5 expected (epoch|callid|queue|agent|event): " + snippet(b, lineStart, lineEnd));
      return;
    }
    long epoch = QueueLogLine.parseLong(b, l.start[0], l.end[0]);
    if (epoch < 0) {
      problem(lineNo, "epoch is not a number: " + snippet(b, lineStart, lineEnd));
      return;
    }
    if (epoch >= MAX_EPOCH) {
      problem(lineNo, "epoch out of range (after 2100-01-01): " + snippet(b, lineStart, lineEnd));
      return;
    }
    if (l.end[4] == l.start[4]) {
      problem(lineNo, "empty event name: " + snippet(b, lineStart, lineEnd));
      return;
    }
    l.fields = fields;
    l.epoch = epoch;
    l.lineNumber = lineNo;
    sink.line(l);
  }

  /** Feeds one record of a non-file source through the same checks as a file line. */
  void record(QueueLogRecord r, long rowNo) {
    StringBuilder sb = new StringBuilder(96);
    sb.append(r.epochSecond()).append('|').append(clean(r.callId())).append('|').append(clean(r.queue()))
        .append('|').append(clean(r.agent())).append('|').append(clean(r.event()));
    List<String> data = r.data();
    for (String d : data) {
      sb.append('|').append(clean(d));
    }
    sb.append('\n');
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    bytesTotal += bytes.length;
    int[] consumed = {0};
    parseBlock(bytes, 0, bytes.length, rowNo - 1, consumed);
    line.buf = buf;
  }

  void source(String name) {
    line.source = name;
  }

  private static String clean(String s) {
    return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\n', ' ').replace('\r', ' ');
  }

  private void problem(long lineNo, String message) {
    sink.problem(new InputProblem(line.source, lineNo, message));
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\r' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The start of a bad line for a message, control characters shown as '?'. */
  static String snippet(byte[] b, int from, int to) {
    int n = Math.min(to - from, 80);
    String s = new String(b, from, n, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(s.length() + 3).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7f || c == '\uFFFD' ? '?' : c);
    }
    out.append('\'');
    if (to - from > n) {
      out.append("...");
    }
    return out.toString();
  }
}
