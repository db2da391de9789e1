package ru.sipring.core.text;

import org.jspecify.annotations.Nullable;

/**
 * Outside text made safe for a terminal or a log line: every control character is shown escaped instead of being
 * acted on, so a caller ID with {@code ESC ] 0 ;} cannot retitle or recolour the admin's terminal, and an
 * operator name with CR/LF cannot forge a second log line. Used by the text renderers, {@code sipring live} and
 * every log message that quotes text from a caller, a file or a PBX row.
 *
 * <p>Escapes: {@code \r}, {@code \n}, {@code \t}; other C0 characters and DEL as {@code \xNN} (ESC is
 * {@code \x1b}); C1 characters (U+0080–U+009F, NEL U+0085, CSI U+009B), the line and paragraph separators and
 * the bidirectional marks, overrides and isolates (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069, which can make a line read
 * differently from what it holds) as {@code \}{@code uNNNN}. Printable text, Cyrillic included, is unchanged, and
 * so is the backslash (a literal {@code \n} typed by someone is harmless: it starts no line).
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class TerminalText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TerminalText() {}

  /**
   * {@code text} with its control characters shown escaped; null becomes {@code ""}.
   *
   * @param text outside text, or null
   * @return the same text when it holds nothing to escape (no copy), else the escaped copy
   */
  public static String escape(@Nullable CharSequence text) {
    if (text == null) {
      return "";
    }
    int first = -1;
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return text.toString();
    }
    StringBuilder b = new StringBuilder(text.length() + 8);
    b.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x80) {
            b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            b.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Whether {@code c} is shown escaped by {@link #escape}.
   *
   * @param c a character
   * @return true for control, separator and bidi-override characters
   */
  public static boolean needsEscape(char c) {
    return ProtocolText.isControl(c) || c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
