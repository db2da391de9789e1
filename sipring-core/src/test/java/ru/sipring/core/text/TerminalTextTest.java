package ru.sipring.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void escapeSequencesAndLineBreaksAreShownNotActedOn() {
    String callerId = "\u001b]0;pwned\u0007\u001b[31m4951234567\r\nFAKE LOG LINE\u0085\u009b2J";
    String shown = TerminalText.escape(callerId);
    assertThat(shown).isEqualTo("\\x1b]0;pwned\\x07\\x1b[31m4951234567\\r\\nFAKE LOG LINE\\u0085\\u009b2J");
    assertThat(shown.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void bidiOverridesAndSeparatorsAreEscaped() {
    assertThat(TerminalText.escape("a\u202eb\u2066c\u2028d\u0000\u007f"))
        .isEqualTo("a\\u202eb\\u2066c\\u2028d\\x00\\x7f");
  }

  @Test
  void printableTextIsReturnedAsIs() {
    String name = "Петрова Л.В. (обед) C:\\path";
    assertThat(TerminalText.escape(name)).isSameAs(name);
    assertThat(TerminalText.escape(null)).isEmpty();
  }
}
