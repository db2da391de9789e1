package ru.sipring.fax;

/**
 * Outside text (a sender's TSI, caller ID name and number, file names from the receive hook) made safe for a
 * plain-text mail body or subject: control characters (CR and LF included), Unicode line and paragraph
 * separators and bidirectional overrides are shown escaped (backslash-r, -n, -t, or backslash-u and four hex
 * digits), so the text can neither start a header line, fake further lines of the mail, nor
 * reorder what the reader sees. Everything else is kept. Stateless, thread-safe.
 *
 * <p>The same rule as core's terminal and log escaping; kept here so the fax module does not wait for it.
 */
final class MailText {
  private MailText() {}

  /** {@code text} with every character that could break a line or a mail header shown escaped. */
  static String plain(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String esc = escape(c);
      if (esc == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(esc);
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\r':
        return "\\r";
      case '\n':
        return "\\n";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
        || c == '\u200F' || c == '\u061C';
    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || bidi) {
      return String.format("\\u%04X", (int) c);
    }
    return null;
  }
}
