package ru.sipring.campaign.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A delimited text file decoded and sniffed: its charset (UTF-8 with or without BOM, else Windows-1251) and
 * its delimiter ({@code ;}, {@code ,}, tab or {@code |}), detected unless given. Immutable.
 *
 * @param text the decoded text without a BOM
 * @param charset the charset used
 * @param bom whether a UTF-8 byte-order mark was present
 * @param delimiter the field separator
 */
public record CsvText(String text, Charset charset, boolean bom, char delimiter) {
  public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final char[] CANDIDATES = {';', '\t', '|', ','};

  public CsvText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
  }

  /**
   * Decodes and sniffs {@code bytes}.
   *
   * @param charset null to detect: a UTF-8 BOM or bytes that are valid UTF-8 mean UTF-8, anything else is
   *     taken as Windows-1251 (the Russian Excel default)
   * @param delimiter null to detect from the first lines
   */
  public static CsvText decode(byte[] bytes, @Nullable Charset charset, @Nullable Character delimiter) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
    int offset = bom ? 3 : 0;
    Charset cs = charset;
    String text = null;
    if (cs == null) {
      if (bom) {
        cs = StandardCharsets.UTF_8;
      } else {
        try {
          text = StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes)).toString();
          cs = StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
          cs = WINDOWS_1251;
        }
      }
    }
    if (text == null) {
      text = new String(bytes, offset, bytes.length - offset, cs);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') { // a BOM decoded by an explicitly chosen charset
      text = text.substring(1);
    }
    char d = delimiter != null ? delimiter : sniffDelimiter(text);
    return new CsvText(text, cs, bom, d);
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

  /** The name of a delimiter as options spell it: {@code ;}, {@code ,}, {@code tab}, {@code |}. */
  public static String delimiterName(char d) {
    return d == '\t' ? "tab" : String.valueOf(d);
  }

  /** Parses an option value: {@code auto} (null), {@code tab}, or a single character. */
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

  /** Parses an option value: {@code auto} (null), {@code utf-8}, {@code windows-1251} or another charset name. */
  public static @Nullable Charset parseEncoding(String option) {
    String o = option.trim();
    if (o.equalsIgnoreCase("auto")) {
      return null;
    }
    if (o.equalsIgnoreCase("cp1251")) {
      return WINDOWS_1251;
    }
    return Charset.forName(o);
  }
}
