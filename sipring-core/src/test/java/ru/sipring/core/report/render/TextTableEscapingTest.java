package ru.sipring.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operator and queue names in the text report come from queue_log and the registry: they must not drive a terminal. */
class TextTableEscapingTest {

  @Test
  void controlCharactersInCellsAreShownEscapedAndColumnsStayAligned() {
    DisplayTable t = new DisplayTable("Operators \u001b]0;x\u0007").left("Operator").right("Calls")
        .row("Петрова\u001b[31m\r\nforged line", "12")
        .row("Иванов", "3");
    StringBuilder b = new StringBuilder();
    TextReportRenderer.table(b, t, new Labels(ReportLanguage.EN));
    String shown = b.toString();
    assertThat(shown).contains("Петрова\\x1b[31m\\r\\nforged line");
    assertThat(shown.chars()).noneMatch(c -> c == 0x1b || c == '\r');
    assertThat(shown.lines()).noneMatch(l -> l.startsWith("forged"));
    // widths are those of the escaped text: both rows end in the same column
    var rows = shown.lines().filter(l -> l.startsWith("Петрова") || l.startsWith("Иванов")).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).length()).isEqualTo(rows.get(1).length());
  }
}
