package ru.sipring.campaign.csv;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * A delimited text file, checked and sniffed: its charset and its delimiter ({@code ;}, {@code ,}, tab or
 * {@code |}), detected unless given. The accepted encodings are UTF-8 (with or without a byte-order mark),
 * UTF-16 with a byte-order mark (Excel's "Unicode text"), Windows-1251 and KOI8-R; bytes that are not valid in
 * the file's encoding are refused with the line they are on, never stored as U+FFFD. Immutable.
 *
 * @param bytes the file's bytes, the byte-order mark included
 * @param charset the charset used
 * @param bom whether a byte-order mark was present
 * @param delimiter the field separator
 */
public record CsvText(byte[] bytes, Charset charset, boolean bom, char delimiter) {
  /**
   * Windows-1251, the Cyrillic encoding of Excel's CSV on Russian Windows.
   */
  public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  /** KOI8-R, the old Unix Cyrillic encoding. */
  public static final Charset KOI8_R = Charset.forName("KOI8-R");
  private static final char[] CANDIDATES = {';', '\t', '|', ','};
  private static final int SNIFF_BYTES = 256 * 1024;

  /**
   * Checks the parts.
   *
   * @param bytes the file's bytes, the byte-order mark included
   * @param charset the charset used
   * @param bom whether a byte-order mark was present
   * @param delimiter the field separator
   * @throws NullPointerException when the bytes or the charset are null
   */
  public CsvText {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(charset, "charset");
  }

  /**
   * Checks and sniffs {@code bytes}.
   *
   * @param bytes the file content
   * @param charset null to detect: a byte-order mark, else bytes that are valid UTF-8 mean UTF-8, anything
   *     else is taken as Windows-1251 (the Russian Excel default)
   * @param delimiter null to detect from the first lines
   * @param source the file's name in messages
   * @return the checked file
   * @throws BadInputException when a byte is not valid in the charset (naming its line), or a byte-order mark
   *     contradicts the given charset
   */
  public static CsvText of(byte[] bytes, @Nullable Charset charset, @Nullable Character delimiter,
      String source) {
    Charset bomCharset = bomCharset(bytes);
    Charset cs = charset;
    long bad = -1; // not checked yet
    if (bomCharset != null) {
      if (cs != null && !cs.equals(bomCharset) && !(bomCharset == StandardCharsets.UTF_16
          && cs.name().startsWith("UTF-16"))) {
        throw new BadInputException(source + ":1", "the file starts with a " + bomCharset.name()
            + " byte-order mark, but the encoding " + cs.name() + " was given");
      }
      cs = bomCharset;
    } else if (cs == null) {
      // one pass answers both "is it UTF-8" and "is it valid": a valid UTF-8 file is not checked a second time
      bad = firstBadLine(bytes, StandardCharsets.UTF_8);
      cs = bad == 0 ? StandardCharsets.UTF_8 : WINDOWS_1251;
      bad = bad == 0 ? 0 : -1;
    }
    if (bad < 0) {
      bad = firstBadLine(bytes, cs);
    }
    if (bad != 0) {
      throw new BadInputException(source + ":" + bad, "bytes that are not valid " + cs.name()
          + (charset == null ? " (detected)" : "") + "; give the file's encoding (" + ACCEPTED + ") or convert it");
    }
    char d;
    if (delimiter != null) {
      d = delimiter;
    } else {
      String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), cs);
      d = sniffDelimiter(head);
    }
    return new CsvText(bytes, cs, bomCharset != null, d);
  }

  /**
   * Decodes and sniffs {@code bytes} ({@link #of} with a generic source name).
   *
   * @param bytes the file content
   * @param charset null to detect
   * @param delimiter null to detect
   * @return the checked file
   */
  public static CsvText decode(byte[] bytes, @Nullable Charset charset, @Nullable Character delimiter) {
    return of(bytes, charset, delimiter, "input");
  }

  /** The encodings {@link #parseEncoding} accepts, as a user types them. */
  public static final String ACCEPTED = "auto, utf-8, utf-16 (with a byte-order mark), windows-1251, koi8-r";

  /**
   * The records of the text (see {@link CsvRecords}), read on demand; the byte-order mark is skipped.
   *
   * @return a reader of the records
   */
  public CsvRecords records() {
    java.nio.charset.CharsetDecoder dec = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int skip = bom && charset == StandardCharsets.UTF_8 ? 3 : 0;
    java.io.Reader r = new java.io.InputStreamReader(
        new java.io.ByteArrayInputStream(bytes, skip, bytes.length - skip), dec);
    if (charset == StandardCharsets.UTF_16) {
      // the UTF-16 decoder consumes its byte-order mark itself
      r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), dec);
    }
    return new CsvRecords(r, delimiter);
  }

  /**
   * The whole text without a byte-order mark (for small files and tests).
   *
   * @return the decoded text
   */
  public String text() {
    StringBuilder sb = new StringBuilder();
    try (java.io.Reader r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), charset)) {
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
      sb.deleteCharAt(0);
    }
    return sb.toString();
  }

  private static @Nullable Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)
        || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF))) {
      return StandardCharsets.UTF_16;
    }
    return null;
  }

  /**
   * The 1-based line of the first byte that is not valid in {@code cs}, or 0 when every byte is; decodes a
   * chunk at a time, so a large file is never held twice.
   */
  static long firstBadLine(byte[] bytes, Charset cs) {
    if (cs == StandardCharsets.UTF_8) {
      // the common case, checked on the bytes: several times faster than decoding, and an import of a million
      // rows waits for this pass before its first row is parsed
      int at = firstInvalidUtf8(bytes);
      return at < 0 ? 0 : lineAt(bytes, at);
    }
    return firstBadLineDecoding(bytes, cs);
  }

  /**
   * {@link #firstBadLine} by decoding with {@code cs}'s strict decoder: the reference for every charset, used for
   * all but UTF-8.
   */
  static long firstBadLineDecoding(byte[] bytes, Charset cs) {
    java.nio.charset.CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
    long lines = 1;
    boolean cr = false;
    while (true) {
      java.nio.charset.CoderResult r = dec.decode(in, out, true);
      out.flip();
      while (out.hasRemaining()) {
        char c = out.get();
        if (c == '\n' && !cr || c == '\r') {
          lines++;
        }
        cr = c == '\r';
      }
      out.clear();
      if (r.isError()) {
        return lines;
      }
      if (r.isUnderflow() && !in.hasRemaining()) {
        if (dec.flush(out).isError()) {
          return lines;
        }
        return 0;
      }
    }
  }

  /**
   * The offset of the first byte that starts no well-formed UTF-8 sequence (as Java's strict UTF-8 decoder sees it:
   * no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut off at the end), or -1.
   */
  static int firstInvalidUtf8(byte[] b) {
    int n = b.length;
    int i = 0;
    while (i < n) {
      int lead = b[i];
      if (lead >= 0) {
        i++;
        continue;
      }
      lead &= 0xff;
      if (lead >= 0xC2 && lead <= 0xDF) {
        if (i + 1 >= n || !continuation(b[i + 1])) {
          return i;
        }
        i += 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        if (i + 2 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
          return i;
        }
        int b1 = b[i + 1] & 0xff;
        if (lead == 0xE0 && b1 < 0xA0 || lead == 0xED && b1 >= 0xA0) {
          return i; // overlong, or a surrogate
        }
        i += 3;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        if (i + 3 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
          return i;
        }
        int b1 = b[i + 1] & 0xff;
        if (lead == 0xF0 && b1 < 0x90 || lead == 0xF4 && b1 >= 0x90) {
          return i; // overlong, or above U+10FFFF
        }
        i += 4;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** The 1-based line of byte {@code at} of an ASCII-compatible text (CR, LF and CRLF each end a line). */
  private static long lineAt(byte[] b, int at) {
    long lines = 1;
    boolean cr = false;
    for (int i = 0; i < at; i++) {
      byte c = b[i];
      if (c == '\n' && !cr || c == '\r') {
        lines++;
      }
      cr = c == '\r';
    }
    return lines;
  }

  /**
   * The candidate that splits the first 20 lines (outside quotes) into the same number of fields most
   * consistently; ties go to {@code ;}, tab, {@code |}, then {@code ,}. A file with none of them is one column,
   * reported as {@code ,}.
   */
  static char sniffDelimiter(String text) {
    int[][] counts = new int[CANDIDATES.length][20];
    int lines = 0;
    boolean quoted = false;
    int lineStart = 0;
    boolean blank = true;
    for (int i = 0; i < text.length() && lines < 20; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (!blank) {
          lines++;
        }
        blank = true;
        lineStart = i + 1;
        continue;
      } else if (!quoted) {
        for (int k = 0; k < CANDIDATES.length; k++) {
          if (c == CANDIDATES[k]) {
            counts[k][lines]++;
          }
        }
      }
      if (!Character.isWhitespace(c)) {
        blank = false;
      }
    }
    if (!blank && lines < 20 && lineStart < text.length()) {
      lines++;
    }
    char best = ',';
    long bestScore = 0;
    for (int k = 0; k < CANDIDATES.length; k++) {
      int mode = mode(counts[k], lines);
      if (mode == 0) {
        continue;
      }
      int agree = 0;
      for (int l = 0; l < lines; l++) {
        if (counts[k][l] == mode) {
          agree++;
        }
      }
      long score = (long) agree * 1000 + Math.min(mode, 999);
      if (score > bestScore) {
        bestScore = score;
        best = CANDIDATES[k];
      }
    }
    return best;
  }

  private static int mode(int[] values, int n) {
    int best = 0;
    int bestFreq = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] == 0) {
        continue;
      }
      int f = 0;
      for (int j = 0; j < n; j++) {
        if (values[j] == values[i]) {
          f++;
        }
      }
      if (f > bestFreq || (f == bestFreq && values[i] > best)) {
        best = values[i];
        bestFreq = f;
      }
    }
    return best;
  }

  /**
   * The name of a delimiter as options spell it.
   *
   * @param d the delimiter
   * @return {@code ;}, {@code ,}, {@code tab} or {@code |}
   */
  public static String delimiterName(char d) {
    return d == '\t' ? "tab" : String.valueOf(d);
  }

  /**
   * Parses an option value.
   *
   * @param option {@code auto}, {@code tab}, or a single character
   * @return the delimiter, or null for {@code auto}
   * @throws IllegalArgumentException when it is neither
   */
  public static @Nullable Character parseDelimiter(String option) {
    String o = option.trim();
    if (o.equalsIgnoreCase("auto")) {
      return null;
    }
    if (o.equalsIgnoreCase("tab") || o.equals("\\t") || o.equals("\t")) {
      return '\t';
    }
    if (o.length() == 1) {
      return o.charAt(0);
    }
    throw new IllegalArgumentException("delimiter must be auto, tab or one character, was '" + option + "'");
  }

  /**
   * Parses an option value: {@code auto} (null), {@code utf-8}, {@code utf-16}, {@code windows-1251} (also
   * {@code cp1251}) or {@code koi8-r}.
   *
   * @param option the value as typed
   * @return the charset, null for {@code auto}
   * @throws BadInputException for any other encoding
   */
  public static @Nullable Charset parseEncoding(String option) {
    String o = option.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "-");
    switch (o) {
      case "auto":
        return null;
      case "utf-8": case "utf8":
        return StandardCharsets.UTF_8;
      case "utf-16": case "utf16": case "utf-16le": case "utf-16be":
        return StandardCharsets.UTF_16;
      case "windows-1251": case "cp1251": case "cp-1251":
        return WINDOWS_1251;
      case "koi8-r": case "koi8r":
        return KOI8_R;
      default:
        throw new BadInputException("--encoding", "'" + option + "' is not supported; use " + ACCEPTED);
    }
  }
}
