package ru.sipring.core.text;

import ru.sipring.core.BadInputException;

/**
 * The guard for values that go into a line-framed protocol header (an AMI {@code Key: value} line, an hfaxd
 * command, an SMTP header): such a protocol ends a header at CR or LF, so a value that carries one can end its
 * own line and start a second action (AMI {@code Action: Command}, {@code Originate ... Application: System}).
 * Nothing is escaped here, because the receiving side has no escape syntax: an unsafe value is refused.
 *
 * <p>Refused: every C0 control character (U+0000–U+001F, which includes CR, LF, NUL and TAB), DEL (U+007F),
 * every C1 control character (U+0080–U+009F, which includes NEL U+0085) and the Unicode line and paragraph
 * separators U+2028/U+2029. Everything else, Cyrillic included, passes unchanged.
 *
 * <p>Immutable and thread-safe (static functions only).
 */
public final class ProtocolText {
  private ProtocolText() {}

  /**
   * Returns {@code value} unchanged when it can go into one protocol header line, else throws.
   *
   * @param field what the value is, named in the message (for example {@code "AMI QueuePause Reason"})
   * @param value the value to check
   * @return {@code value}
   * @throws BadInputException naming {@code field}, the character (escaped) and its position; the value itself
   *     is not repeated, so the message stays one line
   */
  public static String requireHeaderSafe(String field, String value) {
    int bad = firstUnsafe(value);
    if (bad >= 0) {
      throw new BadInputException(field, "contains the control character "
          + TerminalText.escape(String.valueOf(value.charAt(bad))) + " at position " + (bad + 1)
          + "; refused, because it could end the protocol line and start another command");
    }
    return value;
  }

  /**
   * Whether {@code value} holds no character that {@link #requireHeaderSafe} refuses.
   *
   * @param value the value to check
   * @return true when it is safe for one header line
   */
  public static boolean isHeaderSafe(String value) {
    return firstUnsafe(value) < 0;
  }

  /**
   * The index of the first refused character, or -1.
   *
   * @param value the value to scan
   * @return the index, or -1 when every character is allowed
   */
  public static int firstUnsafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (isControl(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** C0, DEL, C1 and the two Unicode line separators: the characters no header or name may hold. */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }
}
