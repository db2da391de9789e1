package ru.sipring.core.text;

/**
 * Outside text made safe for HTML and SVG (XML) content and attribute values: {@code & < > " '} become entities,
 * and the C0 control characters that XML 1.0 forbids (all but tab, LF and CR) become a space, so a caller ID or a
 * survey answer can neither open a tag nor make an SVG chart unparseable. The one escaping function of every
 * HTML/SVG writer of SipRing (the inbound report and its charts, the outbound report, the survey report and its
 * charts).
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class HtmlText {
  private HtmlText() {}

  /**
   * {@code text} escaped for an HTML or XML text node or a quoted attribute value.
   *
   * @param text outside text
   * @return the same string when nothing needs escaping (no copy), else the escaped copy
   */
  public static String escape(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String e = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? " " : null;
      };
      if (e != null && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        if (e != null) {
          b.append(e);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }
}
