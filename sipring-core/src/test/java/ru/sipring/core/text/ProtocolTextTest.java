package ru.sipring.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

class ProtocolTextTest {

  @Test
  void smuggledAmiActionIsRefusedWithOneLineNamingTheField() {
    String reason = "lunch\r\n\r\nAction: Command\r\nCommand: core stop now";
    assertThatThrownBy(() -> ProtocolText.requireHeaderSafe("AMI QueuePause Reason", reason))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("AMI QueuePause Reason: contains the control character \\r at position 6")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "core stop"));
  }

  @Test
  void everyControlAndSeparatorCharacterIsRefused() {
    for (char c : new char[] {'\0', '\n', '\r', '\t', 0x1b, 0x7f, 0x85, 0x9b, '\u2028', '\u2029'}) {
      assertThat(ProtocolText.isHeaderSafe("a" + c + "b")).as("U+%04X", (int) c).isFalse();
      assertThatThrownBy(() -> ProtocolText.requireHeaderSafe("f", "a" + c)).isInstanceOf(BadInputException.class);
    }
  }

  @Test
  void ordinaryValuesPassUnchanged() {
    for (String ok : new String[] {"Петрова ЛВ", "PJSIP/501", "Local/501@from-queue/n", "\"Продажи\" <4951234567>",
        "обед", "hint:501@ext-local", ""}) {
      assertThat(ProtocolText.requireHeaderSafe("f", ok)).isSameAs(ok);
    }
  }
}
